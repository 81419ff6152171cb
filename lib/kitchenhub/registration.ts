// Our webhook at KitchenHub: one `Order` webhook, version 2, at {public URL}/api/kitchenhub/webhook,
// whose `authorization_headers` carry a secret of ours (KitchenHub sends them with every delivery;
// ./verify.ts checks them). Registered at start and from the console's "Connect" button:
// GET /v2/webhooks/ finds ours (same URL, type Order) and reuses it; PATCH updates it (resending
// `filters` and `version`, which the PATCH requires); POST creates it only when there is none; extra
// copies of ours are deleted. One instance at a time (the `kitchenhub_register` lease).
//
// The secret is stored only as a SHA-256 hash: a new one is generated whenever KitchenHub's copy does
// not match ours (GET echoes the headers back), and on "Rotate secret", which keeps the old one
// accepted for ROTATION_OVERLAP_MS. A secret being registered is accepted from before the PATCH is
// sent, so no delivery falls between the two.
import { releaseLease, tryLease } from '@/db/storage/leases';
import { randomToken, sha256 } from '../auth/crypto';
import { env } from '../env';
import { taskHolder } from '../instance';
import { getSetting, setSetting } from '../settings';
import { createWebhook, deleteWebhook, listWebhooks, updateWebhook, type HubWebhook } from './client';
import { hubConfig } from './config';
import type { HubApiConfig } from './transport';
import { noting } from './problems';
import { WEBHOOK_SECRET_HEADER } from './verify';

export const ROTATION_OVERLAP_MS = 10 * 60_000;
/** How often a running server checks that its webhook is still there. */
export const RECHECK_MS = 6 * 60 * 60_000;
const LEASE = 'kitchenhub_register';

type Hook = Awaited<ReturnType<typeof getSetting<'kitchenhub_webhook'>>>;

const sameUrl = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
const hint = (secret: string) => `…${secret.slice(-4)}`;

/** The header value KitchenHub holds for our webhook, whatever case it came back in. */
function theirSecret(w: HubWebhook): string | undefined {
  const entry = Object.entries(w.authorization_headers ?? {}).find(
    ([name]) => name.toLowerCase() === WEBHOOK_SECRET_HEADER.toLowerCase(),
  );
  return entry?.[1];
}

export type RegistrationResult = {
  state: Hook['state'];
  webhookId: string | null;
  action: 'kept' | 'updated' | 'created' | 'none';
  error: string | null;
};

async function register(
  api: HubApiConfig,
  url: string,
  opts: { rotate: boolean },
  now: number,
): Promise<RegistrationResult> {
  const hook = await getSetting('kitchenhub_webhook');
  const configured = env().KITCHENHUB_WEBHOOK_SECRET; // a deployment's own secret: registered as it is
  const all = await listWebhooks(api);
  const mine = all.filter((w) => w.webhook_type === 'Order' && sameUrl(w.url, url));
  // Ours at another URL (the public URL changed): moved with a PATCH, not left behind beside a new one.
  const moved = mine.length === 0 ? all.find((w) => w.id === hook.webhookId && w.webhook_type === 'Order') : undefined;
  const [found, ...extras] = moved ? [moved] : mine;
  const held = found ? theirSecret(found) : undefined;
  const currentHash = configured ? sha256(configured) : hook.secretHash;
  const upToDate =
    found &&
    !moved &&
    held !== undefined &&
    currentHash !== null &&
    sha256(held) === currentHash &&
    found.version === 2 &&
    !opts.rotate;

  let action: RegistrationResult['action'] = 'kept';
  let next: Hook = { ...hook, apiUrl: api.url, url, state: 'registered', error: null, checkedAt: now };
  if (!upToDate) {
    const secret = configured ?? randomToken(24);
    // Accept the new secret before KitchenHub can send it.
    await setSetting('kitchenhub_webhook', { ...hook, nextSecretHash: sha256(secret) }, now);
    const headers = { ...(found?.authorization_headers ?? {}), [WEBHOOK_SECRET_HEADER]: secret };
    const saved = found
      ? await updateWebhook(api, found.id, {
          url,
          authorization_headers: headers,
          filters: found.filters ?? {},
          version: 2,
          webhook_type: 'Order',
        })
      : await createWebhook(api, {
          url,
          version: 2,
          webhook_type: 'Order',
          filters: {},
          authorization_headers: headers,
        });
    action = found ? 'updated' : 'created';
    const replaced = hook.secretHash !== null && hook.secretHash !== sha256(secret);
    next = {
      ...next,
      webhookId: saved.id,
      secretHash: sha256(secret),
      secretHint: hint(secret),
      nextSecretHash: null,
      previousSecretHash: replaced ? hook.secretHash : hook.previousSecretHash,
      previousUntil: replaced ? now + ROTATION_OVERLAP_MS : hook.previousUntil,
    };
  } else {
    next.webhookId = found.id;
  }
  for (const extra of extras) await deleteWebhook(api, extra.id); // our own duplicates, left by an older install
  await setSetting('kitchenhub_webhook', next, now);
  return { state: 'registered', webhookId: next.webhookId, action, error: null };
}

/**
 * Makes sure KitchenHub has our webhook with our current secret (`rotate`: with a new secret).
 * Failures are stored for the console (and thrown only to a caller that asks, like "Connect").
 */
export async function registerWebhook(opts: { rotate?: boolean } = {}, now = Date.now()): Promise<RegistrationResult> {
  const c = await hubConfig();
  if (!c.api || !c.webhookUrl) {
    const error = !c.api
      ? 'Set the KitchenHub API URL, client id and client secret first.'
      : 'Set the public URL KitchenHub reaches this server at (PUBLIC_URL, or below).';
    return { state: 'unregistered', webhookId: null, action: 'none', error };
  }
  if (opts.rotate && env().KITCHENHUB_WEBHOOK_SECRET) {
    return {
      state: (await getSetting('kitchenhub_webhook')).state,
      webhookId: null,
      action: 'none',
      error: 'The webhook secret comes from KITCHENHUB_WEBHOOK_SECRET: change it there, then Connect.',
    };
  }
  const me = taskHolder();
  // Another task (the start-up check, another instance's) may be registering: wait for it, then check again.
  for (let waited = 0; !(await tryLease(LEASE, me, Date.now(), 30_000)); waited += 100) {
    if (waited >= 10_000)
      return {
        state: (await getSetting('kitchenhub_webhook')).state,
        webhookId: null,
        action: 'none',
        error: 'Another instance is registering the webhook right now.',
      };
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    return await noting(() => register(c.api!, c.webhookUrl!, { rotate: !!opts.rotate }, now));
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    const hook = await getSetting('kitchenhub_webhook');
    await setSetting(
      'kitchenhub_webhook',
      { ...hook, apiUrl: c.api!.url, url: c.webhookUrl!, nextSecretHash: null, state: 'error', error, checkedAt: now },
      now,
    );
    return { state: 'error', webhookId: hook.webhookId, action: 'none', error };
  } finally {
    await releaseLease(LEASE, me);
  }
}

/** The start-up and periodic check: register when the configuration changed, it failed, or a while has passed. */
export async function ensureWebhook(now = Date.now()): Promise<RegistrationResult | null> {
  const c = await hubConfig();
  if (!c.api || !c.webhookUrl) return null;
  const hook = await getSetting('kitchenhub_webhook');
  const same = hook.apiUrl === c.api.url && hook.url === c.webhookUrl;
  const current = same && hook.state === 'registered' && hook.checkedAt !== null && now - hook.checkedAt < RECHECK_MS;
  // A failed attempt with this configuration is tried again after a minute, not on every tick.
  const resting = same && hook.state === 'error' && hook.checkedAt !== null && now - hook.checkedAt < 60_000;
  return current || resting ? null : registerWebhook({}, now);
}
