'use client';
// What a ticket says about itself at a glance: its status, how late it is (never by colour alone),
// where it came from and how far its items are, then the loud bands (canceled, toast, RUSH, left
// open from an earlier day, changed).
import { cn } from '@/components/ui/cn';
import type { Ticket } from '@/lib/client/schemas';
import { formatAge, STATUS_LABEL, type AgeLevel, type Station } from '@/lib/orders/kitchen';
import type { Alert } from './sound';
import type { Label } from './types';
import { STATUS } from '@/lib/orders/status';

// Urgency never by colour alone: each level also has its own border pattern (solid, dashed, double),
// an icon and words with the age ("LATE 9:12"), so it reads the same to a colour-blind cook and
// on a washed-out tablet (checked under Chromium's vision-deficiency emulation in the e2e suite).
export const AGE_STYLE: Record<AgeLevel, { band: string; border: string; label: string }> = {
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

/** The chips under a ticket's header: status, age, source and order type, items done. */
export function TicketChips({
  ticket: t,
  level,
  now,
  alert,
}: {
  ticket: Ticket;
  level: AgeLevel;
  now: number;
  alert: Alert | null;
}) {
  const canceled = t.status === STATUS.canceled;
  const age = AGE_STYLE[level];
  const itemsDone = t.items ? t.items_done.length : 0;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 px-3 pt-2 text-sm font-semibold">
      {!canceled && (
        <span
          className={cn(
            'rounded-full px-2.5 py-0.5 text-base uppercase',
            STATUS_STYLE[t.status],
            alert === 'new' && 'animate-pulse bg-white text-black',
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
  );
}

/** The loud bands across a ticket: canceled, the toaster's toast, RUSH, left open past closing, changed. */
export function TicketBanners({
  ticket: t,
  today,
  station,
  label,
  alert,
}: {
  ticket: Ticket;
  today: string;
  station: Station;
  label: Label;
  alert: Alert | null;
}) {
  const canceled = t.status === STATUS.canceled;
  return (
    <>
      {canceled && (
        <p
          className={cn(
            'mx-3 mt-2 rounded-lg bg-red-600 px-3 py-1.5 text-center text-white',
            alert === 'canceled' && 'animate-pulse',
          )}
        >
          <span className="block text-3xl font-black tracking-wide uppercase">Canceled</span>
          {t.canceled_by && <span className="block text-lg font-bold">{CANCELED_BY[t.canceled_by]}</span>}
        </p>
      )}
      {station === 'toaster' && t.toast && t.toast !== 'none' && !canceled && (
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
      {t.business_date < today && !canceled && (
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
            alert === 'edited' && 'animate-pulse',
          )}
        >
          Changed
        </p>
      )}
    </>
  );
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
