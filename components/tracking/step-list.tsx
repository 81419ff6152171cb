import { cn } from '@/components/ui/cn';
import type { OrderStatus } from '@/lib/orders/status';
import { STEP_WORDS } from './words';

type StepState = 'done' | 'current' | 'upcoming';

const DOT: Record<StepState, string> = {
  done: 'bg-emerald-400 text-black',
  current: 'bg-amber-300 text-black ring-4 ring-amber-300/30',
  upcoming: 'border-2 border-zinc-600 text-zinc-300',
};
const WORDS: Record<StepState, string> = {
  done: 'text-zinc-300',
  current: 'text-xl font-black text-white',
  upcoming: 'text-zinc-400',
};

/** The order's steps, top to bottom, with the current one unmistakable (and aria-current for screen readers). */
export function StepList({ steps, status }: { steps: readonly OrderStatus[]; status: OrderStatus }) {
  const at = steps.indexOf(status);
  return (
    <section
      aria-labelledby="tracker-steps-heading"
      className="rounded-3xl bg-zinc-900 p-5 ring-1 ring-zinc-800 max-[300px]:p-3"
    >
      <h2 id="tracker-steps-heading" className="text-lg font-bold text-zinc-200">
        Progress
      </h2>
      <ol className="mt-3">
        {steps.map((step, i) => {
          const state: StepState = i < at ? 'done' : i === at ? 'current' : 'upcoming';
          const last = i === steps.length - 1;
          const finished = state === 'done' || (state === 'current' && last); // picked up: nothing more to wait for
          return (
            <li
              key={step}
              data-testid={`tracker-step-${step}`}
              data-state={state}
              aria-current={state === 'current' ? 'step' : undefined}
              className="relative flex min-h-14 items-center gap-4 pb-2 max-[300px]:gap-2"
            >
              {!last && (
                <span
                  aria-hidden
                  className={cn(
                    'absolute top-10 bottom-0 left-[1.125rem] w-0.5',
                    i < at ? 'bg-emerald-400' : 'bg-zinc-700',
                  )}
                />
              )}
              <span
                aria-hidden
                className={cn(
                  'relative flex size-9 shrink-0 items-center justify-center rounded-full text-base font-black',
                  DOT[finished ? 'done' : state],
                )}
              >
                {finished ? '✓' : i + 1}
              </span>
              {/* Wraps rather than overlaps: at 200% zoom the badge drops below the words. */}
              <span className="flex min-w-0 flex-1 flex-wrap items-center justify-between gap-x-3 gap-y-1">
                <span className={cn('min-w-0 text-lg leading-tight break-words', WORDS[state])}>
                  <span data-testid="tracker-step-name">{STEP_WORDS[step]}</span>
                  {state === 'done' && <span className="sr-only"> (done)</span>}
                </span>
                {state === 'current' && !last && (
                  <span className="rounded-full bg-amber-300 px-3 py-0.5 text-sm font-black text-black uppercase">
                    Now
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
