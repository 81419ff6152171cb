'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { cn } from '@/components/ui/cn';
import { sendJson } from '@/lib/client/fetch';
import { useLiveStream } from '@/lib/client/live';
import { useScreenHeartbeat } from '@/lib/client/screens';
import { ticketDigest } from '@/lib/orders/digest';
import { MissingOrderAlarmBanner } from '@/components/ui/missing-order-alarm';
import { boardQuery, orderKeys, upsertTicket, type KitchenBoardData } from '@/lib/client/queries';
import { conflictSchema, orderMessageSchema, ticketResponseSchema, type Ticket } from '@/lib/client/schemas';
import {
  ageLevel,
  allDayCounts,
  formatAge,
  productionCounts,
  showsOnStation,
  STATION_LABEL,
  STATIONS,
  STATUS_LABEL,
  type Station,
} from '@/lib/orders/kitchen';
import { canCancel, isOpen } from '@/lib/orders/status';
import { AllDayPanel } from './all-day-panel';
import { ConfirmDialog } from './confirm-dialog';
import { HelpOverlay } from './help-overlay';
import { HistoryDialog } from './history-dialog';
import { RecallDrawer } from './recall-drawer';
import { enableSound, soundEnabled } from './sound';
import { useRepeatingAlerts } from './use-alerts';
import { TicketCard } from './ticket-card';
import type { TicketAction } from './types';
import { useWakeLock } from '@/components/ui/use-wake-lock';

const UNDO_MS = 8_000;
type Notice = { id: number; text: string; tone: 'info' | 'warn' };
type UndoOffer = { ticket: Ticket; text: string; until: number };

export function KitchenScreen({ station, staffName }: { station: Station; staffName: string }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const board = useQuery(boardQuery());
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Ticket | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [undo, setUndo] = useState<UndoOffer | null>(null);
  const [recallOpen, setRecallOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [sound, setSound] = useState(soundEnabled);
  // The stream starts where the first fetch left off; after that the browser resumes by Last-Event-ID.
  const [startSeq, setStartSeq] = useState<number | null>(null);
  if (board.data && startSeq === null) setStartSeq(board.data.seq);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);

  const say = useCallback(
    (text: string, tone: Notice['tone'] = 'info') => setNotice({ id: Date.now(), text, tone }),
    [],
  );
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice((n) => (n?.id === notice.id ? null : n)), 6_000);
    return () => clearTimeout(t);
  }, [notice]);

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
      const isHere = showsOnStation(station, msg.ticket) && msg.ticket.status !== 'canceled';
      if (isHere && !wasHere && (!known || station !== 'all')) arrived(msg.ticket.order_id);
      else if (wasHere && !isHere) acknowledgeNew(msg.ticket.order_id);
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

  useWakeLock();

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
  const offset = board.data ? board.data.server_time - board.data.received_at : 0;
  const serverNow = now + offset;
  const data = board.data;
  const labels = useMemo(
    () => new Map((data?.menu ?? []).map((o) => [`${o.type}:${o.option}`, o.label])),
    [data?.menu],
  );
  const label = useCallback(
    (type: string, option: string | null) =>
      option ? (labels.get(`${type}:${option}`) ?? option.replaceAll('_', ' ')) : '',
    [labels],
  );
  const visible = useMemo(
    () => (data?.tickets ?? []).filter((t) => showsOnStation(station, t)),
    [data?.tickets, station],
  );
  const alerts = useRepeatingAlerts({ tickets: visible, settings: data?.alerts });
  // Expo sees what is still on its way to it, with each ticket's progress (items done, rush).
  const coming = useMemo(
    () => (data?.tickets ?? []).filter((t) => ['queued', 'prepping', 'toasting'].includes(t.status)),
    [data?.tickets],
  );
  const acknowledgeNew = alerts.acknowledge;
  const arrived = alerts.arrived;
  const counts = useMemo(() => allDayCounts(data?.tickets ?? []), [data?.tickets]);
  const production = useMemo(() => productionCounts(data?.tickets ?? []), [data?.tickets]);
  const lateCount = (data?.tickets ?? []).filter(
    (t) => isOpen(t.status) && ageLevel(t.created_at, serverNow, data!.aging) === 'late',
  ).length;
  const eightySixed = (data?.menu ?? []).filter((o) => !o.in_stock);

  const act = useCallback(
    async (ticket: Ticket, action: TicketAction, confirmed = false, extra: Record<string, unknown> = {}) => {
      acknowledgeNew(ticket.order_id); // any tap on a ticket means a cook has seen it
      if (action === 'cancel' && !confirmed) {
        setConfirming(ticket);
        return;
      }
      setBusy((b) => new Set(b).add(ticket.order_id));
      const res = await sendJson(
        'POST',
        `/api/orders/${ticket.order_id}/${action}`,
        { version: ticket.version, ...extra },
        ticketResponseSchema,
      );
      setBusy((b) => {
        const n = new Set(b);
        n.delete(ticket.order_id);
        return n;
      });
      if (res.ok) {
        put(res.data.ticket);
        if (action === 'advance' || action === 'cancel') {
          const what = action === 'cancel' ? 'canceled' : `moved to ${STATUS_LABEL[res.data.ticket.status]}`;
          setUndo(
            action === 'advance'
              ? { ticket: res.data.ticket, text: `#${ticket.daily_number} ${what}`, until: Date.now() + UNDO_MS }
              : null,
          );
          if (action === 'cancel') say(`#${ticket.daily_number} canceled.`);
        }
        return;
      }
      const conflict = conflictSchema.safeParse(res.error);
      if (conflict.success) {
        put(conflict.data.order);
        say(
          `#${ticket.daily_number} was already changed on another screen: it is now ${STATUS_LABEL[conflict.data.order.status]}.`,
          'warn',
        );
      } else if (res.status === 401) {
        router.replace('/login?next=/kitchen');
      } else {
        say(res.error.message, 'warn');
        if (res.status === 409) void queryClient.invalidateQueries({ queryKey: orderKeys.board() });
      }
    },
    [put, queryClient, say, router, acknowledgeNew],
  );

  useEffect(() => {
    if (!undo) return;
    const t = setTimeout(() => setUndo(null), Math.max(0, undo.until - Date.now()));
    return () => clearTimeout(t);
  }, [undo]);

  const selectedTicket = visible.find((t) => t.order_id === selected) ?? null;
  const historyTicket = historyOf
    ? ([...(data?.tickets ?? []), ...(data?.recent ?? [])].find((t) => t.order_id === historyOf) ?? null)
    : null;
  const closeHistory = useCallback(() => setHistoryOf(null), []);

  // Bump bar and keyboard: digits pick a ticket by position, then one key acts on it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (confirming || historyOf) return; // the dialog has the keyboard
      const k = e.key;
      if (/^[1-9]$/.test(k)) {
        const t = visible[Number(k) - 1];
        if (t) {
          setSelected(t.order_id);
          acknowledgeNew(t.order_id);
        }
      } else if (k === 'ArrowRight' || k === 'ArrowLeft') {
        const i = visible.findIndex((t) => t.order_id === selected);
        const next =
          visible[Math.min(visible.length - 1, Math.max(0, (i < 0 ? 0 : i) + (k === 'ArrowRight' ? 1 : -1)))];
        if (next) setSelected(next.order_id);
      } else if ((k === 'Enter' || k === ' ') && selectedTicket) {
        e.preventDefault();
        void act(selectedTicket, selectedTicket.attention ? 'acknowledge' : 'advance');
      } else if ((k === 'a' || k === 'A') && selectedTicket?.attention) {
        void act(selectedTicket, 'acknowledge');
      } else if ((k === 'c' || k === 'C') && selectedTicket && canCancel(selectedTicket.status)) {
        setConfirming(selectedTicket);
      } else if (k === 'u' || k === 'U' || k === 'Backspace') {
        if (undo) {
          e.preventDefault();
          void act(undo.ticket, 'undo');
          setUndo(null);
        }
      } else if (k === 'r' || k === 'R') {
        setRecallOpen((o) => !o);
      } else if (k === '?' || k === 'h' || k === 'H') {
        setHelpOpen((o) => !o);
      } else if (k === 'Escape') {
        setHelpOpen(false);
        setRecallOpen(false);
        setSelected(null);
      } else if (k === 's' || k === 'S') {
        void enableSound().then(setSound);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visible, selected, selectedTicket, confirming, historyOf, undo, act, acknowledgeNew]);

  const down = health.state === 'reconnecting';
  return (
    <div className="flex h-[calc(100dvh_-_var(--demo-banner,0px))] flex-col bg-zinc-950">
      <header className="flex h-16 shrink-0 items-center gap-3 border-b border-zinc-800 px-4">
        <h1 className="text-2xl font-black">Kitchen</h1>
        <nav aria-label="Stations" className="flex gap-1 rounded-xl bg-zinc-900 p-1">
          {STATIONS.map((s) => (
            <Link
              key={s}
              href={s === 'all' ? '/kitchen' : `/kitchen?station=${s}`}
              aria-current={s === station ? 'page' : undefined}
              className={cn(
                'flex min-h-12 items-center rounded-lg px-4 text-lg font-bold',
                s === station ? 'bg-white text-black' : 'text-zinc-300 hover:bg-zinc-800',
              )}
            >
              {STATION_LABEL[s]}
            </Link>
          ))}
        </nav>
        {eightySixed.length > 0 && (
          <p
            data-testid="kitchen-86"
            className="min-w-0 truncate rounded-lg bg-red-950 px-3 py-1 font-bold text-red-200"
            title={eightySixed.map((o) => o.label).join(', ')}
          >
            86: {eightySixed.map((o) => o.label).join(', ')}
          </p>
        )}
        <div className="ml-auto flex items-center gap-2">
          {alerts.pending > 0 && (
            <button
              type="button"
              data-testid="alert-badge"
              data-pending={alerts.pending}
              data-escalated={alerts.escalated}
              onClick={() => acknowledgeNew()}
              title="New tickets alert until tapped (this silences them); changes and cancels until Got it on the ticket"
              className={cn(
                'flex min-h-12 animate-pulse items-center gap-2 rounded-xl px-3 font-black whitespace-nowrap',
                alerts.escalated ? 'bg-red-600 text-white' : 'bg-white text-black',
              )}
            >
              <svg
                aria-hidden
                viewBox="0 0 24 24"
                className="h-5 w-5"
                fill="none"
                stroke="currentColor"
                strokeWidth={2.5}
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8m4.3 12a2 2 0 0 0 3.4 0" />
              </svg>
              {alerts.pending === 1 ? '1 alert' : `${alerts.pending} alerts`}
              {alerts.newCount > 0 ? ' · silence new' : ''}
            </button>
          )}
          <p
            data-testid="kitchen-pace"
            className="hidden items-baseline gap-1.5 whitespace-nowrap text-zinc-300 lg:flex"
            title={`Average time from order to ready over the last hour${pace ? ` (${pace.finished} tickets)` : ''}`}
          >
            <span className="text-sm font-semibold uppercase">Avg</span>
            <span className="text-xl font-black tabular-nums text-white">
              {pace?.avg_ticket_ms != null ? formatAge(pace.avg_ticket_ms) : '—'}
            </span>
          </p>
          <span
            data-testid="kitchen-late-count"
            data-count={lateCount}
            className={cn(
              'rounded-full px-3 py-1 text-sm font-black whitespace-nowrap',
              lateCount > 0 ? 'bg-age-late text-white' : 'bg-zinc-800 text-zinc-400',
            )}
          >
            {lateCount} late
          </span>
          <span
            data-testid="connection"
            data-state={health.state}
            className={cn(
              'rounded-full px-3 py-1 text-sm font-bold whitespace-nowrap',
              health.state === 'live' ? 'bg-emerald-500/20 text-emerald-300' : 'bg-amber-500/20 text-amber-200',
            )}
          >
            {health.state === 'live' ? '● Live' : health.state === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
          </span>
          {!sound && (
            <button
              type="button"
              onClick={() => void enableSound().then(setSound)}
              className="min-h-12 rounded-xl bg-amber-400 px-4 font-black whitespace-nowrap text-black"
            >
              Turn sound on
            </button>
          )}
          <button
            type="button"
            onClick={() => setRecallOpen(true)}
            className="min-h-12 rounded-xl bg-zinc-800 px-4 font-bold hover:bg-zinc-700"
          >
            Recall
          </button>
          <button
            type="button"
            aria-label="Keyboard help"
            onClick={() => setHelpOpen(true)}
            className="min-h-12 min-w-12 rounded-xl bg-zinc-800 font-black hover:bg-zinc-700"
          >
            ?
          </button>
          <span className="hidden text-sm text-zinc-400 xl:inline">{staffName}</span>
        </div>
      </header>

      {alarm && <MissingOrderAlarmBanner alarm={alarm} now={serverNow} className="shrink-0" />}

      {down && (
        <div
          role="alert"
          data-testid="connection-banner"
          className="shrink-0 bg-amber-500 px-4 py-2 text-center text-lg font-black text-black"
        >
          Connection lost — reconnecting. Tickets below may be out of date
          {health.lastGoodAt ? ` (last update ${new Date(health.lastGoodAt).toLocaleTimeString()})` : ''}.
        </div>
      )}

      <div className="flex min-h-0 flex-1">
        <main className="min-w-0 flex-1 overflow-y-auto p-3">
          {station === 'expo' && coming.length > 0 && (
            <section
              aria-label="Still in the kitchen"
              data-testid="expo-progress"
              className="mb-3 flex flex-wrap gap-2 rounded-2xl bg-zinc-900 p-2"
            >
              <h2 className="self-center px-2 text-sm font-black tracking-wide text-zinc-400 uppercase">Coming</h2>
              {coming.map((t) => (
                <span
                  key={t.order_id}
                  data-testid={`expo-progress-${t.order_id}`}
                  className="flex items-baseline gap-2 rounded-xl bg-zinc-800 px-3 py-1.5"
                >
                  <span className="text-xl font-black">#{t.daily_number}</span>
                  <StationTrail ticket={t} />
                  {t.items && t.items.length > 1 && (
                    <span className="font-black text-emerald-300">
                      {t.items_done.length}/{t.items.length}
                    </span>
                  )}
                  {t.rush && <span className="rounded bg-white px-1.5 text-sm font-black text-black">RUSH</span>}
                </span>
              ))}
            </section>
          )}
          {board.isPending ? (
            <p className="p-8 text-2xl text-zinc-400">Loading tickets…</p>
          ) : board.isError && !data ? (
            <p role="alert" className="p-8 text-2xl text-red-300">
              Could not load tickets: {board.error.message}
            </p>
          ) : visible.length === 0 ? (
            <p className="p-8 text-3xl font-bold text-zinc-400">
              No tickets{station !== 'all' ? ` for ${STATION_LABEL[station]}` : ''}. All caught up.
            </p>
          ) : (
            <ol aria-label="Tickets" className="grid grid-cols-[repeat(auto-fill,minmax(240px,1fr))] gap-3">
              {visible.map((t, i) => (
                <li key={t.order_id}>
                  <TicketCard
                    ticket={t}
                    position={i + 1}
                    today={data!.business_date}
                    station={station}
                    now={serverNow}
                    aging={data!.aging}
                    label={label}
                    selected={selected === t.order_id}
                    busy={busy.has(t.order_id)}
                    onAction={(ticket, action) => void act(ticket, action)}
                    onItem={(ticket, index, done) => void act(ticket, 'item', false, { index, done })}
                    onSelect={(ticket) => {
                      setSelected(ticket.order_id);
                      acknowledgeNew(ticket.order_id);
                    }}
                    alert={alerts.alertOf(t.order_id)}
                    onHistory={(ticket) => setHistoryOf(ticket.order_id)}
                  />
                </li>
              ))}
            </ol>
          )}
        </main>
        <AllDayPanel counts={counts} production={production} label={label} />
      </div>

      {/* A bar of its own, never over the tickets: a cook's next tap must not land on a message. */}
      <footer
        aria-live="polite"
        className="flex h-16 shrink-0 items-center justify-center gap-3 border-t border-zinc-800 bg-zinc-900 px-4"
      >
        {undo && (
          <div className="flex items-center gap-4 text-xl font-bold">
            <span>{undo.text}</span>
            <button
              type="button"
              onClick={() => {
                void act(undo.ticket, 'undo');
                setUndo(null);
              }}
              className="min-h-12 rounded-xl bg-white px-6 font-black text-black"
            >
              Undo
            </button>
          </div>
        )}
        {notice && (
          <p
            role="status"
            data-testid="kitchen-notice"
            className={cn(
              'truncate rounded-xl px-4 py-2 text-lg font-bold',
              notice.tone === 'warn' ? 'bg-amber-400 text-black' : 'bg-zinc-800 text-white',
            )}
          >
            {notice.text}
          </p>
        )}
        {!undo && !notice && (
          <p className="text-zinc-400">Tap a ticket&apos;s big button to bump it · press ? for keys</p>
        )}
      </footer>

      {confirming && (
        <ConfirmDialog
          title={`Cancel #${confirming.daily_number}${confirming.customer_first_name ? ` for ${confirming.customer_first_name}` : ''}?`}
          body="The customer is told their order was canceled by the kitchen."
          confirmLabel="Yes, cancel it"
          cancelLabel="Keep it"
          onConfirm={() => {
            const t = confirming;
            setConfirming(null);
            void act(t, 'cancel', true);
          }}
          onClose={() => setConfirming(null)}
        />
      )}
      {recallOpen && (
        <RecallDrawer
          tickets={data?.recent ?? []}
          now={serverNow}
          onRecall={(t) => void act(t, 'undo')}
          onClose={() => setRecallOpen(false)}
        />
      )}
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
      {historyTicket && (
        <HistoryDialog
          ticket={historyTicket}
          label={label}
          busy={busy.has(historyTicket.order_id)}
          onRush={(rush) => void act(historyTicket, rush ? 'rush' : 'unrush')}
          onClose={closeHistory}
        />
      )}
    </div>
  );
}

/** Where a ticket is on its way to expo: each station done (✓), at work (●) or still to come. */
function StationTrail({ ticket }: { ticket: Ticket }) {
  const toasted = ticket.toast !== null && ticket.toast !== 'none';
  const steps: Array<{ name: string; state: 'done' | 'now' | 'next' }> = [
    { name: 'Prep', state: ticket.status === 'queued' ? 'next' : ticket.status === 'prepping' ? 'now' : 'done' },
    ...(toasted
      ? [
          {
            name: 'Toaster',
            state:
              ticket.status === 'toasting'
                ? ('now' as const)
                : ticket.status === 'ready'
                  ? ('done' as const)
                  : ('next' as const),
          },
        ]
      : []),
  ];
  return (
    <span className="flex items-baseline gap-1.5 text-sm font-bold">
      {steps.map((s) => (
        <span
          key={s.name}
          data-step={s.name}
          data-state={s.state}
          className={cn(
            'rounded px-1.5',
            s.state === 'done'
              ? 'bg-emerald-500/25 text-emerald-200'
              : s.state === 'now'
                ? 'bg-white text-black'
                : 'text-zinc-400',
          )}
        >
          {s.state === 'done' ? '✓ ' : s.state === 'now' ? '● ' : ''}
          {s.name}
        </span>
      ))}
    </span>
  );
}
