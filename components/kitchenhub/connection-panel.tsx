'use client';
// The KitchenHub connection: a configuration problem KitchenHub reported, our webhook's registration
// (Connect, Rotate secret), where our calls go (API URL, client credentials, our public URL),
// reconciliation, the delivery apps' online status, and auto-accept. Values set in the server's
// environment are shown read-only; secrets only as set/unset with a hint.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, LoadError, Loading, Notice, Stepper, TextField } from '@/components/manager/ui';
import { cn } from '@/components/ui/cn';
import { sendJson } from '@/lib/client/fetch';
import {
  connectResultSchema,
  hubSettingsSchema,
  pollResultSchema,
  type Accounts,
  type HubSettings,
} from '@/lib/client/kitchenhub';
import { hubAccountsQuery, hubKeys, hubSettingsQuery } from '@/lib/client/queries';

function Copyable({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-1.5">
      <span className="text-sm font-semibold text-zinc-300">{label}</span>
      <div className="flex min-w-0 items-stretch gap-2">
        <code
          data-testid={testId}
          className="flex min-h-12 min-w-0 flex-1 items-center overflow-x-auto rounded-xl bg-zinc-950 px-4 font-mono text-base whitespace-nowrap text-zinc-100 ring-1 ring-zinc-700"
        >
          {value}
        </code>
        <Button
          onClick={() =>
            void navigator.clipboard?.writeText(value).then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            })
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
    </div>
  );
}

type Put = Partial<{
  api_url: string | null;
  client_id: string | null;
  client_secret: string | null;
  public_url: string | null;
  auto_accept: boolean;
  auto_accept_prep_minutes: number;
  pause_with_store: boolean;
}>;

function useSave() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Put) => {
      const res = await sendJson('PUT', '/api/kitchenhub/settings', body, hubSettingsSchema);
      if (!res.ok) throw new Error(res.error.message);
      return res.data;
    },
    onSuccess: (data) => queryClient.setQueryData(hubKeys.settings(), data),
  });
}

/** "Connect" (and "Rotate secret"): a fresh token, the providers' capabilities, our webhook registered. */
function useConnect() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (rotate: boolean) => {
      const res = await sendJson('POST', '/api/kitchenhub/connect', { rotate_secret: rotate }, connectResultSchema);
      if (!res.ok) throw new Error(res.error.message);
      return res.data;
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: hubKeys.all }),
  });
}

const REGISTRATION: Record<HubSettings['registration']['state'], { label: string; tone: string }> = {
  registered: { label: 'Registered', tone: 'bg-emerald-500/15 text-emerald-200 ring-emerald-500/40' },
  unregistered: { label: 'Not registered', tone: 'bg-amber-500/15 text-amber-200 ring-amber-500/40' },
  error: { label: 'Registration failed', tone: 'bg-red-500/20 text-red-200 ring-red-500/60' },
};

const when = (ms: number | null) =>
  ms === null
    ? 'never'
    : new Date(ms).toLocaleString([], { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

function ProblemBanner({ s }: { s: HubSettings }) {
  if (!s.problem) return null;
  return (
    <div role="alert" data-testid="hub-problem" className="rounded-2xl bg-red-600/15 p-5 ring-2 ring-red-500/70">
      <p className="text-xl font-bold text-red-100">
        {s.problem.kind === 'not_main_account'
          ? 'KitchenHub: these credentials are not the main account'
          : 'KitchenHub refuses our credentials'}
      </p>
      <p className="mt-2 text-lg text-red-100">{s.problem.message}</p>
      <p className="mt-2 text-zinc-300">
        {s.problem.kind === 'credentials'
          ? 'Nothing is sent to KitchenHub until this is fixed: calls wait below. Fix the client id or secret, then press Connect.'
          : 'Order status calls fail until the main integration account’s credentials are used. Then press Connect and retry the failed calls.'}
      </p>
    </div>
  );
}

function WebhookCard({ s }: { s: HubSettings }) {
  const connect = useConnect();
  const r = s.registration;
  const state = REGISTRATION[r.state];
  return (
    <Card
      title="Connection and webhook"
      description={
        <>
          KitchenHub posts new and changed orders to our webhook. Connect registers it at KitchenHub (one{' '}
          <code className="text-zinc-200">Order</code> webhook, version 2) with a secret header that KitchenHub sends
          with every delivery; deliveries without it are refused.
        </>
      }
    >
      <div className="space-y-4">
        <Copyable label="Webhook URL" value={s.webhook_url} testId="hub-webhook-url" />
        <div className="flex flex-wrap items-center gap-3">
          <span
            className={cn('rounded-lg px-3 py-1 text-lg font-bold ring-1', state.tone)}
            data-testid="hub-registration"
          >
            {state.label}
          </span>
          {r.webhook_id && (
            <span className="text-zinc-300">
              KitchenHub webhook <code className="text-zinc-100">{r.webhook_id}</code>
            </span>
          )}
          {r.secret_hint && <span className="text-zinc-300">secret {r.secret_hint}</span>}
          <span className="text-zinc-400">checked {when(r.checked_at)}</span>
        </div>
        {r.previous_secret_accepted_until && (
          <p className="text-zinc-300">
            The previous secret is still accepted until {when(r.previous_secret_accepted_until)}.
          </p>
        )}
        {r.error && <Notice tone="error">{r.error}</Notice>}
        {s.webhook_auth !== 'header' && (
          <p className="text-zinc-300">
            Deliveries are checked by{' '}
            <code className="text-zinc-100">
              {s.webhook_auth === 'hmac' ? 'X-KitchenHub-Signature (HMAC of the body)' : '?token= on the URL'}
            </code>{' '}
            (KITCHENHUB_WEBHOOK_AUTH), for a proxy in front of this server.
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          <Button
            tone="primary"
            disabled={connect.isPending || !s.calls_go_to}
            onClick={() => connect.mutate(false)}
            data-testid="hub-connect"
          >
            {connect.isPending && connect.variables === false ? 'Connecting…' : 'Connect'}
          </Button>
          {r.secret_from_env ? (
            <span className="self-center text-zinc-400">
              The secret is KITCHENHUB_WEBHOOK_SECRET&apos;s: rotate it there.
            </span>
          ) : (
            <Button
              disabled={connect.isPending || r.state !== 'registered'}
              onClick={() => {
                if (window.confirm('Give KitchenHub a new webhook secret? The old one keeps working for 10 minutes.'))
                  connect.mutate(true);
              }}
            >
              Rotate secret
            </Button>
          )}
        </div>
        {connect.data && (
          <Notice tone={connect.data.ok ? 'ok' : 'error'} testId="hub-check-result">
            {connect.data.ok
              ? `Connected to KitchenHub at ${connect.data.url}: webhook ${connect.data.registration?.action ?? 'checked'}; ${connect.data.providers.length} providers known.`
              : connect.data.error}
          </Notice>
        )}
        {connect.isError && <Notice tone="error">{connect.error.message}</Notice>}
      </div>
    </Card>
  );
}

function ReconcileCard({ s }: { s: HubSettings }) {
  const queryClient = useQueryClient();
  const poll = useMutation({
    mutationFn: async () => {
      const res = await sendJson('POST', '/api/kitchenhub/reconcile', {}, pollResultSchema);
      if (!res.ok) throw new Error(res.error.message);
      return res.data;
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: hubKeys.all }),
  });
  const p = s.poll;
  return (
    <Card
      title="Reconciliation"
      description={
        p.every_seconds > 0
          ? `Webhooks get lost: every ${p.every_seconds} s we read KitchenHub's recent orders and take in any we missed.`
          : 'Off (KITCHENHUB_POLL_SECONDS=0): a lost webhook is not recovered on its own.'
      }
    >
      <div className="flex flex-wrap items-center gap-x-8 gap-y-3 text-lg">
        <span>
          Last read <strong>{when(p.last_poll_at)}</strong>
        </span>
        <span data-testid="hub-recovered">
          Recovered by reconciliation: <strong>{p.recovered}</strong>
        </span>
        <Button disabled={poll.isPending || !s.calls_go_to} onClick={() => poll.mutate()}>
          {poll.isPending ? 'Checking…' : 'Check now'}
        </Button>
      </div>
      {p.last_error && (
        <div className="mt-3">
          <Notice tone="error">{p.last_error}</Notice>
        </div>
      )}
      {poll.data?.ran && !poll.data.error && (
        <div className="mt-3">
          <Notice tone="ok">{`Read ${poll.data.seen} orders on ${poll.data.pages} page(s); ${poll.data.ingested} taken in.`}</Notice>
        </div>
      )}
    </Card>
  );
}

const ONLINE: Record<Accounts['accounts'][number]['online'], string> = {
  online: 'text-emerald-300',
  offline: 'text-red-300',
  unknown: 'text-zinc-400',
};

function AccountsCard({ s }: { s: HubSettings }) {
  const save = useSave();
  const accounts = useQuery({ ...hubAccountsQuery(), enabled: !!s.calls_go_to });
  return (
    <Card
      title="Delivery apps"
      description="KitchenHub's integration accounts and whether each is taking orders. Pausing the store can set them offline too."
    >
      <div className="space-y-4">
        <label className="flex items-center gap-3 text-lg">
          <input
            type="checkbox"
            className="h-6 w-6"
            checked={s.pause_with_store}
            disabled={save.isPending}
            onChange={(e) => save.mutate({ pause_with_store: e.target.checked })}
          />
          Pausing the store also pauses the delivery apps at KitchenHub
        </label>
        {accounts.isPending && s.calls_go_to && <Loading what="integration accounts" />}
        {accounts.data?.error && <Notice tone="error">{accounts.data.error}</Notice>}
        {accounts.data && accounts.data.accounts.length > 0 && (
          <ul className="divide-y divide-zinc-800" data-testid="hub-accounts">
            {accounts.data.accounts.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-x-6 gap-y-1 py-3 text-lg">
                <strong className="min-w-32">{a.provider_name}</strong>
                <span className={cn('font-bold', ONLINE[a.online])}>{a.online}</span>
                {a.offline_reason && <span className="text-zinc-400">{a.offline_reason}</span>}
                {!a.can_pause && <span className="text-zinc-400">cannot be paused through KitchenHub</span>}
                {a.is_main_account === false && <span className="text-amber-200">not the main account</span>}
                {a.error && <span className="text-red-300">{a.error}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

function ApiCard({ s }: { s: HubSettings }) {
  const save = useSave();
  const [draft, setDraft] = useState<{
    api_url: string;
    client_id: string;
    client_secret: string;
    public_url: string;
  } | null>(null);
  const [saved, setSaved] = useState(false);
  const check = useConnect();
  const d = draft ?? {
    api_url: s.api_url.value ?? '',
    client_id: s.client_id.value ?? '',
    client_secret: '',
    public_url: s.public_url.source === 'sandbox' ? '' : (s.public_url.value ?? ''),
  };
  const locked = {
    api_url: s.api_url.source === 'env',
    client_id: s.client_id.source === 'env',
    client_secret: s.client_secret.source === 'env',
    public_url: s.public_url.source === 'env',
  };
  const submit = () => {
    const body: Put = {};
    if (!locked.api_url && d.api_url !== (s.api_url.value ?? '')) body.api_url = d.api_url.trim() || null;
    if (!locked.client_id && d.client_id !== (s.client_id.value ?? '')) body.client_id = d.client_id.trim() || null;
    if (!locked.client_secret && d.client_secret) body.client_secret = d.client_secret;
    if (!locked.public_url && d.public_url !== (s.public_url.source === 'sandbox' ? '' : (s.public_url.value ?? '')))
      body.public_url = d.public_url.trim() || null;
    save.mutate(body, {
      onSuccess: () => {
        setDraft(null);
        setSaved(true);
        check.reset();
      },
    });
  };
  return (
    <Card
      title="KitchenHub API"
      description="KitchenHub's API: where we tell it that an order is accepted (with its prep time), rejected or ready, and read orders back. Its client id and secret get a token pair."
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="grid gap-4 md:grid-cols-2">
          <div className="md:col-span-2">
            <TextField
              label={`API URL${locked.api_url ? ' (from KITCHENHUB_API_URL)' : ''}`}
              value={d.api_url}
              placeholder="https://api.kitchenhub.example"
              onChange={(v) => setDraft({ ...d, api_url: v })}
              disabled={locked.api_url}
            />
          </div>
          <TextField
            label={`Client id${locked.client_id ? ' (from KITCHENHUB_CLIENT_ID)' : ''}`}
            value={d.client_id}
            onChange={(v) => setDraft({ ...d, client_id: v })}
            disabled={locked.client_id}
          />
          <TextField
            label={`Client secret${locked.client_secret ? ' (from KITCHENHUB_CLIENT_SECRET)' : s.client_secret.set ? ` (set ${s.client_secret.hint}; type to replace)` : ''}`}
            type="password"
            value={d.client_secret}
            onChange={(v) => setDraft({ ...d, client_secret: v })}
            disabled={locked.client_secret}
          />
          <div className="md:col-span-2">
            <TextField
              label={`This server's public URL${locked.public_url ? ' (from PUBLIC_URL)' : ''}: KitchenHub posts to it`}
              value={d.public_url}
              placeholder={
                s.public_url.source === 'sandbox'
                  ? `${s.public_url.value ?? ''} (the sandbox reaches this server directly)`
                  : 'https://kds.example.com'
              }
              onChange={(v) => setDraft({ ...d, public_url: v })}
              disabled={locked.public_url}
            />
          </div>
        </div>
        <p data-testid="hub-calls-go-to" className="text-zinc-300">
          {s.calls_go_to ? (
            <>
              Calls go to <code className="break-all text-zinc-100">{s.calls_go_to.url}</code>
              {s.calls_go_to.source === 'sandbox' && (
                <span className="text-zinc-400"> (the demo&apos;s sandbox KitchenHub, inside this app)</span>
              )}
              .
            </>
          ) : (
            <span className="text-amber-200">
              Not configured: calls wait, and show below, until an API URL, client id and secret are set.
            </span>
          )}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" tone="primary" disabled={draft === null || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save'}
          </Button>
          {draft !== null && <Button onClick={() => setDraft(null)}>Undo changes</Button>}
          <Button disabled={check.isPending || !s.calls_go_to} onClick={() => check.mutate(false)}>
            {check.isPending ? 'Connecting…' : 'Save and connect'}
          </Button>
        </div>
        {save.isError && <Notice tone="error">{save.error.message}</Notice>}
        {saved && draft === null && !save.isError && !check.data && <Notice tone="ok">Saved.</Notice>}
        {check.data && (
          <Notice tone={check.data.ok ? 'ok' : 'error'} testId="hub-check-result">
            {check.data.ok
              ? `Connected: KitchenHub at ${check.data.url} issued a token and has our webhook.`
              : check.data.error}
          </Notice>
        )}
        {check.isError && <Notice tone="error">{check.error.message}</Notice>}
      </form>
    </Card>
  );
}

function AutoAcceptCard({ s }: { s: HubSettings }) {
  const save = useSave();
  const [minutes, setMinutes] = useState<number | null>(null);
  const shown = minutes ?? s.auto_accept_prep_minutes;
  return (
    <Card
      title="Auto-accept"
      description="Accept every new delivery-app order at once with a default prep time, without waiting for a manager. Scheduled orders are held until their time, as when accepted by hand."
    >
      <div className="flex flex-wrap items-end gap-6">
        <button
          type="button"
          role="switch"
          aria-checked={s.auto_accept}
          aria-label="Auto-accept new orders"
          disabled={save.isPending}
          onClick={() => save.mutate({ auto_accept: !s.auto_accept })}
          className={cn(
            'flex min-h-14 items-center gap-3 rounded-2xl px-4 text-lg font-bold ring-1',
            s.auto_accept
              ? 'bg-emerald-600/20 text-emerald-200 ring-emerald-500/60'
              : 'bg-zinc-800 text-zinc-200 ring-zinc-700',
          )}
        >
          <span
            aria-hidden
            className={cn(
              'relative h-7 w-12 rounded-full transition',
              s.auto_accept ? 'bg-emerald-500' : 'bg-zinc-600',
            )}
          >
            <span
              className={cn(
                'absolute top-1 h-5 w-5 rounded-full bg-white transition-all',
                s.auto_accept ? 'left-6' : 'left-1',
              )}
            />
          </span>
          {s.auto_accept ? 'On' : 'Off'}
        </button>
        <div className="w-64">
          <Stepper
            label="Default prep time"
            unit="min"
            value={shown}
            step={1}
            min={1}
            max={240}
            onChange={setMinutes}
          />
        </div>
        {minutes !== null && minutes !== s.auto_accept_prep_minutes && (
          <Button
            tone="primary"
            disabled={save.isPending || !Number.isInteger(minutes)}
            onClick={() => save.mutate({ auto_accept_prep_minutes: minutes }, { onSuccess: () => setMinutes(null) })}
          >
            Save prep time
          </Button>
        )}
      </div>
      {save.isError && (
        <div className="mt-3">
          <Notice tone="error">{save.error.message}</Notice>
        </div>
      )}
    </Card>
  );
}

/** Manager → KitchenHub: the connection settings. */
export function ConnectionPanel() {
  const settings = useQuery(hubSettingsQuery());
  if (settings.isPending) return <Loading what="KitchenHub settings" />;
  if (settings.isError) return <LoadError error={settings.error} retry={() => void settings.refetch()} />;
  const s = settings.data;
  return (
    <div className="space-y-6">
      <ProblemBanner s={s} />
      <WebhookCard s={s} />
      <ApiCard s={s} />
      <ReconcileCard s={s} />
      <AccountsCard s={s} />
      <AutoAcceptCard s={s} />
    </div>
  );
}
