'use client';
// The tickets of this station in order, numbered for the bump bar, or why there are none.
import type { UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { KitchenBoardData } from '@/lib/client/queries';
import type { Ticket } from '@/lib/client/schemas';
import { STATION_LABEL, type Station } from '@/lib/orders/kitchen';
import type { Alert } from './sound';
import { TicketCard } from './ticket-card';
import type { Label, TicketAction } from './types';
import type { Act } from './use-bump';

export function TicketBoard(props: {
  board: UseQueryResult<KitchenBoardData>;
  visible: readonly Ticket[];
  station: Station;
  now: number;
  label: Label;
  selected: string | null;
  busy: ReadonlySet<string>;
  alertOf: (orderId: string) => Alert | null;
  act: Act;
  onSelect: (ticket: Ticket) => void;
  onHistory: (ticket: Ticket) => void;
}) {
  const { board, visible, station, act } = props;
  const data = board.data;
  // Stable handlers, so a card re-renders only when what it shows changes (TicketCard is memoised).
  const onAction = useCallback((ticket: Ticket, action: TicketAction) => void act(ticket, action), [act]);
  const onItem = useCallback(
    (ticket: Ticket, index: number, done: boolean) => void act(ticket, 'item', false, { index, done }),
    [act],
  );
  if (board.isPending) return <p className="p-8 text-2xl text-zinc-400">Loading tickets…</p>;
  if (board.isError && !data)
    return (
      <p role="alert" className="p-8 text-2xl text-red-300">
        Could not load tickets: {board.error.message}
      </p>
    );
  if (visible.length === 0)
    return (
      <p className="p-8 text-3xl font-bold text-zinc-400">
        No tickets{station !== 'all' ? ` for ${STATION_LABEL[station]}` : ''}. All caught up.
      </p>
    );
  return (
    <ol aria-label="Tickets" className="grid grid-cols-[repeat(auto-fill,minmax(240px,1fr))] gap-3">
      {visible.map((t, i) => (
        <li key={t.order_id}>
          <TicketCard
            ticket={t}
            position={i + 1}
            today={data!.business_date}
            station={station}
            now={props.now}
            aging={data!.aging}
            label={props.label}
            selected={props.selected === t.order_id}
            busy={props.busy.has(t.order_id)}
            onAction={onAction}
            onItem={onItem}
            onSelect={props.onSelect}
            alert={props.alertOf(t.order_id)}
            onHistory={props.onHistory}
          />
        </li>
      ))}
    </ol>
  );
}
