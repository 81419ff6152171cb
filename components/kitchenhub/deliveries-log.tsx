'use client';
// The manager's deliveries log: every webhook KitchenHub sent, newest first, with what became of it,
// and a Replay button that runs a stored delivery again (an applied one comes back a duplicate).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useNow } from '@/components/board/use-now';
import { Button, Card, LoadError, Loading, Notice, Segmented } from '@/components/manager/ui';
import { cn } from '@/components/ui/cn';
import { sendJson } from '@/lib/client/fetch';
import { deliveriesQuery, hubKeys, type DeliveryFilter } from '@/lib/client/queries';
import { replayResultSchema, type DeliveryView, type ReplayResult } from '@/lib/client/schemas';
import { formatAgo } from '@/lib/manager/format';
import styles from './deliveries-log.module.css';

type Outcome = DeliveryView['outcome'];
const SOURCE: Record<DeliveryView['source'], string> = {
  webhook: 'webhook',
  reconciliation: 'found by reconciliation',
  replay: 'replay',
  reread: 're-read after a conflict',
};
const BADGE: Record<Outcome, string> = {
  applied: 'bg-emerald-500/20 text-emerald-200 ring-emerald-400/50',
  duplicate: 'bg-zinc-800 text-zinc-200 ring-zinc-600',
  stale: 'bg-zinc-800 text-zinc-200 ring-zinc-600',
  ignored: 'bg-zinc-800 text-zinc-200 ring-zinc-600',
  invalid: 'bg-red-500/20 text-red-200 ring-red-400/60',
  unauthorized: 'bg-red-500/20 text-red-200 ring-red-400/60',
};

const FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'problems', label: 'Problems only' },
] as const satisfies ReadonlyArray<{ value: DeliveryFilter; label: string }>;

const exact = (ms: number) =>
  new Date(ms).toLocaleString([], {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

/** KitchenHub's event types are long CamelCase words: let them wrap between words, not mid-word. */
function WordBreaks({ text }: { text: string }) {
  const parts = text.split(/(?=[A-Z][a-z])/);
  return parts.map((p, i) => (
    <span key={i}>
      {i > 0 && <wbr />}
      {p}
    </span>
  ));
}

function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  return (
    <span
      className={cn(
        'inline-flex rounded-full px-3 py-1 text-sm font-bold uppercase tracking-wide ring-1',
        BADGE[outcome],
      )}
    >
      {outcome}
    </span>
  );
}

/** The deliveries log, polled every 5 s; "Problems only" keeps the invalid and unauthorized ones. */
export function DeliveriesLog() {
  const [filter, setFilter] = useState<DeliveryFilter>('all');
  const log = useQuery(deliveriesQuery(filter));
  const now = useNow(); // null until hydrated: the exact time alone until then

  return (
    <Card
      title="Deliveries log"
      testId="deliveries-log"
      description="Every webhook KitchenHub sent, newest first, and what became of it. Refreshes every 5 seconds."
      actions={
        <Segmented
          label="Show"
          value={filter}
          options={FILTERS}
          onChange={setFilter}
          className="w-full sm:w-96 [&_button]:px-3 [&_button]:whitespace-nowrap"
        />
      }
    >
      {log.isPending && <Loading what="deliveries" />}
      {log.isError && <LoadError error={log.error} retry={() => void log.refetch()} />}
      {log.data && log.data.refusals.today > 0 && (
        <p data-testid="deliveries-refused" className="mb-4 text-zinc-300">
          {log.data.refusals.today} {log.data.refusals.today === 1 ? 'delivery' : 'deliveries'} failed authentication
          today (UTC), {log.data.refusals.this_minute} this minute. Only the first {log.data.refusals.logged_per_minute}{' '}
          of each minute are listed below.
        </p>
      )}
      {log.data &&
        (log.data.deliveries.length === 0 ? (
          <p
            data-testid="deliveries-empty"
            className="rounded-xl border border-dashed border-zinc-700 p-6 text-center text-lg text-zinc-400"
          >
            {filter === 'problems'
              ? 'No problems: every delivery was authentic and readable.'
              : 'No webhooks yet. They appear here as KitchenHub sends them.'}
          </p>
        ) : (
          <div className={styles.log}>
            <div
              aria-hidden
              className={cn(
                styles.head,
                'border-b border-zinc-800 pb-2 text-sm font-semibold tracking-wide text-zinc-400 uppercase',
              )}
            >
              <span className={styles.time}>Received</span>
              <span className={styles.event}>Event</span>
              <span className={styles.order}>KitchenHub order</span>
              <span className={styles.status}>Status</span>
              <span className={styles.outcome}>Outcome</span>
              <span className={cn(styles.action, 'text-right')}>Replay</span>
            </div>
            <ul aria-label="Deliveries" className="divide-y divide-zinc-800">
              {log.data.deliveries.map((d) => (
                <DeliveryRow key={d.id} delivery={d} now={now} />
              ))}
            </ul>
          </div>
        ))}
    </Card>
  );
}

function DeliveryRow({ delivery: d, now }: { delivery: DeliveryView; now: number | null }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; data: ReplayResult } | { ok: false; message: string } | null>(null);
  const reasonId = useId();

  const replay = async () => {
    setBusy(true);
    const res = await sendJson('POST', `/api/kitchenhub/deliveries/${d.id}/replay`, undefined, replayResultSchema);
    setBusy(false);
    setResult(res.ok ? { ok: true, data: res.data } : { ok: false, message: res.error.message });
    // A replay may create a pending order as well as a new log row.
    void queryClient.invalidateQueries({ queryKey: hubKeys.all });
  };

  return (
    <li data-testid={`delivery-${d.id}`} data-outcome={d.outcome} className={cn(styles.row, 'gap-y-1.5 py-3')}>
      <div className={cn(styles.time, 'text-zinc-300')}>
        <time dateTime={new Date(d.received_at).toISOString()} title={new Date(d.received_at).toString()}>
          {now !== null && (
            <>
              <span className="font-semibold text-zinc-100">{formatAgo(d.received_at, now)}</span>
              <span className="text-zinc-600 @[50rem]:hidden"> · </span>
            </>
          )}
          <span className="text-sm text-zinc-400 tabular-nums @[50rem]:block">{exact(d.received_at)}</span>
        </time>
        <span className="ml-2 text-sm text-zinc-400 @[50rem]:ml-0 @[50rem]:block">#{d.id}</span>
      </div>
      <div className={cn(styles.event, 'min-w-0 self-center break-words text-zinc-200')}>
        {d.event_type ? <WordBreaks text={d.event_type} /> : <span className="text-zinc-400">unknown event</span>}
        {d.source !== 'webhook' && (
          <span data-testid="delivery-source" className="block text-sm font-semibold text-sky-300">
            {SOURCE[d.source]}
          </span>
        )}
      </div>
      <div className={cn(styles.order, 'min-w-0 self-center')}>
        {d.hub_order_id ? (
          <span className="font-mono text-base break-all text-zinc-100">
            <span className="font-sans text-sm text-zinc-400 @[50rem]:hidden">Order </span>
            {d.hub_order_id}
          </span>
        ) : (
          <span className="text-zinc-400">no order</span>
        )}
      </div>
      <div className={cn(styles.status, 'self-center text-right text-zinc-300 @[50rem]:text-left')}>
        {d.hub_status ?? <span className="text-zinc-400">—</span>}
      </div>
      <div className={cn(styles.outcome, 'self-center')}>
        <OutcomeBadge outcome={d.outcome} />
      </div>
      <div className={cn(styles.action, 'flex flex-col items-end gap-1 self-start')}>
        <Button
          onClick={() => void replay()}
          disabled={busy || !d.can_replay}
          aria-describedby={d.can_replay ? undefined : reasonId}
          className="min-w-28"
        >
          {busy ? 'Replaying…' : 'Replay'}
        </Button>
      </div>
      {(d.error || d.replay_of !== null || !d.can_replay || result) && (
        <div className={cn(styles.notes, 'min-w-0 space-y-1 text-sm')}>
          {d.replay_of !== null && <p className="text-violet-300">Replay of delivery #{d.replay_of}</p>}
          {d.error && <p className="break-words text-red-300">{d.error}</p>}
          {d.cannot_replay_reason && (
            <p id={reasonId} className="text-zinc-400">
              Cannot replay: {d.cannot_replay_reason}
            </p>
          )}
          {result && (
            <div data-testid={`delivery-${d.id}-replay`} className="pt-1">
              {result.ok ? (
                <p role="status" className="flex flex-wrap items-center gap-2 text-base text-zinc-200">
                  Replayed as #{result.data.delivery.id}: <OutcomeBadge outcome={result.data.outcome} />
                  {result.data.delivery.error && (
                    <span className="text-sm text-red-300">{result.data.delivery.error}</span>
                  )}
                </p>
              ) : (
                <Notice tone="error">{result.message}</Notice>
              )}
            </div>
          )}
        </div>
      )}
    </li>
  );
}
