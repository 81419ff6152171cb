'use client';
// Small building blocks of the manager console: dark like the kitchen, every control at least 48 px.
import { useId } from 'react';
import { cn } from '@/components/ui/cn';

type Tone = 'primary' | 'neutral' | 'danger' | 'success';
const TONE: Record<Tone, string> = {
  primary: 'bg-violet-600 text-white hover:bg-violet-500',
  neutral: 'bg-zinc-800 text-zinc-100 hover:bg-zinc-700',
  danger: 'bg-red-600 text-white hover:bg-red-500',
  success: 'bg-emerald-600 text-white hover:bg-emerald-500',
};

export function Button({
  tone = 'neutral',
  className,
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { tone?: Tone }) {
  return (
    <button
      type="button"
      {...props}
      className={cn(
        'inline-flex min-h-12 items-center justify-center gap-2 rounded-xl px-5 text-base font-bold transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-400 disabled:cursor-not-allowed disabled:opacity-40',
        TONE[tone],
        className,
      )}
    />
  );
}

export function Card({
  title,
  description,
  children,
  className,
  actions,
  testId,
}: {
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
  actions?: React.ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      data-testid={testId}
      className={cn('rounded-2xl border border-zinc-800 bg-zinc-900/70 p-5', className)}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={id} className="text-xl font-bold">
            {title}
          </h2>
          {description && <p className="mt-1 text-zinc-400">{description}</p>}
        </div>
        {actions}
      </div>
      <div className="mt-4">{children}</div>
    </section>
  );
}

export function PageHeader({
  title,
  children,
  actions,
}: {
  title: string;
  children?: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-3xl font-black tracking-tight">{title}</h1>
        {children && <p className="mt-1 max-w-3xl text-lg text-zinc-400">{children}</p>}
      </div>
      {actions}
    </header>
  );
}

/** A message under a form: what went wrong (role=alert) or what just happened (role=status). */
export function Notice({
  tone,
  children,
  testId,
}: {
  tone: 'error' | 'ok';
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <p
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
      className={cn(
        'rounded-xl px-4 py-3 font-medium',
        tone === 'error'
          ? 'bg-red-500/15 text-red-200 ring-1 ring-red-500/40'
          : 'bg-emerald-500/15 text-emerald-200 ring-1 ring-emerald-500/40',
      )}
    >
      {children}
    </p>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  type?: 'text' | 'password';
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  autoComplete?: string;
  className?: string;
  invalid?: boolean;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className={cn('flex flex-col gap-1.5', props.className)}>
      <label htmlFor={id} className="text-sm font-semibold text-zinc-300">
        {props.label}
      </label>
      <input
        id={id}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        value={props.value}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        autoComplete={props.autoComplete ?? 'off'}
        aria-invalid={props.invalid || undefined}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
        className={cn(
          'h-12 rounded-xl border bg-zinc-950 px-4 text-lg text-zinc-100 placeholder:text-zinc-600 focus:border-violet-500 focus:outline-none disabled:opacity-60',
          props.invalid ? 'border-red-500' : 'border-zinc-700',
        )}
      />
    </div>
  );
}

/** Two to four choices as one row of big radio buttons (role=radiogroup). */
export function Segmented<T extends string>(props: {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (v: T) => void;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={cn('flex flex-col gap-1.5', props.className)}>
      <span id={id} className="text-sm font-semibold text-zinc-300">
        {props.label}
      </span>
      <div
        role="radiogroup"
        aria-labelledby={id}
        className="flex gap-1 rounded-xl bg-zinc-950 p-1 ring-1 ring-zinc-700"
      >
        {props.options.map((o) => (
          <button
            key={o.value}
            type="button"
            role="radio"
            aria-checked={o.value === props.value}
            onClick={() => props.onChange(o.value)}
            className={cn(
              'min-h-10 flex-1 rounded-lg px-4 font-bold',
              o.value === props.value ? 'bg-white text-black' : 'text-zinc-300 hover:bg-zinc-800',
            )}
          >
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}

/** A number with big − and + buttons for touch, and a box to type into for keyboards. */
export function Stepper(props: {
  label: string;
  hint?: string;
  value: number;
  step: number;
  min: number;
  max: number;
  unit?: string;
  onChange: (v: number) => void;
  invalid?: boolean;
}) {
  const id = useId();
  const clamp = (v: number) => Math.min(props.max, Math.max(props.min, Math.round(v / props.step) * props.step));
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-semibold text-zinc-300">
        {props.label}
      </label>
      <div className="flex items-center gap-2">
        <button
          type="button"
          aria-label={`Less ${props.label.toLowerCase()}`}
          onClick={() => props.onChange(clamp(props.value - props.step))}
          disabled={props.value <= props.min}
          className="h-12 w-12 shrink-0 rounded-xl bg-zinc-800 text-2xl font-black hover:bg-zinc-700 disabled:opacity-40"
        >
          −
        </button>
        <div
          className={cn(
            'flex h-12 min-w-0 flex-1 items-center rounded-xl border bg-zinc-950 px-3',
            props.invalid ? 'border-red-500' : 'border-zinc-700',
          )}
        >
          <input
            id={id}
            type="number"
            inputMode="decimal"
            step={props.step}
            min={props.min}
            max={props.max}
            value={Number.isFinite(props.value) ? props.value : ''}
            aria-invalid={props.invalid || undefined}
            onChange={(e) => props.onChange(e.target.valueAsNumber)}
            className="w-full min-w-0 bg-transparent text-center text-xl font-bold tabular-nums focus:outline-none [appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none"
          />
          {props.unit && <span className="shrink-0 text-sm text-zinc-400">{props.unit}</span>}
        </div>
        <button
          type="button"
          aria-label={`More ${props.label.toLowerCase()}`}
          onClick={() => props.onChange(clamp(props.value + props.step))}
          disabled={props.value >= props.max}
          className="h-12 w-12 shrink-0 rounded-xl bg-zinc-800 text-2xl font-black hover:bg-zinc-700 disabled:opacity-40"
        >
          +
        </button>
      </div>
      {props.hint && <p className="text-sm text-zinc-400">{props.hint}</p>}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return <p className="animate-pulse text-lg text-zinc-400">Loading {what}…</p>;
}

export function LoadError({ error, retry }: { error: Error; retry: () => void }) {
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-3 rounded-xl bg-red-500/15 px-4 py-3 text-red-200 ring-1 ring-red-500/40"
    >
      <span className="font-medium">{error.message}</span>
      <Button onClick={retry}>Try again</Button>
    </div>
  );
}
