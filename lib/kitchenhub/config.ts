// The KitchenHub connection: KitchenHub's API (base URL and client credentials), where KitchenHub
// reaches us (the public URL our webhook is registered at), auto-accept and pausing with the store.
// Each value comes from the environment when set there (a deployment's config wins and the console
// shows it read-only), else from what a manager saved in the console. With the sandbox on (demo data,
// or KITCHENHUB_SANDBOX=true) and no API configured, calls go to the sandbox KitchenHub mounted in
// this app (sandbox/kitchenhub), over HTTP with its per-install client credentials.
import { z } from 'zod';
import { sandboxClient, sandboxOn } from '../demo';
import { env } from '../env';
import { invalidRequest } from '../errors';
import { getSetting, getSettings, setSetting } from '../settings';
import { pollView } from './poll-view';
import { clearProblem } from './problems';
import { forgetTokens } from './tokens';
import type { HubApiConfig } from './transport';
import type { HubSettingsView } from './views';

export type Source = HubApiConfig['source'] | null;

export const SANDBOX_PATH = '/api/kitchenhub/sandbox';
/** Our webhook route, below the public URL. */
export const WEBHOOK_PATH = '/api/kitchenhub/webhook';

const loopback = () => `http://127.0.0.1:${env().PORT}`;

function pick<T>(fromEnv: T | undefined, fromConsole: T | null): { value: T | null; source: Source } {
  if (fromEnv !== undefined) return { value: fromEnv, source: 'env' };
  if (fromConsole !== null) return { value: fromConsole, source: 'console' };
  return { value: null, source: null };
}

const trimSlash = (u: string | null | undefined) => (u ? u.replace(/\/+$/, '') : u);

export async function hubConfig() {
  const e = env();
  const saved = await getSetting('kitchenhub');
  const url = pick(trimSlash(e.KITCHENHUB_API_URL), trimSlash(saved.apiUrl) ?? null);
  const clientId = pick(e.KITCHENHUB_CLIENT_ID, saved.clientId);
  const clientSecret = pick(e.KITCHENHUB_CLIENT_SECRET, saved.clientSecret);
  let api: HubApiConfig | null = null;
  if (url.value && clientId.value && clientSecret.value) {
    api = {
      url: url.value,
      clientId: clientId.value,
      clientSecret: clientSecret.value,
      source: url.source === 'env' ? 'env' : 'console',
    };
  } else if (!url.value && (await sandboxOn())) {
    api = { url: `${loopback()}${SANDBOX_PATH}`, ...(await sandboxClient()), source: 'sandbox' };
  }
  // Where KitchenHub reaches us: PUBLIC_URL, the console's, or (the sandbox lives in this very server) loopback.
  let publicUrl = pick(trimSlash(e.PUBLIC_URL), trimSlash(saved.publicUrl) ?? null);
  if (!publicUrl.value && api?.source === 'sandbox') publicUrl = { value: loopback(), source: 'sandbox' };
  return {
    url,
    clientId,
    clientSecret,
    publicUrl,
    api,
    webhookUrl: publicUrl.value ? `${publicUrl.value}${WEBHOOK_PATH}` : null,
    autoAccept: saved.autoAccept,
    autoAcceptPrepMinutes: saved.autoAcceptPrepMinutes,
    pauseWithStore: saved.pauseWithStore,
  };
}
export type HubConfig = Awaited<ReturnType<typeof hubConfig>>;

const hint = (secret: string | null) => (secret ? `…${secret.slice(-4)}` : null);

/** What the console shows of the configuration: secrets only as set/unset with their last four characters. */
export async function hubSettingsView(origin: string): Promise<HubSettingsView> {
  const c = await hubConfig();
  const { kitchenhub_webhook: hook, kitchenhub_problem: problem } = await getSettings(
    'kitchenhub_webhook',
    'kitchenhub_problem',
  );
  return {
    webhook_url: c.webhookUrl ?? `${origin}${WEBHOOK_PATH}`,
    webhook_auth: env().KITCHENHUB_WEBHOOK_AUTH,
    public_url: { value: c.publicUrl.value, source: c.publicUrl.source },
    api_url: { value: c.url.value, source: c.url.source },
    client_id: { value: c.clientId.value, source: c.clientId.source },
    client_secret: {
      set: c.clientSecret.value !== null,
      source: c.clientSecret.source,
      hint: hint(c.clientSecret.value),
    },
    calls_go_to: c.api ? { url: c.api.url, source: c.api.source } : null,
    sandbox: await sandboxOn(),
    auto_accept: c.autoAccept,
    auto_accept_prep_minutes: c.autoAcceptPrepMinutes,
    pause_with_store: c.pauseWithStore,
    registration: {
      state: hook.state,
      webhook_id: hook.webhookId,
      url: hook.url,
      secret_hint: env().KITCHENHUB_WEBHOOK_SECRET ? hint(env().KITCHENHUB_WEBHOOK_SECRET ?? null) : hook.secretHint,
      secret_from_env: env().KITCHENHUB_WEBHOOK_SECRET !== undefined,
      previous_secret_accepted_until:
        hook.previousUntil !== null && hook.previousUntil > Date.now() ? hook.previousUntil : null,
      error: hook.error,
      checked_at: hook.checkedAt,
    },
    problem: problem ? { kind: problem.kind, status: problem.status, message: problem.message, at: problem.at } : null,
    poll: await pollView(),
  };
}

const clearable = <T extends z.ZodType>(s: T) =>
  z.union([s, z.literal(''), z.null()]).transform((v) => (v === '' ? null : v));
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(300);

export const hubSettingsBody = z.strictObject({
  api_url: clearable(httpUrl).optional(),
  client_id: clearable(z.string().trim().min(1).max(200)).optional(),
  client_secret: clearable(z.string().trim().min(1).max(500)).optional(),
  public_url: clearable(httpUrl).optional(),
  auto_accept: z.boolean().optional(),
  auto_accept_prep_minutes: z.number().int().min(1).max(240).optional(),
  pause_with_store: z.boolean().optional(),
});
export type HubSettingsBody = z.infer<typeof hubSettingsBody>;

const ENV_NAME = {
  api_url: 'KITCHENHUB_API_URL',
  client_id: 'KITCHENHUB_CLIENT_ID',
  client_secret: 'KITCHENHUB_CLIENT_SECRET',
  public_url: 'PUBLIC_URL',
} as const;

/**
 * Saves what the manager changed. A value the environment sets cannot be changed here (400, naming
 * the variable). New credentials forget the old tokens and any configuration problem they had.
 */
export async function updateHubSettings(body: HubSettingsBody, now = Date.now()): Promise<void> {
  const e = env();
  for (const [field, name] of Object.entries(ENV_NAME) as [
    keyof typeof ENV_NAME,
    (typeof ENV_NAME)[keyof typeof ENV_NAME],
  ][]) {
    if (body[field] !== undefined && e[name] !== undefined)
      throw invalidRequest(`${field} is set by the server's environment (${name}); change it there.`, field);
  }
  const saved = await getSetting('kitchenhub');
  const next = {
    apiUrl: body.api_url !== undefined ? body.api_url : saved.apiUrl,
    clientId: body.client_id !== undefined ? body.client_id : saved.clientId,
    clientSecret: body.client_secret !== undefined ? body.client_secret : saved.clientSecret,
    publicUrl: body.public_url !== undefined ? body.public_url : saved.publicUrl,
    autoAccept: body.auto_accept ?? saved.autoAccept,
    autoAcceptPrepMinutes: body.auto_accept_prep_minutes ?? saved.autoAcceptPrepMinutes,
    pauseWithStore: body.pause_with_store ?? saved.pauseWithStore,
  };
  await setSetting('kitchenhub', next, now);
  const connectionChanged =
    next.apiUrl !== saved.apiUrl ||
    next.clientId !== saved.clientId ||
    next.clientSecret !== saved.clientSecret ||
    next.publicUrl !== saved.publicUrl;
  if (connectionChanged) {
    await forgetTokens(now);
    await clearProblem(now);
  }
}
