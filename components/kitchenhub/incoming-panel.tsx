'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { enableSound, playAlert, soundEnabled } from '@/components/kitchen/sound';
import { Button, Card, Notice, PageHeader } from '@/components/manager/ui';
import { cn } from '@/components/ui/cn';
import { sendJson } from '@/lib/client/fetch';
import { simulatedSchema, type HubOrderView, type PendingHubOrder } from '@/lib/client/kitchenhub';
import { useNow } from '@/components/board/use-now';
import { hubKeys, incomingQuery } from '@/lib/client/queries';

const QUICK_PREP = [10, 15, 20, 30, 45] as const;
const QUICK_REASONS = ['Too busy right now', 'Out of an item', 'Closing soon'] as const;
const TYPE: Record<HubOrderView['order_type'], string> = { pickup: 'Pickup', delivery: 'Delivery', dinein: 'Dine-in' };

const time = (ms: number | null) =>
  ms === null ? '—' : new Date(ms).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
const money = (v: string | null | undefined) => (v === null || v === undefined ? null : `$${Number(v).toFixed(2)}`);

/** Demo mode: the sandbox KitchenHub sends a realistic order to our webhook, as the real one would. */
function SimulateButtons({ onSent }: { onSent: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const simulate = async (kind: 'asap' | 'scheduled') => {
    setBusy(true);
    setError(null);
    const res = await sendJson('POST', '/api/kitchenhub/simulate', { kind }, simulatedSchema);
    setBusy(false);
    if (!res.ok) setError(res.error.message);
    else if (res.data.webhook_error) setError(`The webhook was refused: ${res.data.webhook_error}`);
    onSent();
  };
  return (
    <>
      <Button disabled={busy} onClick={() => void simulate('asap')}>
        Simulate incoming order
      </Button>
      <Button disabled={busy} onClick={() => void simulate('scheduled')}>
        Simulate scheduled order
      </Button>
      {error && (
        <p role="alert" className="basis-full text-red-300">
          {error}
        </p>
      )}
    </>
  );
}

/** The manager's Incoming list: delivery-app orders to accept with a prep time, or reject. */
export function IncomingPanel() {
  const queryClient = useQueryClient();
  const incoming = useQuery(incomingQuery());
  const [sound, setSound] = useState(soundEnabled);
  const seen = useRef<Set<string> | null>(null);

  // A chime for every order that was not on the list before (not for the first load).
  const pending = incoming.data?.pending;
  useEffect(() => {
    if (!pending) return;
    const ids = new Set(pending.map((h) => h.hub_order_id));
    if (seen.current && [...ids].some((id) => !seen.current!.has(id))) playAlert('new');
    seen.current = ids;
  }, [pending]);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: hubKeys.incoming() });
  const data = incoming.data;
  return (
    <section>
      <PageHeader
        title="Incoming orders"
        actions={
          <div className="flex flex-wrap gap-3">
            {data?.can_simulate && <SimulateButtons onSent={refresh} />}
            {!sound && (
              <Button tone="primary" onClick={() => void enableSound().then(setSound)}>
                Turn on the new-order chime
              </Button>
            )}
          </div>
        }
      >
        Delivery-app orders arrive here through KitchenHub. Accept with a prep time to send them to the kitchen, or
        reject them.
      </PageHeader>
      {data && data.stuck_calls > 0 && (
        <div
          role="alert"
          data-testid="stuck-calls"
          className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-2xl bg-red-500/15 px-5 py-4 ring-1 ring-red-500/50"
        >
          <p className="text-lg font-bold text-red-100">
            {data.stuck_calls === 1
              ? '1 call to KitchenHub has not gone through.'
              : `${data.stuck_calls} calls to KitchenHub have not gone through.`}{' '}
            <span className="font-medium text-red-200">The delivery app may not know what you decided.</span>
          </p>
          <Link
            href="/manager/kitchenhub"
            className="inline-flex min-h-12 items-center rounded-xl bg-white px-5 font-bold text-black"
          >
            See and retry
          </Link>
        </div>
      )}
      {incoming.isPending && <p className="text-zinc-400">Loading…</p>}
      {incoming.isError && <Notice tone="error">Could not load incoming orders: {incoming.error.message}</Notice>}
      {data && (
        <div className="space-y-6">
          {data.pending.length === 0 ? (
            <p
              data-testid="incoming-empty"
              className="rounded-2xl border border-dashed border-zinc-700 p-8 text-center text-xl text-zinc-400"
            >
              No orders waiting. New ones appear here with a chime.
            </p>
          ) : (
            <ul className="grid gap-4 xl:grid-cols-2" aria-label="Waiting for a decision">
              {data.pending.map((h) => (
                <li key={h.hub_order_id}>
                  <PendingCard order={h} suggested={data.suggested_prep_minutes} onDone={refresh} />
                </li>
              ))}
            </ul>
          )}
          {data.scheduled.length > 0 && (
            <Card
              title="Scheduled"
              description="Accepted for later: each goes to the kitchen when its prep time starts."
            >
              <ul className="divide-y divide-zinc-800" aria-label="Scheduled">
                {data.scheduled.map((h) => (
                  <li
                    key={h.hub_order_id}
                    data-testid={`scheduled-${h.hub_order_id}`}
                    className="flex flex-wrap items-center gap-x-4 gap-y-1 py-3 text-lg"
                  >
                    <span className="font-bold">
                      {h.provider.name} #{h.hub_daily_number ?? h.number}
                    </span>
                    <span>{h.customer_first_name}</span>
                    <span className="text-zinc-400">due {time(h.scheduled_for)}</span>
                    <span className="ml-auto font-semibold text-amber-200">to the kitchen at {time(h.fire_at)}</span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      )}
    </section>
  );
}

/** How long KitchenHub gives before it cancels an order as not accepted: loud in the last minutes. */
function AcceptBy({ at }: { at: number }) {
  const now = useNow() ?? at - 60_000; // before hydration: a neutral minute, replaced at once
  const left = Math.ceil((at - now) / 60_000);
  const urgent = left <= 3;
  return (
    <p
      data-testid="accept-by"
      className={cn(
        'mt-2 rounded-lg px-3 py-1.5 text-lg font-bold',
        urgent ? 'bg-red-600 text-white' : 'bg-zinc-800 text-amber-200',
      )}
    >
      {left > 0
        ? `Accept within ${left} min or the delivery app cancels it`
        : 'Past the usual accept window: KitchenHub may cancel it any moment'}
    </p>
  );
}

function PendingCard({
  order: h,
  suggested,
  onDone,
}: {
  order: PendingHubOrder;
  suggested: number;
  onDone: () => void;
}) {
  const [prep, setPrep] = useState<number>(suggested);
  const [custom, setCustom] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = custom ? Number(custom) : prep;
  const validPrep = Number.isInteger(chosen) && chosen >= 1 && chosen <= 240;

  const decide = async (decision: 'accept' | 'reject') => {
    setBusy(true);
    setError(null);
    const res = await sendJson(
      'POST',
      `/api/kitchenhub/orders/${encodeURIComponent(h.hub_order_id)}/${decision}`,
      decision === 'accept' ? { prep_time_minutes: chosen } : { reason: reason.trim() },
    );
    setBusy(false);
    if (!res.ok) setError(res.error.message);
    onDone();
  };

  const c = h.charges;
  return (
    <article
      data-testid={`incoming-${h.hub_order_id}`}
      className="flex h-full flex-col rounded-2xl border-2 border-amber-400/70 bg-zinc-900 p-5"
    >
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="rounded-full bg-white px-3 py-0.5 text-sm font-black text-black">{h.provider.name}</span>
        <span className="text-2xl font-black">#{h.hub_daily_number ?? '—'}</span>
        <span className="text-zinc-400">order {h.number}</span>
        <span className="ml-auto rounded-full bg-zinc-800 px-3 py-0.5 font-semibold">{TYPE[h.order_type]}</span>
      </header>
      <p className="mt-2 text-lg">
        <strong>{h.customer_first_name ?? 'Guest'}</strong> · placed {time(h.placed_at)} ·{' '}
        {h.asap ? (
          <span className="font-bold text-emerald-300">ASAP</span>
        ) : (
          <span className="font-bold text-amber-200">Scheduled for {time(h.scheduled_for)}</span>
        )}
      </p>
      <AcceptBy at={h.accept_by} />
      <ul className="mt-3 space-y-1.5 text-lg">
        {h.items.map((item, i) => (
          <li key={i}>
            <span className="font-black">{item.quantity} ×</span> {item.name}
            {item.options && item.options.length > 0 && (
              <span className="block pl-7 text-base text-zinc-300">{item.options.map((o) => o.name).join(', ')}</span>
            )}
            {item.instructions && (
              <span className="mt-0.5 block rounded bg-yellow-300 px-2 text-base font-semibold text-black">
                “{item.instructions}”
              </span>
            )}
          </li>
        ))}
      </ul>
      {h.notes && <p className="mt-3 rounded-lg bg-yellow-300 px-3 py-2 font-bold text-black">⚠ {h.notes}</p>}
      {c && (
        <p className="mt-3 text-zinc-300">
          Subtotal {money(c.subtotal)} · tax {money(c.tax)}
          {c.tips ? ` · tip ${money(c.tips)}` : ''}
          {c.discount ? ` · discount ${money(c.discount)}` : ''} ·{' '}
          <strong className="text-white">total {money(c.total)}</strong>
        </p>
      )}

      {!rejecting ? (
        <div className="mt-4 border-t border-zinc-800 pt-4">
          <p className="font-semibold text-zinc-300">
            Prep time (suggested from the kitchen&apos;s load: {suggested} min)
          </p>
          <div className="mt-2 flex flex-wrap gap-2" role="group" aria-label="Prep time">
            {[...new Set([suggested, ...QUICK_PREP])]
              .sort((a, b) => a - b)
              .map((m) => (
                <button
                  key={m}
                  type="button"
                  aria-pressed={!custom && prep === m}
                  onClick={() => {
                    setPrep(m);
                    setCustom('');
                  }}
                  className={cn(
                    'min-h-12 min-w-16 rounded-xl px-3 text-lg font-bold',
                    !custom && prep === m ? 'bg-white text-black' : 'bg-zinc-800 hover:bg-zinc-700',
                  )}
                >
                  {m} min
                </button>
              ))}
            <label className="flex items-center gap-2">
              <span className="sr-only">Custom prep time in minutes</span>
              <input
                inputMode="numeric"
                placeholder="Other"
                value={custom}
                onChange={(e) => setCustom(e.target.value.replace(/\D/g, '').slice(0, 3))}
                aria-invalid={custom !== '' && !validPrep}
                className="min-h-12 w-24 rounded-xl border border-zinc-700 bg-zinc-950 px-3 text-lg"
              />
            </label>
          </div>
          {custom !== '' && !validPrep && <p className="mt-1 text-red-300">Between 1 and 240 minutes.</p>}
          <div className="mt-4 flex gap-3">
            <Button
              tone="success"
              className="flex-1 text-lg"
              disabled={busy || !validPrep}
              onClick={() => void decide('accept')}
            >
              Accept · {validPrep ? `${chosen} min` : '—'}
            </Button>
            {h.can_reject && (
              <Button tone="neutral" disabled={busy} onClick={() => setRejecting(true)}>
                Reject…
              </Button>
            )}
          </div>
          {!h.can_accept && (
            <p className="mt-2 text-amber-200">
              {h.provider.name} does not take accepts through KitchenHub: accepting here makes the ticket; accept it on
              the {h.provider.name} tablet too.
            </p>
          )}
          {!h.can_reject && (
            <p className="mt-2 text-amber-200">
              {h.provider.name} does not take cancels through KitchenHub: reject it on the {h.provider.name} tablet.
            </p>
          )}
        </div>
      ) : (
        <div className="mt-4 border-t border-zinc-800 pt-4">
          <p className="font-semibold text-zinc-300">
            Why? Kept with the order here (KitchenHub&apos;s cancel takes no reason).
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            {QUICK_REASONS.map((r) => (
              <button
                key={r}
                type="button"
                aria-pressed={reason === r}
                onClick={() => setReason(r)}
                className={cn(
                  'min-h-12 rounded-xl px-3 font-bold',
                  reason === r ? 'bg-white text-black' : 'bg-zinc-800 hover:bg-zinc-700',
                )}
              >
                {r}
              </button>
            ))}
          </div>
          <label className="mt-2 block">
            <span className="sr-only">Reason</span>
            <input
              value={reason}
              maxLength={200}
              onChange={(e) => setReason(e.target.value)}
              placeholder="Or type a reason"
              className="min-h-12 w-full rounded-xl border border-zinc-700 bg-zinc-950 px-3 text-lg"
            />
          </label>
          <div className="mt-4 flex gap-3">
            <Button
              tone="danger"
              className="flex-1 text-lg"
              disabled={busy || !reason.trim()}
              onClick={() => void decide('reject')}
            >
              Reject order
            </Button>
            <Button disabled={busy} onClick={() => setRejecting(false)}>
              Back
            </Button>
          </div>
        </div>
      )}
      {error && (
        <div className="mt-3">
          <Notice tone="error">{error}</Notice>
        </div>
      )}
    </article>
  );
}
