'use client';
// API keys for ordering apps: create one (the plain key is shown once, here, and never again), see
// which are used, revoke one (the API refuses it with 401 from the next request on).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ConfirmDialog } from '@/components/kitchen/confirm-dialog';
import { cn } from '@/components/ui/cn';
import { sendJson } from '@/lib/client/fetch';
import { apiKeysQuery, managerKeys } from '@/lib/client/queries';
import { createdKeySchema, type ApiKeyView } from '@/lib/client/schemas';
import { formatAgo } from '@/lib/manager/format';
import { Button, Card, LoadError, Loading, Notice, PageHeader, Segmented, TextField } from './ui';

type Mode = ApiKeyView['mode'];
const MODES = [
  { value: 'test', label: 'Test' },
  { value: 'live', label: 'Live' },
] as const satisfies ReadonlyArray<{ value: Mode; label: string }>;

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

export function KeysPanel() {
  const queryClient = useQueryClient();
  const keys = useQuery(apiKeysQuery());
  const now = useNow(30_000);
  const [name, setName] = useState('');
  const [mode, setMode] = useState<Mode>('test');
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);

  const create = useMutation({
    mutationFn: async () => {
      const res = await sendJson('POST', '/api/manager/keys', { name, mode }, createdKeySchema);
      if (!res.ok) throw new Error(res.error.message);
      return res.data;
    },
    onSuccess: (data) => {
      setCreated({ name: data.key.name, secret: data.secret });
      setCopied(false);
      setName('');
      setMessage(null);
    },
    onError: (err) => setMessage({ tone: 'error', text: err.message }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: managerKeys.apiKeys() }),
  });

  const revoke = useMutation({
    mutationFn: async (key: ApiKeyView) => {
      const res = await sendJson('DELETE', `/api/manager/keys/${encodeURIComponent(key.id)}`);
      if (!res.ok) throw new Error(res.error.message);
      return key;
    },
    onSuccess: (key) => setMessage({ tone: 'ok', text: `${key.name} is revoked: the API now refuses it.` }),
    onError: (err) => setMessage({ tone: 'error', text: err.message }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: managerKeys.apiKeys() }),
  });

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard permission: the key is selectable text
    }
  };

  return (
    <>
      <PageHeader title="API keys">
        Each ordering app gets its own key and sees only its own orders. Test keys (
        <code className="text-zinc-200">pbj_test_…</code>) are for trying things; live keys (
        <code className="text-zinc-200">pbj_live_…</code>) for real customers.
      </PageHeader>

      {created && (
        <section
          data-testid="new-key"
          aria-labelledby="new-key-title"
          className="mb-6 rounded-2xl border-2 border-amber-400 bg-amber-400/10 p-5"
        >
          <h2 id="new-key-title" className="text-xl font-black text-amber-200">
            Copy the key for {created.name} now
          </h2>
          <p className="mt-1 text-amber-100/90">
            It is shown only this once: the server keeps a fingerprint of it, not the key. Lost keys are revoked and
            replaced.
          </p>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <code
              data-testid="new-key-secret"
              className="min-w-0 flex-1 rounded-xl bg-black/60 px-4 py-3 font-mono text-lg break-all text-white select-all"
            >
              {created.secret}
            </code>
            <Button tone="primary" onClick={() => void copy()}>
              {copied ? 'Copied ✓' : 'Copy key'}
            </Button>
            <Button onClick={() => setCreated(null)}>Done</Button>
          </div>
        </section>
      )}

      <Card title="New key" description="Name it after the app or partner that will use it.">
        <form
          className="flex flex-wrap items-end gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <TextField
            label="Name"
            value={name}
            onChange={setName}
            placeholder="e.g. Campus app"
            maxLength={60}
            className="min-w-64 flex-1"
          />
          <Segmented label="Mode" value={mode} options={MODES} onChange={setMode} className="w-56" />
          <Button type="submit" tone="primary" disabled={name.trim() === '' || create.isPending}>
            {create.isPending ? 'Creating…' : 'Create key'}
          </Button>
        </form>
      </Card>

      {message && (
        <div className="mt-4">
          <Notice tone={message.tone} testId="keys-message">
            {message.text}
          </Notice>
        </div>
      )}

      <div className="mt-6">
        {keys.isPending && <Loading what="keys" />}
        {keys.isError && <LoadError error={keys.error} retry={() => void keys.refetch()} />}
        {keys.data && (
          <div className="overflow-x-auto rounded-2xl border border-zinc-800">
            <table className="w-full text-left">
              <caption className="sr-only">API keys</caption>
              <thead className="bg-zinc-900 text-sm text-zinc-400 uppercase">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Name
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Key
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Mode
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Created
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Last used
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    <span className="sr-only">Status and actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-800">
                {keys.data.keys.map((k) => (
                  <tr key={k.id} data-testid={`key-${k.id}`} className={cn(k.revoked_at !== null && 'text-zinc-400')}>
                    <th scope="row" className="px-4 py-3 text-lg font-bold">
                      {k.name}
                    </th>
                    <td className="px-4 py-3 font-mono">{k.prefix}…</td>
                    <td className="px-4 py-3">
                      <span
                        className={cn(
                          'rounded-md px-2 py-0.5 text-sm font-black uppercase',
                          k.mode === 'live' ? 'bg-emerald-500/20 text-emerald-300' : 'bg-sky-500/20 text-sky-300',
                        )}
                      >
                        {k.mode}
                      </span>
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap">{formatAgo(k.created_at, now)}</td>
                    <td className="px-4 py-3 whitespace-nowrap">{formatAgo(k.last_used_at, now)}</td>
                    <td className="px-4 py-2 text-right">
                      {k.revoked_at === null ? (
                        <Button tone="danger" onClick={() => setRevoking(k)} aria-label={`Revoke ${k.name}`}>
                          Revoke
                        </Button>
                      ) : (
                        <span className="inline-flex min-h-12 items-center font-semibold text-red-300/80">
                          Revoked {formatAgo(k.revoked_at, now)}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>

      {revoking && (
        <ConfirmDialog
          title={`Revoke ${revoking.name}?`}
          body={`Apps using ${revoking.prefix}… are refused (401) from their next request. This cannot be undone: they will need a new key.`}
          confirmLabel="Revoke key"
          cancelLabel="Keep it"
          onClose={() => setRevoking(null)}
          onConfirm={() => {
            revoke.mutate(revoking);
            setRevoking(null);
          }}
        />
      )}
    </>
  );
}
