'use client';
// Our calls to KitchenHub, per order: what is stuck (waiting to retry, or failed) first, loud, with
// the error and a "Retry now" button; then what went through.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, LoadError, Loading, Notice } from '@/components/manager/ui';
import { cn } from '@/components/ui/cn';
import { sendJson } from '@/lib/client/fetch';
import type { HubCallView } from '@/lib/client/kitchenhub';
import { hubCallsQuery, hubKeys } from '@/lib/client/queries';

const ACTION: Record<HubCallView['action'], string> = {
  accept: 'Accept',
  reject: 'Reject',
  cancel: 'Cancel',
  complete: 'Ready (complete)',
};
const STATE: Record<HubCallView['state'], { label: string; tone: string }> = {
  pending: { label: 'Waiting', tone: 'bg-amber-500/20 text-amber-200 ring-amber-500/50' },
  failed: { label: 'Failed', tone: 'bg-red-500/20 text-red-200 ring-red-500/60' },
  sent: { label: 'Sent', tone: 'bg-emerald-500/15 text-emerald-200 ring-emerald-500/40' },
  conflict: { label: 'Conflict: re-read', tone: 'bg-zinc-700/60 text-zinc-200 ring-zinc-500/60' },
  unsupported: { label: 'Not supported', tone: 'bg-zinc-700/60 text-zinc-200 ring-zinc-500/60' },
};

const clock = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit', second: '2-digit' });
function inWords(ms: number, now = Date.now()): string {
  const s = Math.round((ms - now) / 1000);
  if (s <= 1) return 'now';
  return s < 90 ? `in ${s} s` : `in ${Math.round(s / 60)} min`;
}

function detail(c: HubCallView): string | null {
  const prep = c.payload.prep_time ?? c.payload.prep_time_minutes;
  if (c.action === 'accept' && typeof prep === 'number') return `${prep} min prep`;
  return typeof c.payload.status === 'string' ? `status “${c.payload.status}”` : null;
}

function CallRow({ c }: { c: HubCallView }) {
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: async () => {
      const res = await sendJson('POST', `/api/kitchenhub/calls/${c.id}/retry`, {});
      if (!res.ok) throw new Error(res.error.message);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: hubKeys.calls() }),
  });
  const stuck = c.state === 'pending' || c.state === 'failed';
  const extra = detail(c);
  return (
    <li
      data-testid="hub-call"
      data-state={c.state}
      className={cn(
        'rounded-xl p-4 ring-1',
        c.state === 'failed' ? 'bg-red-950/30 ring-red-500/40' : 'bg-zinc-950/60 ring-zinc-800',
      )}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-lg font-bold">
            {ACTION[c.action]}
            {extra && <span className="font-medium text-zinc-300"> · {extra}</span>}
          </p>
          <p className="text-zinc-400">
            {c.provider} {c.number ? `#${c.number.slice(-6)}` : ''}
            {c.customer_first_name ? ` · ${c.customer_first_name}` : ''} ·{' '}
            <span className="font-mono text-sm break-all">{c.hub_order_id}</span>
          </p>
        </div>
        <span className={cn('shrink-0 rounded-lg px-2.5 py-1 text-sm font-bold ring-1', STATE[c.state].tone)}>
          {STATE[c.state].label}
        </span>
      </div>
      {c.last_error && (
        <p className={cn('mt-2 break-words', c.state === 'failed' ? 'text-red-200' : 'text-zinc-300')}>
          {c.last_error}
        </p>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-zinc-400">
        <span>Queued {clock(c.created_at)}</span>
        <span>{c.attempts === 1 ? '1 attempt' : `${c.attempts} attempts`}</span>
        {c.sent_at !== null && <span>Sent {clock(c.sent_at)}</span>}
        {c.state === 'pending' && c.next_attempt_at !== null && c.attempts > 0 && (
          <span>Next try {inWords(c.next_attempt_at)}</span>
        )}
        {stuck && (
          <Button
            tone={c.state === 'failed' ? 'primary' : 'neutral'}
            className="ml-auto"
            disabled={retry.isPending}
            onClick={() => retry.mutate()}
          >
            {retry.isPending ? 'Retrying…' : 'Retry now'}
          </Button>
        )}
      </div>
      {retry.isError && (
        <div className="mt-2">
          <Notice tone="error">{retry.error.message}</Notice>
        </div>
      )}
    </li>
  );
}

/** Manager → KitchenHub: every call we owe KitchenHub and how it went. */
export function CallsPanel() {
  const calls = useQuery(hubCallsQuery());
  const all = calls.data?.calls ?? [];
  const stuck = all.filter((c) => c.state === 'failed' || (c.state === 'pending' && c.last_error !== null));
  const rest = all.filter((c) => !stuck.includes(c)).slice(0, 20);
  return (
    <Card
      title="Calls to KitchenHub"
      testId="hub-calls"
      description="Accepts, rejects, cancels and completes we send to KitchenHub. They are kept until KitchenHub takes them, retried with growing waits, and survive a restart."
    >
      {calls.isPending && <Loading what="calls" />}
      {calls.isError && <LoadError error={calls.error} retry={() => void calls.refetch()} />}
      {calls.data && all.length === 0 && (
        <p className="text-zinc-400">No calls yet. Accepting or rejecting an order sends one.</p>
      )}
      {stuck.length > 0 && (
        <>
          <h3 className="mb-2 text-sm font-bold tracking-wider text-red-300 uppercase">
            Needs attention ({stuck.length})
          </h3>
          <ul className="mb-5 space-y-3">
            {stuck.map((c) => (
              <CallRow key={c.id} c={c} />
            ))}
          </ul>
        </>
      )}
      {rest.length > 0 && (
        <>
          <h3 className="mb-2 text-sm font-bold tracking-wider text-zinc-400 uppercase">Recent</h3>
          <ul className="space-y-2">
            {rest.map((c) => (
              <CallRow key={c.id} c={c} />
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
