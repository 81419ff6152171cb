// The KitchenHub connection: the webhook secret, the outbound API (base URL and client credentials)
// and auto-accept. Each value comes from the environment when set there (a deployment's config wins
// and the console shows it read-only), else from what a manager saved in the console. In demo mode
// with no API configured, calls go to the sandbox KitchenHub mounted in this app.
import { z } from 'zod';
import { randomToken } from '../auth/crypto';
import { env } from '../env';
import { invalidRequest } from '../errors';
import { writeSettingOnce } from '@/db/store/settings';
import { getSetting, setSetting } from '../settings';
import { checkConnection } from './client';

export type Source = 'env' | 'console' | 'sandbox' | null;
export type HubApiConfig = { url: string; clientId: string; clientSecret: string; source: Exclude<Source, null> };

/** The sandbox KitchenHub's fixed demo credentials (it exists only in demo mode). */
export const SANDBOX_CLIENT = { clientId: 'pbj-demo', clientSecret: 'pbj-demo-secret' } as const;
export const SANDBOX_PATH = '/api/kitchenhub/sandbox';

export const sandboxEnabled = (): boolean => env().SEED_DEMO;
const sandboxUrl = () => `http://127.0.0.1:${env().PORT}${SANDBOX_PATH}`;

function pick<T>(fromEnv: T | undefined, fromConsole: T | null): { value: T | null; source: Source } {
  if (fromEnv !== undefined) return { value: fromEnv, source: 'env' };
  if (fromConsole !== null) return { value: fromConsole, source: 'console' };
  return { value: null, source: null };
}

const DEMO_SECRET = Symbol.for('kds.kitchenhub.demoSecret');
const cache = globalThis as unknown as { [DEMO_SECRET]?: string };
/** In demo mode with no secret set, webhooks still need one: generated once and kept in the database. */
async function demoWebhookSecret(): Promise<string> {
  return (cache[DEMO_SECRET] ??= String(await writeSettingOnce('kitchenhub_demo_webhook_secret', randomToken(24), Date.now())));
}

export async function hubConfig() {
  const e = env();
  const saved = await getSetting('kitchenhub');
  let webhookSecret = pick(e.KITCHENHUB_WEBHOOK_SECRET, saved.webhookSecret);
  if (webhookSecret.value === null && sandboxEnabled()) webhookSecret = { value: await demoWebhookSecret(), source: 'sandbox' };
  const url = pick(e.KITCHENHUB_API_URL?.replace(/\/+$/, ''), saved.apiUrl?.replace(/\/+$/, '') ?? null);
  const clientId = pick(e.KITCHENHUB_CLIENT_ID, saved.clientId);
  const clientSecret = pick(e.KITCHENHUB_CLIENT_SECRET, saved.clientSecret);
  let api: HubApiConfig | null = null;
  if (url.value && clientId.value && clientSecret.value) {
    api = { url: url.value, clientId: clientId.value, clientSecret: clientSecret.value, source: url.source === 'env' ? 'env' : 'console' };
  } else if (!url.value && sandboxEnabled()) {
    api = { url: sandboxUrl(), ...SANDBOX_CLIENT, source: 'sandbox' };
  }
  return { webhookSecret, url, clientId, clientSecret, api, autoAccept: saved.autoAccept, autoAcceptPrepMinutes: saved.autoAcceptPrepMinutes };
}

const hint = (secret: string | null) => (secret ? `…${secret.slice(-4)}` : null);

/** What the console shows: secrets only as set/unset with their last four characters. */
export async function hubSettingsView(origin: string) {
  const c = await hubConfig();
  return {
    webhook_url: `${origin}/api/kitchenhub/webhook`,
    signature_header: 'X-KitchenHub-Signature',
    webhook_secret: { set: c.webhookSecret.value !== null, source: c.webhookSecret.source, hint: hint(c.webhookSecret.value) },
    api_url: { value: c.url.value, source: c.url.source },
    client_id: { value: c.clientId.value, source: c.clientId.source },
    client_secret: { set: c.clientSecret.value !== null, source: c.clientSecret.source, hint: hint(c.clientSecret.value) },
    /** Where calls go now: the configured API, the demo sandbox, or nowhere (they wait, visibly). */
    calls_go_to: c.api ? { url: c.api.url, source: c.api.source } : null,
    sandbox: sandboxEnabled(),
    auto_accept: c.autoAccept,
    auto_accept_prep_minutes: c.autoAcceptPrepMinutes,
  };
}
export type HubSettingsView = Awaited<ReturnType<typeof hubSettingsView>>;

const clearable = <T extends z.ZodType>(s: T) => z.union([s, z.literal(''), z.null()]).transform((v) => (v === '' ? null : v));

export const hubSettingsBody = z.strictObject({
  /** A new secret (16+ characters), '' or null to clear, or `generate_webhook_secret: true`. */
  webhook_secret: clearable(z.string().trim().min(16, 'must be at least 16 characters').max(200)).optional(),
  generate_webhook_secret: z.literal(true).optional(),
  api_url: clearable(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(300)).optional(),
  client_id: clearable(z.string().trim().min(1).max(200)).optional(),
  client_secret: clearable(z.string().trim().min(1).max(500)).optional(),
  auto_accept: z.boolean().optional(),
  auto_accept_prep_minutes: z.number().int().min(1).max(240).optional(),
});
export type HubSettingsBody = z.infer<typeof hubSettingsBody>;

const ENV_NAME = { webhook_secret: 'KITCHENHUB_WEBHOOK_SECRET', generate_webhook_secret: 'KITCHENHUB_WEBHOOK_SECRET', api_url: 'KITCHENHUB_API_URL', client_id: 'KITCHENHUB_CLIENT_ID', client_secret: 'KITCHENHUB_CLIENT_SECRET' } as const;

/**
 * Saves what the manager changed. A value the environment sets cannot be changed here (400, naming
 * the variable). A generated secret is returned once, in full, to paste into KitchenHub.
 */
export async function updateHubSettings(body: HubSettingsBody, now = Date.now()): Promise<{ newWebhookSecret: string | null }> {
  const e = env();
  for (const [field, name] of Object.entries(ENV_NAME) as [keyof typeof ENV_NAME, string][]) {
    if (body[field] !== undefined && e[name as keyof typeof e] !== undefined) {
      throw invalidRequest(`${field} is set by the server's environment (${name}); change it there.`, field);
    }
  }
  const saved = await getSetting('kitchenhub');
  const newWebhookSecret = body.generate_webhook_secret ? randomToken(24) : body.webhook_secret ?? null;
  await setSetting(
    'kitchenhub',
    {
      webhookSecret: body.generate_webhook_secret || body.webhook_secret !== undefined ? newWebhookSecret : saved.webhookSecret,
      apiUrl: body.api_url !== undefined ? body.api_url : saved.apiUrl,
      clientId: body.client_id !== undefined ? body.client_id : saved.clientId,
      clientSecret: body.client_secret !== undefined ? body.client_secret : saved.clientSecret,
      autoAccept: body.auto_accept ?? saved.autoAccept,
      autoAcceptPrepMinutes: body.auto_accept_prep_minutes ?? saved.autoAcceptPrepMinutes,
    },
    now,
  );
  return { newWebhookSecret };
}

/** "Check connection": a fresh token from the configured API proves the URL and credentials. */
export async function checkHubConnection(): Promise<{ ok: boolean; error: string | null; url: string | null }> {
  const { api } = await hubConfig();
  if (!api) return { ok: false, error: 'Set the API URL, client id and client secret first.', url: null };
  const result = await checkConnection(api);
  return { ok: result.ok, error: result.ok ? null : result.error, url: api.url };
}
