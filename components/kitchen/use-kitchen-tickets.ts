'use client';
// The kitchen's tickets: the board query, kept current by the live stream (from the event log, with a
// refetch whenever an event was missed), polling while the stream is down, and the heartbeat that
// checks this screen against the server. Ages run on the server's clock.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveStream } from '@/lib/client/live';
import { boardQuery, orderKeys, upsertTicket, type KitchenBoardData } from '@/lib/client/queries';
import { orderMessageSchema, type Ticket } from '@/lib/client/schemas';
import { useScreenHeartbeat } from '@/lib/client/screens';
import { ticketDigest } from '@/lib/orders/digest';
import { showsOnStation, type Station } from '@/lib/orders/kitchen';
import type { Label } from './types';
import type { Say } from './use-notice';
import { STATUS } from '@/lib/orders/status';

export function useKitchenTickets(opts: {
  station: Station;
  say: Say;
  /** A ticket new to this station (placed, recalled, or handed over from the station before). */
  onArrived: (orderId: string) => void;
  /** A ticket that left this station. */
  onLeft: (orderId: string) => void;
}) {
  const { station, say, onArrived, onLeft } = opts;
  const queryClient = useQueryClient();
  const board = useQuery(boardQuery());
  const [now, setNow] = useState(() => Date.now());
  // The stream starts where the first fetch left off; after that the browser resumes by Last-Event-ID.
  const [startSeq, setStartSeq] = useState<number | null>(null);
  if (board.data && startSeq === null) setStartSeq(board.data.seq);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);

  const put = useCallback(
    (ticket: Ticket) =>
      queryClient.setQueryData<KitchenBoardData>(orderKeys.board(), (b) => (b ? upsertTicket(b, ticket) : b)),
    [queryClient],
  );

  // Where this screen is in the event log. Every event carries its sequence number: a jump means an
  // event never arrived, and the screen refetches at once rather than show a kitchen less than it is.
  const seenSeq = useRef(0);
  const boardSeq = board.data?.seq;
  useEffect(() => {
    if (boardSeq !== undefined && boardSeq > seenSeq.current) seenSeq.current = boardSeq;
  }, [boardSeq]);
  const resyncing = useRef(false);
  const resync = useCallback(async () => {
    if (resyncing.current) return;
    resyncing.current = true;
    const before = new Map(
      (queryClient.getQueryData<KitchenBoardData>(orderKeys.board())?.tickets ?? []).map((t) => [
        t.order_id,
        t.version,
      ]),
    );
    try {
      await queryClient.refetchQueries({ queryKey: orderKeys.board(), exact: true });
    } finally {
      resyncing.current = false;
    }
    const fresh = queryClient.getQueryData<KitchenBoardData>(orderKeys.board());
    if (fresh && fresh.seq > seenSeq.current) seenSeq.current = fresh.seq;
    const after = fresh?.tickets ?? [];
    const changed =
      after.filter((t) => before.get(t.order_id) !== t.version).length +
      [...before.keys()].filter((id) => !after.some((t) => t.order_id === id)).length;
    if (changed > 0) say(`Resynced: ${changed === 1 ? '1 change' : `${changed} changes`} recovered.`, 'warn');
  }, [queryClient, say]);

  const health = useLiveStream({
    url: startSeq === null ? null : `/api/events?since=${startSeq}`,
    events: ['order'],
    onMessage: (_name, data) => {
      const msg = orderMessageSchema.parse(data);
      if (msg.event.seq <= seenSeq.current) return; // already applied (a refetch got there first)
      const gap = msg.event.seq > seenSeq.current + 1;
      const before = queryClient.getQueryData<KitchenBoardData>(orderKeys.board());
      const cached = before?.tickets.find((t) => t.order_id === msg.ticket.order_id);
      const known = cached !== undefined || before?.recent.some((t) => t.order_id === msg.ticket.order_id);
      seenSeq.current = msg.event.seq;
      put(msg.ticket);
      if (gap) void resync(); // after this event is in, so the notice counts only what was missed
      // A ticket new to this station (placed, recalled, or handed over from the station before: prep →
      // toaster → expo) alerts until a cook here acknowledges it; one that left stops. A change or a
      // cancel alerts through its `attention` until a cook taps Got it (useRepeatingAlerts).
      const wasHere = cached !== undefined && showsOnStation(station, cached);
      const isHere = showsOnStation(station, msg.ticket) && msg.ticket.status !== STATUS.canceled;
      if (isHere && !wasHere && (!known || station !== 'all')) onArrived(msg.ticket.order_id);
      else if (wasHere && !isHere) onLeft(msg.ticket.order_id);
    },
    onResync: () => void resync(),
  });
  // While the stream is down the last tickets stay up and the board polls, so nothing waits for it.
  const { refetch } = board;
  useEffect(() => {
    if (health.state !== 'reconnecting') return;
    const timer = setInterval(() => void refetch(), 5_000);
    return () => clearInterval(timer);
  }, [health.state, refetch]);

  // The heartbeat: what this screen shows and where it is; the server answers with the alarm and
  // whether the tickets here match its own (if not, something was missed: refetch).
  const { alarm, pace } = useScreenHeartbeat({
    station,
    enabled: board.data !== undefined,
    snapshot: () => {
      const tickets = queryClient.getQueryData<KitchenBoardData>(orderKeys.board())?.tickets ?? [];
      return {
        lastSeq: seenSeq.current,
        digest: ticketDigest(tickets),
        shown: tickets.filter((t) => showsOnStation(station, t)).map((t) => t.order_id),
      };
    },
    onOutOfSync: () => void resync(),
  });

  // Ages run on the server's clock: a tablet whose clock is off still shows true ages.
  const data = board.data;
  const serverNow = now + (data ? data.server_time - data.received_at : 0);
  const labels = useMemo(
    () => new Map((data?.menu ?? []).map((o) => [`${o.type}:${o.option}`, o.label])),
    [data?.menu],
  );
  const label = useCallback<Label>(
    (type, option) => (option ? (labels.get(`${type}:${option}`) ?? option.replaceAll('_', ' ')) : ''),
    [labels],
  );
  const visible = useMemo(
    () => (data?.tickets ?? []).filter((t) => showsOnStation(station, t)),
    [data?.tickets, station],
  );
  return { board, data, visible, serverNow, label, put, health, alarm, pace };
}
