'use client';

import { memo } from 'react';
import { cn } from '@/components/ui/cn';
import type { Ticket } from '@/lib/client/schemas';
import { ageLevel, formatAge, STATUS_LABEL, type Aging, type Station } from '@/lib/orders/kitchen';
import type { Alert } from './sound';
import { TicketActions } from './ticket-actions';
import { AGE_STYLE, TicketBanners, TicketChips } from './ticket-badges';
import { TicketLines } from './ticket-lines';
import type { Label, TicketAction } from './types';
import { STATUS } from '@/lib/orders/status';

/**
 * One ticket: its header (position for the bump bar, number, name, age), chips and bands, what to
 * make, and its buttons. Memoised: a card re-renders when its ticket (kept by identity while its
 * version is unchanged, through the query cache's structural sharing) or what it is shown with changes.
 */
export const TicketCard = memo(function TicketCard(props: {
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
      <TicketChips ticket={t} level={level} now={now} alert={props.alert} />
      <TicketBanners ticket={t} today={props.today} station={props.station} label={label} alert={props.alert} />
      <TicketLines ticket={t} label={label} busy={props.busy} onItem={props.onItem} />
      <TicketActions ticket={t} busy={props.busy} onAction={props.onAction} onHistory={props.onHistory} />
    </article>
  );
});
