'use client';
// The KitchenHub connection: where KitchenHub sends webhooks and the secret they prove, where our
// calls go (API URL and client credentials), and auto-accept. Values set in the server's environment
// are shown read-only; secrets are shown only as set/unset, except once right after generating one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, LoadError, Loading, Notice, Stepper, TextField } from '@/components/manager/ui';
import { cn } from '@/components/ui/cn';
import { sendJson } from '@/lib/client/fetch';
import { connectionCheckSchema, hubSettingsSchema, type HubSettings } from '@/lib/client/kitchenhub';
import { hubKeys, hubSettingsQuery } from '@/lib/client/queries';

type Source = HubSettings['webhook_secret']['source'];
const SOURCE: Record<Exclude<Source, null>, string> = { env: 'from the server environment', console: 'set here', sandbox: 'demo' };

function SourceTag({ source }: { source: Source }) {
  if (!source) return <span className="rounded-md bg-amber-500/15 px-2 py-0.5 text-sm font-semibold text-amber-200">not set</span>;
  return <span className="rounded-md bg-zinc-800 px-2 py-0.5 text-sm font-semibold text-zinc-300">{SOURCE[source]}</span>;
}

function Copyable({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-1.5">
      <span className="text-sm font-semibold text-zinc-300">{label}</span>
      <div className="flex min-w-0 items-stretch gap-2">
        <code data-testid={testId} className="flex min-h-12 min-w-0 flex-1 items-center overflow-x-auto rounded-xl bg-zinc-950 px-4 font-mono text-base whitespace-nowrap text-zinc-100 ring-1 ring-zinc-700">
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

type Put = Partial<{ webhook_secret: string | null; generate_webhook_secret: true; api_url: string | null; client_id: string | null; client_secret: string | null; auto_accept: boolean; auto_accept_prep_minutes: number }>;

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

function WebhookCard({ s }: { s: HubSettings }) {
  const save = useSave();
  const [own, setOwn] = useState<string | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);
  const fromEnv = s.webhook_secret.source === 'env';
  const submit = (body: Put) =>
    save.mutate(body, {
      onSuccess: (data) => {
        setFresh(data.new_webhook_secret ?? null);
        setOwn(null);
      },
    });
  return (
    <Card title="Webhooks from KitchenHub" description={<>Paste this URL into KitchenHub&apos;s webhook settings. Each delivery must prove the secret: an HMAC-SHA256 of the body in <code className="text-zinc-200">{s.signature_header}</code> (<code className="text-zinc-200">sha256=&lt;hex&gt;</code>), or <code className="text-zinc-200">?token=&lt;secret&gt;</code> on the URL.</>}>
      <div className="space-y-4">
        <Copyable label="Webhook URL" value={s.webhook_url} testId="hub-webhook-url" />
        <div className="flex flex-wrap items-center gap-3">
          <span className="text-sm font-semibold text-zinc-300">Secret</span>
          <span data-testid="hub-secret-status" className="text-lg font-bold">{s.webhook_secret.set ? `Set (${s.webhook_secret.hint})` : 'Not set: every webhook is refused'}</span>
          <SourceTag source={s.webhook_secret.source} />
        </div>
        {fresh && (
          <div className="space-y-3 rounded-xl bg-emerald-500/10 p-4 ring-1 ring-emerald-500/40" role="status">
            <p className="font-semibold text-emerald-200">New secret saved. Copy it into KitchenHub now: it is not shown again.</p>
            <Copyable label="Secret" value={fresh} testId="hub-new-secret" />
            <Copyable label="Or the webhook URL with the secret as a token" value={`${s.webhook_url}?token=${encodeURIComponent(fresh)}`} />
          </div>
        )}
        {fromEnv ? (
          <p className="text-zinc-400">The secret comes from <code className="text-zinc-200">KITCHENHUB_WEBHOOK_SECRET</code>; change it there.</p>
        ) : own === null ? (
          <div className="flex flex-wrap gap-3">
            <Button
              tone="primary"
              disabled={save.isPending}
              onClick={() => {
                if (!s.webhook_secret.set || window.confirm('Generate a new secret? Webhooks signed with the old one are refused from now on, until KitchenHub has the new one.')) submit({ generate_webhook_secret: true });
              }}
            >
              {s.webhook_secret.set ? 'Generate a new secret' : 'Generate a secret'}
            </Button>
            <Button onClick={() => setOwn('')}>Enter my own</Button>
          </div>
        ) : (
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              submit({ webhook_secret: own });
            }}
          >
            <TextField label="Your secret (16+ characters)" type="password" value={own} onChange={setOwn} className="min-w-64 flex-1" maxLength={200} />
            <Button type="submit" tone="primary" disabled={save.isPending || own.trim().length < 16}>Save secret</Button>
            <Button onClick={() => setOwn(null)}>Cancel</Button>
          </form>
        )}
        {save.isError && <Notice tone="error">{save.error.message}</Notice>}
      </div>
    </Card>
  );
}

function ApiCard({ s }: { s: HubSettings }) {
  const save = useSave();
  const [draft, setDraft] = useState<{ api_url: string; client_id: string; client_secret: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const check = useMutation({
    mutationFn: async () => {
      const res = await sendJson('POST', '/api/kitchenhub/settings/check', {}, connectionCheckSchema);
      if (!res.ok) throw new Error(res.error.message);
      return res.data;
    },
  });
  const d = draft ?? { api_url: s.api_url.value ?? '', client_id: s.client_id.value ?? '', client_secret: '' };
  const locked = { api_url: s.api_url.source === 'env', client_id: s.client_id.source === 'env', client_secret: s.client_secret.source === 'env' };
  const submit = () => {
    const body: Put = {};
    if (!locked.api_url && d.api_url !== (s.api_url.value ?? '')) body.api_url = d.api_url.trim() || null;
    if (!locked.client_id && d.client_id !== (s.client_id.value ?? '')) body.client_id = d.client_id.trim() || null;
    if (!locked.client_secret && d.client_secret) body.client_secret = d.client_secret;
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
      description="Where we tell KitchenHub that an order is accepted (with its prep time), rejected, canceled or ready. It uses a client id and secret for a bearer token."
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
            <TextField label={`API URL${locked.api_url ? ' (from KITCHENHUB_API_URL)' : ''}`} value={d.api_url} placeholder="https://api.kitchenhub.example" onChange={(v) => setDraft({ ...d, api_url: v })} disabled={locked.api_url} />
          </div>
          <TextField label={`Client id${locked.client_id ? ' (from KITCHENHUB_CLIENT_ID)' : ''}`} value={d.client_id} onChange={(v) => setDraft({ ...d, client_id: v })} disabled={locked.client_id} />
          <TextField
            label={`Client secret${locked.client_secret ? ' (from KITCHENHUB_CLIENT_SECRET)' : s.client_secret.set ? ` (set ${s.client_secret.hint}; type to replace)` : ''}`}
            type="password"
            value={d.client_secret}
            onChange={(v) => setDraft({ ...d, client_secret: v })}
            disabled={locked.client_secret}
          />
        </div>
        <p data-testid="hub-calls-go-to" className="text-zinc-300">
          {s.calls_go_to ? (
            <>
              Calls go to <code className="break-all text-zinc-100">{s.calls_go_to.url}</code>
              {s.calls_go_to.source === 'sandbox' && <span className="text-zinc-400"> (the demo&apos;s sandbox KitchenHub, inside this app)</span>}.
            </>
          ) : (
            <span className="text-amber-200">Not configured: calls wait, and show below, until an API URL, client id and secret are set.</span>
          )}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" tone="primary" disabled={draft === null || save.isPending}>{save.isPending ? 'Saving…' : 'Save'}</Button>
          {draft !== null && <Button onClick={() => setDraft(null)}>Undo changes</Button>}
          <Button disabled={check.isPending || !s.calls_go_to} onClick={() => check.mutate()}>{check.isPending ? 'Checking…' : 'Check connection'}</Button>
        </div>
        {save.isError && <Notice tone="error">{save.error.message}</Notice>}
        {saved && draft === null && !save.isError && !check.data && <Notice tone="ok">Saved.</Notice>}
        {check.data && (
          <Notice tone={check.data.ok ? 'ok' : 'error'} testId="hub-check-result">
            {check.data.ok ? `Connected: KitchenHub at ${check.data.url} issued a token.` : check.data.error}
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
    <Card title="Auto-accept" description="Accept every new delivery-app order at once with a default prep time, without waiting for a manager. Scheduled orders are held until their time, as when accepted by hand.">
      <div className="flex flex-wrap items-end gap-6">
        <button
          type="button"
          role="switch"
          aria-checked={s.auto_accept}
          aria-label="Auto-accept new orders"
          disabled={save.isPending}
          onClick={() => save.mutate({ auto_accept: !s.auto_accept })}
          className={cn('flex min-h-14 items-center gap-3 rounded-2xl px-4 text-lg font-bold ring-1', s.auto_accept ? 'bg-emerald-600/20 text-emerald-200 ring-emerald-500/60' : 'bg-zinc-800 text-zinc-200 ring-zinc-700')}
        >
          <span aria-hidden className={cn('relative h-7 w-12 rounded-full transition', s.auto_accept ? 'bg-emerald-500' : 'bg-zinc-600')}>
            <span className={cn('absolute top-1 h-5 w-5 rounded-full bg-white transition-all', s.auto_accept ? 'left-6' : 'left-1')} />
          </span>
          {s.auto_accept ? 'On' : 'Off'}
        </button>
        <div className="w-64">
          <Stepper label="Default prep time" unit="min" value={shown} step={1} min={1} max={240} onChange={setMinutes} />
        </div>
        {minutes !== null && minutes !== s.auto_accept_prep_minutes && (
          <Button tone="primary" disabled={save.isPending || !Number.isInteger(minutes)} onClick={() => save.mutate({ auto_accept_prep_minutes: minutes }, { onSuccess: () => setMinutes(null) })}>
            Save prep time
          </Button>
        )}
      </div>
      {save.isError && <div className="mt-3"><Notice tone="error">{save.error.message}</Notice></div>}
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
      <WebhookCard s={s} />
      <ApiCard s={s} />
      <AutoAcceptCard s={s} />
    </div>
  );
}
