'use client';
// Store controls: pause intake, the kitchen capacity the ETA is computed from, and when tickets turn
// amber and red on the kitchen screen.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import { sendJson } from '@/lib/client/fetch';
import { managerKeys, storeControlsQuery } from '@/lib/client/queries';
import { pauseSchema, storeControlsSchema, type StoreControls } from '@/lib/client/schemas';
import type { StaleOrder } from '@/lib/manager/views';
import { STATUS, type ClosedStatus } from '@/lib/orders/status';
import { Button, Card, LoadError, Loading, Notice, PageHeader, Segmented, Stepper } from './ui';

type Kitchen = StoreControls['kitchen'];
type Alerts = StoreControls['alerts'];
type Aging = StoreControls['aging'];
type Saved = { tone: 'error' | 'ok'; text: string; field?: string } | null;

function usePut<T>(url: string, what: string, onSaved: () => void) {
  const queryClient = useQueryClient();
  const [result, setResult] = useState<Saved>(null);
  const mutation = useMutation({
    mutationFn: async (value: T) => {
      const res = await sendJson('PUT', url, value, storeControlsSchema);
      if (!res.ok) {
        const field = typeof res.error.field === 'string' ? res.error.field : undefined;
        throw Object.assign(new Error(res.error.message), { field });
      }
      return res.data;
    },
    onMutate: () => setResult(null),
    onSuccess: (data) => {
      queryClient.setQueryData(managerKeys.store(), data);
      onSaved();
      setResult({ tone: 'ok', text: `${what} saved.` });
    },
    onError: (err: Error & { field?: string }) => setResult({ tone: 'error', text: err.message, field: err.field }),
  });
  return { mutation, result };
}

function KitchenForm({ saved }: { saved: Kitchen }) {
  // null: show what is saved (and follow it when another manager changes it); editing starts a draft.
  const [edit, setEdit] = useState<Kitchen | null>(null);
  const { mutation, result } = usePut<Kitchen>('/api/manager/store/kitchen', 'Kitchen capacity', () => setEdit(null));
  const draft = edit ?? saved;
  const dirty = edit !== null && JSON.stringify(edit) !== JSON.stringify(saved);
  const set = (k: keyof Kitchen) => (v: number) => setEdit({ ...draft, [k]: v });
  const bad = (k: keyof Kitchen) => result?.tone === 'error' && result.field === k;
  return (
    <Card
      title="Kitchen capacity"
      description="What the ETA is computed from: how long each step takes and how many sandwiches can be in each step at once. New ETAs use it at once."
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate(draft);
        }}
      >
        <div className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
          <Stepper
            label="Prep time"
            hint="Minutes to make one sandwich"
            unit="min"
            value={draft.prepMinutes}
            step={0.5}
            min={0.5}
            max={60}
            onChange={set('prepMinutes')}
            invalid={bad('prepMinutes')}
          />
          <Stepper
            label="Toast time"
            hint="Minutes in the toaster"
            unit="min"
            value={draft.toastMinutes}
            step={0.5}
            min={0.5}
            max={30}
            onChange={set('toastMinutes')}
            invalid={bad('toastMinutes')}
          />
          <Stepper
            label="Prep stations"
            hint="Sandwiches made at the same time"
            value={draft.prepStations}
            step={1}
            min={1}
            max={20}
            onChange={set('prepStations')}
            invalid={bad('prepStations')}
          />
          <Stepper
            label="Toaster slots"
            hint="Sandwiches toasted at the same time"
            value={draft.toasterSlots}
            step={1}
            min={1}
            max={20}
            onChange={set('toasterSlots')}
            invalid={bad('toasterSlots')}
          />
        </div>
        <FormFooter
          dirty={dirty}
          busy={mutation.isPending}
          result={result}
          onReset={() => setEdit(null)}
          label="Save capacity"
        />
      </form>
    </Card>
  );
}

function AgingForm({ saved }: { saved: Aging }) {
  const [edit, setEdit] = useState<Aging | null>(null);
  const { mutation, result } = usePut<Aging>('/api/manager/store/aging', 'Ticket aging', () => setEdit(null));
  const draft = edit ?? saved;
  const dirty = edit !== null && JSON.stringify(edit) !== JSON.stringify(saved);
  const bad = (k: keyof Aging) => result?.tone === 'error' && result.field === k;
  return (
    <Card
      title="Ticket aging"
      description="When a ticket on the kitchen screen turns amber (late soon) and red (late), counted from when it was placed. Late tickets are also counted in Numbers."
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate(draft);
        }}
      >
        <div className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
          <Stepper
            label="Late soon after"
            unit="min"
            value={draft.warningMinutes}
            step={1}
            min={1}
            max={120}
            onChange={(v) => setEdit({ ...draft, warningMinutes: v })}
            invalid={bad('warningMinutes')}
          />
          <Stepper
            label="Late after"
            unit="min"
            value={draft.lateMinutes}
            step={1}
            min={1}
            max={240}
            onChange={(v) => setEdit({ ...draft, lateMinutes: v })}
            invalid={bad('lateMinutes')}
          />
        </div>
        <div aria-hidden className="mt-5 flex h-3 overflow-hidden rounded-full">
          <span className="bg-age-normal" style={{ flex: Math.max(0, draft.warningMinutes) || 0 }} />
          <span
            className="bg-age-warning"
            style={{ flex: Math.max(0, draft.lateMinutes - draft.warningMinutes) || 0 }}
          />
          <span className="bg-age-late" style={{ flex: Math.max(2, draft.lateMinutes / 3) || 1 }} />
        </div>
        <FormFooter
          dirty={dirty}
          busy={mutation.isPending}
          result={result}
          onReset={() => setEdit(null)}
          label="Save aging"
        />
      </form>
    </Card>
  );
}

function AlertsForm({ saved }: { saved: Alerts }) {
  const [edit, setEdit] = useState<Alerts | null>(null);
  const { mutation, result } = usePut<Alerts>('/api/manager/store/alerts', 'Kitchen alerts', () => setEdit(null));
  const draft = edit ?? saved;
  const dirty = edit !== null && JSON.stringify(edit) !== JSON.stringify(saved);
  const bad = (k: keyof Alerts) => result?.tone === 'error' && result.field === k;
  return (
    <Card
      title="Kitchen alerts"
      description={
        <>
          New, changed and canceled tickets sound until a cook acknowledges them.{' '}
          <Link href="/kitchen/sounds" className="font-semibold text-violet-300 underline underline-offset-2">
            Test the sounds
          </Link>{' '}
          on a tablet.
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate(draft);
        }}
      >
        <div className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
          <Stepper
            label="Volume"
            unit="%"
            value={Math.round(draft.volume * 100)}
            step={10}
            min={10}
            max={100}
            onChange={(v) => setEdit({ ...draft, volume: v / 100 })}
            invalid={bad('volume')}
          />
          <Stepper
            label="Repeat every"
            unit="s"
            value={draft.repeatSeconds}
            step={1}
            min={3}
            max={120}
            onChange={(v) => setEdit({ ...draft, repeatSeconds: v })}
            invalid={bad('repeatSeconds')}
          />
          <Stepper
            label="Escalate after"
            hint="Louder and twice as often"
            unit="s"
            value={draft.escalateAfterSeconds}
            step={5}
            min={10}
            max={600}
            onChange={(v) => setEdit({ ...draft, escalateAfterSeconds: v })}
            invalid={bad('escalateAfterSeconds')}
          />
          <Segmented
            label="Escalation"
            value={draft.escalate ? 'on' : 'off'}
            options={[
              { value: 'on', label: 'On' },
              { value: 'off', label: 'Off' },
            ]}
            onChange={(v) => setEdit({ ...draft, escalate: v === 'on' })}
          />
        </div>
        <FormFooter
          dirty={dirty}
          busy={mutation.isPending}
          result={result}
          onReset={() => setEdit(null)}
          label="Save alerts"
        />
      </form>
    </Card>
  );
}

function FormFooter(props: { dirty: boolean; busy: boolean; result: Saved; onReset: () => void; label: string }) {
  return (
    <div className="mt-5 flex flex-wrap items-center gap-3">
      <Button type="submit" tone="primary" disabled={!props.dirty || props.busy}>
        {props.busy ? 'Saving…' : props.label}
      </Button>
      {props.dirty && <Button onClick={props.onReset}>Undo changes</Button>}
      {props.result && (
        <div className="min-w-0 flex-1">
          <Notice tone={props.result.tone}>{props.result.text}</Notice>
        </div>
      )}
    </div>
  );
}

function IntakeCard({ paused }: { paused: boolean }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [apps, setApps] = useState<string | null>(null);
  const pause = useMutation({
    mutationFn: async (next: boolean) => {
      const res = await sendJson('PUT', '/api/store', { paused: next }, pauseSchema);
      if (!res.ok) throw new Error(res.error.message);
      return res.data;
    },
    onMutate: () => {
      setError(null);
      setApps(null);
    },
    onSuccess: (data) => {
      queryClient.setQueryData<StoreControls>(managerKeys.store(), (s) => (s ? { ...s, paused: data.paused } : s));
      // The delivery apps go with the store (Manager → KitchenHub): say which did not.
      const hub = data.kitchenhub;
      const notDone = hub
        ? [
            ...(hub.error ? [hub.error] : []),
            ...hub.results.filter((r) => !r.ok).map((r) => r.error ?? `${r.provider_name} did not answer.`),
          ]
        : [];
      const done = hub?.results.filter((r) => r.ok).map((r) => r.provider_name) ?? [];
      if (notDone.length) setError(`Delivery apps: ${notDone.join(' ')}`);
      if (done.length) setApps(`${data.paused ? 'Paused' : 'Back online'} at KitchenHub: ${done.join(', ')}.`);
    },
    onError: (err) => setError(err.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: managerKeys.store() }),
  });
  return (
    <section
      aria-labelledby="intake-title"
      data-testid="store-intake"
      className={cn(
        'rounded-2xl border-2 p-5',
        paused ? 'border-red-500 bg-red-950/40' : 'border-emerald-600/60 bg-emerald-950/20',
      )}
    >
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h2 id="intake-title" className="text-sm font-bold tracking-wider text-zinc-400 uppercase">
            Order intake
          </h2>
          <p className={cn('mt-1 text-3xl font-black', paused ? 'text-red-200' : 'text-emerald-300')}>
            {paused ? 'Paused' : 'Taking orders'}
          </p>
          <p className="mt-1 max-w-2xl text-zinc-300">
            {paused
              ? 'Ordering apps get 503 store_paused with a "try again shortly" message. Delivery-app orders still arrive and wait in Incoming.'
              : 'Ordering apps can place orders. Pause when the kitchen is overwhelmed or closing: nothing already on the line changes.'}
          </p>
        </div>
        <Button
          tone={paused ? 'success' : 'danger'}
          className="min-h-16 px-8 text-xl"
          disabled={pause.isPending}
          onClick={() => pause.mutate(!paused)}
        >
          {paused ? 'Resume orders' : 'Pause new orders'}
        </Button>
      </div>
      {apps && (
        <div className="mt-3">
          <Notice tone="ok" testId="store-apps">
            {apps}
          </Notice>
        </div>
      )}
      {error && (
        <div className="mt-3">
          <Notice tone="error">{error}</Notice>
        </div>
      )}
    </section>
  );
}

const STATUS_WORD: Record<StaleOrder['status'], string> = {
  queued: 'New',
  prepping: 'Prepping',
  toasting: 'Toasting',
  ready: 'Ready',
  delivered: 'Handed off',
  canceled: 'Canceled',
};

/** Orders left open past an earlier day's close: never hidden, resolved here, one by one. */
function StaleOrdersCard({ orders }: { orders: StaleOrder[] }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const resolve = useMutation({
    mutationFn: async ({ order, outcome }: { order: StaleOrder; outcome: ClosedStatus }) => {
      const res = await sendJson('POST', `/api/manager/stale-orders/${order.order_id}`, {
        version: order.version,
        outcome,
      });
      if (!res.ok) throw new Error(res.error.message);
    },
    onMutate: () => setError(null),
    onError: (err) => setError(err.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: managerKeys.store() }),
  });
  return (
    <section
      id="stale"
      aria-labelledby="stale-title"
      data-testid="stale-orders"
      className="rounded-2xl border-2 border-fuchsia-500 bg-fuchsia-950/30 p-5"
    >
      <h2 id="stale-title" className="text-xl font-bold">
        Left open from earlier days ({orders.length})
      </h2>
      <p className="mt-1 text-zinc-300">
        These tickets were still on the line when their day closed. Each stays on the kitchen screens, flagged, until
        you resolve it.
      </p>
      <ul className="mt-4 space-y-2">
        {orders.map((o) => (
          <li
            key={o.order_id}
            data-testid={`stale-${o.order_id}`}
            className="flex flex-wrap items-center gap-3 rounded-xl bg-zinc-950/70 p-3"
          >
            <span className="text-2xl font-black">#{o.daily_number}</span>
            <span className="min-w-0 flex-1">
              <span className="block text-lg font-bold">{o.customer_first_name ?? o.provider ?? 'Guest'}</span>
              <span className="block text-sm text-zinc-400">
                {STATUS_WORD[o.status]} · from {o.business_date} · placed{' '}
                {new Date(o.created_at).toLocaleString([], { weekday: 'short', hour: 'numeric', minute: '2-digit' })}
              </span>
            </span>
            <Button
              tone="success"
              disabled={resolve.isPending}
              onClick={() => resolve.mutate({ order: o, outcome: STATUS.delivered })}
            >
              Handed off
            </Button>
            <Button
              tone="danger"
              disabled={resolve.isPending}
              onClick={() => {
                if (window.confirm(`Void #${o.daily_number}? It was never made or never collected.`))
                  resolve.mutate({ order: o, outcome: STATUS.canceled });
              }}
            >
              Void
            </Button>
          </li>
        ))}
      </ul>
      {error && (
        <div className="mt-3">
          <Notice tone="error">{error}</Notice>
        </div>
      )}
    </section>
  );
}

export function StorePanel() {
  const store = useQuery(storeControlsQuery());
  return (
    <>
      <PageHeader title="Store">Pause intake, and tell the system how your kitchen runs today.</PageHeader>
      {store.isPending && <Loading what="store settings" />}
      {store.isError && <LoadError error={store.error} retry={() => void store.refetch()} />}
      {store.data && (
        <div className="flex flex-col gap-5">
          <IntakeCard paused={store.data.paused} />
          {store.data.stale_orders.length > 0 && <StaleOrdersCard orders={store.data.stale_orders} />}
          <div className="grid gap-5 lg:grid-cols-2">
            <KitchenForm saved={store.data.kitchen} />
            <AgingForm saved={store.data.aging} />
            <AlertsForm saved={store.data.alerts} />
          </div>
          <p className="rounded-xl bg-zinc-900 px-4 py-3 text-zinc-400">
            KitchenHub (delivery apps): the webhook secret and the outbound API settings are configured in the{' '}
            <Link href="/manager/kitchenhub" className="font-semibold text-violet-300 underline underline-offset-2">
              KitchenHub
            </Link>{' '}
            section.
          </p>
        </div>
      )}
    </>
  );
}
