'use client';

import { cn } from '@/components/ui/cn';
import type { Ticket } from '@/lib/client/schemas';
import {
  advanceLabel,
  ageLevel,
  formatAge,
  STATUS_LABEL,
  type Aging,
  type AgeLevel,
  type Station,
} from '@/lib/orders/kitchen';
import { canCancel, canMarkItems, STATUS } from '@/lib/orders/status';
import type { Alert } from './sound';

// Urgency never by colour alone: each level also has its own border pattern (solid, dashed, double),
// an icon and words with the age ("LATE 9:12"), so it reads the same to a colour-blind cook and
// on a washed-out tablet (checked under Chromium's vision-deficiency emulation in the e2e suite).
const AGE_STYLE: Record<AgeLevel, { band: string; border: string; label: string }> = {
  normal: { band: 'bg-age-normal text-black', border: 'border-4 border-solid border-age-normal/60', label: '' },
  warning: {
    band: 'bg-age-warning text-black',
    border: 'border-4 border-dashed border-age-warning',
    label: 'LATE SOON',
  },
  late: {
    band: 'bg-age-late text-white',
    border: 'border-double border-[6px] border-age-late animate-late',
    label: 'LATE',
  },
};

/** A clock for "late soon", a warning triangle for "late": line icons (tablet fonts lack most symbols). */
function AgeIcon({ level }: { level: AgeLevel }) {
  if (level === 'normal') return null;
  const d = level === 'late' ? 'M12 3 2 21h20L12 3zm0 6v6m0 3h.01' : 'M12 7v5l3 2M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z';
  return (
    <svg
      aria-hidden
      data-testid="age-icon"
      viewBox="0 0 24 24"
      className="h-5 w-5 shrink-0"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.5}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={d} />
    </svg>
  );
}

const STATUS_STYLE: Record<Ticket['status'], string> = {
  queued: 'bg-sky-500/20 text-sky-200',
  prepping: 'bg-violet-500/25 text-violet-100',
  toasting: 'bg-orange-500/25 text-orange-100',
  ready: 'bg-emerald-500/25 text-emerald-100',
  delivered: 'bg-zinc-700 text-zinc-200',
  canceled: 'bg-red-600 text-white',
};

const SOURCE: Record<Ticket['source'], string> = { api: 'PB&J app', kitchenhub: 'Delivery' };
const ORDER_TYPE: Record<Ticket['order_type'], string> = { pickup: 'Pickup', delivery: 'Delivery', dinein: 'Dine-in' };
const CANCELED_BY: Record<NonNullable<Ticket['canceled_by']>, string> = {
  customer: 'by the customer',
  kitchen: 'by the kitchen',
  provider: 'by the delivery app',
};

export type Label = (type: string, option: string | null) => string;
export type TicketAction = 'advance' | 'undo' | 'cancel' | 'acknowledge' | 'rush' | 'unrush' | 'item';

export function TicketCard(props: {
  ticket: Ticket;
  position: number;
  /** Today's business day (the board's): a ticket from an earlier day was left open past the close. */
  today: string;
  /** The screen's station: each shows its part of the ticket first (the toaster, the toast). */
  station: Station;
  now: number;
  aging: Aging;
  label: Label;
  selected: boolean;
  busy: boolean;
  onAction: (ticket: Ticket, action: TicketAction) => void;
  onSelect: (ticket: Ticket) => void;
  onHistory: (ticket: Ticket) => void;
  /** Marks one delivery-app item done or not (item-level bumping). */
  onItem: (ticket: Ticket, index: number, done: boolean) => void;
  /** What the ticket is sounding about until a cook acknowledges it (that part of it pulses). */
  alert: Alert | null;
}) {
  const { ticket: t, now, aging, label } = props;
  const canceled = t.status === STATUS.canceled;
  const level = ageLevel(t.created_at, now, aging);
  const age = AGE_STYLE[level];
  const changed = t.attention?.kind === 'edited' ? t.attention.changes : {};
  const next = advanceLabel(t);
  // Multi-item orders are bumped item by item while being made: the last one makes the ticket ready.
  const markable = (t.items?.length ?? 0) > 1 && canMarkItems(t.status);
  const itemsDone = t.items ? t.items_done.length : 0;
  const line = (field: string, text: string | null) => {
    if (!text) return null;
    const change = changed[field];
    return (
      <li
        key={field}
        className={cn('flex flex-wrap items-baseline gap-x-2', change && 'rounded-md bg-amber-400/15 px-1 -mx-1')}
      >
        {change ? (
          <>
            <span className="text-base text-zinc-400 line-through">{fieldText(field, change.from, label)}</span>
            <span aria-hidden>→</span>
            <strong className="text-amber-200">{text}</strong>
          </>
        ) : (
          <span>{text}</span>
        )}
      </li>
    );
  };

  return (
    <article
      data-testid={`ticket-${t.order_id}`}
      data-status={t.status}
      data-age={level}
      aria-label={`Ticket ${t.daily_number}${t.customer_first_name ? ` for ${t.customer_first_name}` : ''}, ${STATUS_LABEL[t.status]}`}
      onClick={() => props.onSelect(t)}
      className={cn(
        'flex h-full flex-col overflow-hidden rounded-2xl bg-zinc-900 shadow-lg',
        canceled
          ? 'border-4 border-red-600 bg-[repeating-linear-gradient(135deg,#450a0a_0_16px,#18181b_16px_32px)]'
          : age.border,
        t.rush && !canceled && !props.selected && 'ring-4 ring-white/70',
        props.selected && 'ring-4 ring-white ring-offset-2 ring-offset-zinc-950',
      )}
      data-alerting={props.alert !== null}
    >
      <header className={cn('flex items-center gap-2 px-3 py-2', canceled ? 'bg-red-600 text-white' : age.band)}>
        <span className="rounded-md bg-black/25 px-1.5 text-sm font-bold">{props.position}</span>
        <span className="text-3xl leading-none font-black">#{t.daily_number}</span>
        <span className="min-w-0 flex-1 truncate text-xl font-bold">{t.customer_first_name ?? ''}</span>
        <span className="text-2xl font-black tabular-nums" aria-label={`Age ${formatAge(now - t.created_at)}`}>
          {formatAge(now - t.created_at)}
        </span>
      </header>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 px-3 pt-2 text-sm font-semibold">
        {!canceled && (
          <span
            className={cn(
              'rounded-full px-2.5 py-0.5 text-base uppercase',
              STATUS_STYLE[t.status],
              props.alert === 'new' && 'animate-pulse bg-white text-black',
            )}
          >
            {STATUS_LABEL[t.status]}
          </span>
        )}
        {age.label && !canceled && (
          <span
            data-testid="age-label"
            className={cn('inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-base font-black', age.band)}
          >
            <AgeIcon level={level} />
            {age.label} {formatAge(now - t.created_at)}
          </span>
        )}
        <span className="text-zinc-300">
          {t.provider ?? SOURCE[t.source]} · {ORDER_TYPE[t.order_type]}
        </span>
        {(t.items?.length ?? 0) > 1 && (
          <span
            data-testid="items-progress"
            className={cn(
              'rounded-full px-2.5 py-0.5 text-base font-black',
              itemsDone > 0 ? 'bg-emerald-500/25 text-emerald-100' : 'bg-zinc-800 text-zinc-300',
            )}
          >
            {itemsDone}/{t.items!.length} done
          </span>
        )}
      </div>

      {canceled && (
        <p
          className={cn(
            'mx-3 mt-2 rounded-lg bg-red-600 px-3 py-1.5 text-center text-white',
            props.alert === 'canceled' && 'animate-pulse',
          )}
        >
          <span className="block text-3xl font-black tracking-wide uppercase">Canceled</span>
          {t.canceled_by && <span className="block text-lg font-bold">{CANCELED_BY[t.canceled_by]}</span>}
        </p>
      )}
      {props.station === 'toaster' && t.toast && t.toast !== 'none' && !canceled && (
        <p
          data-testid="toast-band"
          className="mx-3 mt-2 rounded-lg bg-orange-500 py-1 text-center text-3xl font-black tracking-wide text-black uppercase"
        >
          Toast: {label('toast', t.toast)}
        </p>
      )}
      {t.rush && !canceled && (
        <p
          data-testid="rush-flag"
          className="mx-3 mt-2 flex items-center justify-center gap-2 rounded-lg bg-white py-1 text-2xl font-black tracking-widest text-black"
        >
          <svg aria-hidden viewBox="0 0 24 24" className="h-6 w-6" fill="currentColor">
            <path d="M13 2 4 14h7l-1 8 9-12h-7l1-8z" />
          </svg>
          RUSH
        </p>
      )}
      {t.business_date < props.today && !canceled && (
        <p
          data-testid="stale-flag"
          className="mx-3 mt-2 rounded-lg bg-fuchsia-600 px-3 py-1 text-center font-black text-white"
        >
          FROM {dayName(t.business_date)} · left open past closing: a manager resolves it
        </p>
      )}
      {t.attention?.kind === 'edited' && (
        <p
          className={cn(
            'mx-3 mt-2 rounded-lg bg-amber-400 px-3 py-1 text-center text-xl font-black text-black uppercase',
            props.alert === 'edited' && 'animate-pulse',
          )}
        >
          Changed
        </p>
      )}

      <ul className={cn('flex-1 space-y-0.5 px-3 py-2 text-xl leading-snug font-semibold', canceled && 'opacity-70')}>
        {line('bread', label('bread', t.bread))}
        {line('peanut_butter', t.peanut_butter && `${label('peanut_butter', t.peanut_butter)} PB`)}
        {line('jelly', t.jelly && `${label('jelly', t.jelly)} jelly`)}
        {line(
          'toast',
          t.toast && t.toast !== 'none' ? `Toast: ${label('toast', t.toast)}` : t.source === 'api' ? 'No toast' : null,
        )}
        {line('cut', t.cut && `Cut: ${label('cut', t.cut)}`)}
        {t.extras.length > 0 && line('extras', `+ ${t.extras.map((e) => label('extras', e)).join(', ')}`)}
        {changed.extras && t.extras.length === 0 && line('extras', 'No extras')}
        {t.items?.map((item, i) => {
          const done = t.items_done.includes(i);
          const body = (
            <>
              <span className={cn(done && 'text-zinc-400 line-through')}>
                <span className="font-black">{item.quantity} ×</span> {item.name}
              </span>
              {item.options && item.options.length > 0 && (
                <span className={cn('block pl-6 text-lg', done ? 'text-zinc-600' : 'text-zinc-300')}>
                  {item.options.map((o) => o.name).join(', ')}
                </span>
              )}
              {item.instructions && !done && (
                <span className="mt-0.5 block rounded bg-yellow-300 px-2 text-lg text-black">
                  “{item.instructions}”
                </span>
              )}
            </>
          );
          return (
            <li key={i} data-testid="ticket-item" data-done={done}>
              {markable ? (
                <button
                  type="button"
                  aria-pressed={done}
                  aria-label={`${item.quantity} × ${item.name}: ${done ? 'done, tap to undo' : 'tap when done'}`}
                  disabled={props.busy}
                  onClick={(e) => {
                    e.stopPropagation();
                    props.onItem(t, i, !done);
                  }}
                  className="flex min-h-12 w-full items-start gap-2 rounded-lg px-1 text-left active:bg-zinc-800 disabled:opacity-60"
                >
                  <span
                    aria-hidden
                    className={cn(
                      'mt-1 grid h-6 w-6 shrink-0 place-items-center rounded-md border-2 text-base font-black',
                      done ? 'border-emerald-400 bg-emerald-500 text-black' : 'border-zinc-400',
                    )}
                  >
                    {done ? '✓' : ''}
                  </span>
                  <span className="min-w-0 flex-1">{body}</span>
                </button>
              ) : (
                body
              )}
            </li>
          );
        })}
      </ul>
      {t.notes && (
        <p
          className={cn(
            'mx-3 mb-2 rounded-lg bg-yellow-300 px-3 py-1.5 text-lg font-bold text-black',
            changed.notes && 'ring-4 ring-amber-500',
          )}
        >
          ⚠ {t.notes}
        </p>
      )}

      <footer className="flex gap-1.5 border-t border-zinc-800 p-2">
        {t.attention ? (
          <TicketButton
            label="Got it"
            look="flex-1 bg-white text-2xl font-black text-black active:bg-zinc-300"
            busy={props.busy}
            onTap={() => props.onAction(t, 'acknowledge')}
          />
        ) : (
          next && (
            <TicketButton
              label={next}
              look={cn(
                'min-w-0 flex-1 bg-emerald-500 font-black text-black active:bg-emerald-300',
                canCancel(t.status) ? 'text-xl' : 'text-2xl',
              )}
              busy={props.busy}
              onTap={() => props.onAction(t, 'advance')}
            />
          )
        )}
        {canCancel(t.status) && (
          <TicketButton
            label="Cancel"
            look="border-2 border-red-500 px-3 text-lg font-bold text-red-300 active:bg-red-950"
            busy={props.busy}
            onTap={() => props.onAction(t, 'cancel')}
          />
        )}
        <button
          type="button"
          aria-label={`History and rush for #${t.daily_number}`}
          onClick={(e) => {
            e.stopPropagation();
            props.onHistory(t);
          }}
          className="flex min-h-16 w-10 shrink-0 items-center justify-center rounded-xl bg-zinc-800 text-zinc-200 active:bg-zinc-700"
        >
          <svg
            aria-hidden
            viewBox="0 0 24 24"
            className="h-6 w-6"
            fill="none"
            stroke="currentColor"
            strokeWidth={2.2}
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            <path d="M3 12a9 9 0 1 0 3-6.7L3 8m0-5v5h5m4-1v5l3 2" />
          </svg>
        </button>
      </footer>
    </article>
  );
}

/** A ticket's button; a tap acts on the ticket without also selecting it. */
function TicketButton({ label, look, busy, onTap }: { label: string; look: string; busy: boolean; onTap: () => void }) {
  return (
    <button
      type="button"
      disabled={busy}
      onClick={(e) => {
        e.stopPropagation();
        onTap();
      }}
      className={cn('min-h-16 rounded-xl disabled:opacity-50', look)}
    >
      {label}
    </button>
  );
}

function fieldText(field: string, value: unknown, label: Label): string {
  if (Array.isArray(value))
    return value.length ? `+ ${value.map((v) => label('extras', String(v))).join(', ')}` : 'No extras';
  if (value === null || value === undefined) return '—';
  const text = label(field, String(value));
  switch (field) {
    case 'peanut_butter':
      return `${text} PB`;
    case 'jelly':
      return `${text} jelly`;
    case 'toast':
      return value === 'none' ? 'No toast' : `Toast: ${text}`;
    case 'cut':
      return `Cut: ${text}`;
    default:
      return text;
  }
}

/** "MON 1 DEC" for a business date (YYYY-MM-DD). */
function dayName(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(d.getTime())
    ? date
    : d
        .toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
        .toUpperCase();
}
