// Our calls to KitchenHub's API. The seed documents only the Order model, so the paths are ours to
// choose and are documented in the README ("Calls to KitchenHub"):
//   POST {base}/oauth/token                  client_credentials or refresh_token grant → 60-minute bearer token
//   GET  {base}/v1/orders/{id}               the Order object, as webhooks carry it (for re-reads after a 409)
//   POST {base}/v1/orders/{id}/accept        {"prep_time_minutes": 15}
//   POST {base}/v1/orders/{id}/reject        {"reason": "…"}
//   POST {base}/v1/orders/{id}/cancel        {"reason": "…"}
//   POST {base}/v1/orders/{id}/complete      {}
// The token and its rotating refresh token are kept in the database, so every instance and every
// restart shares one token rather than fetching its own.
import { z } from 'zod';
import { getSetting, setSetting } from '../settings';
import type { HubApiConfig } from './config';

const TIMEOUT_MS = 10_000;
/** A token this close to expiry is renewed before use rather than risk a 401 mid-call. */
const EXPIRY_MARGIN_MS = 60_000;

/** A failed call: `status` null for a network failure or timeout. */
export class HubCallError extends Error {
  constructor(
    readonly status: number | null,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive().optional(),
  refresh_token: z.string().min(1).nullish(),
});

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
  } catch (err) {
    const reason = err instanceof Error && err.name === 'TimeoutError' ? `no answer in ${TIMEOUT_MS / 1000} s` : err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    throw new HubCallError(null, `KitchenHub could not be reached (${reason}).`);
  }
}

/** A short description of an error response, from its JSON `message`/`error` or its text. */
async function describe(res: Response): Promise<string> {
  const text = (await res.text().catch(() => '')).slice(0, 500);
  let detail = text.trim();
  try {
    const json = JSON.parse(text) as { message?: unknown; error?: unknown; error_description?: unknown };
    detail = String(json.message ?? json.error_description ?? json.error ?? text);
  } catch {
    // not JSON: keep the text
  }
  return `KitchenHub answered ${res.status}${detail ? `: ${detail.slice(0, 200)}` : ''}`;
}

function retryAfter(res: Response): number | null {
  const v = res.headers.get('retry-after');
  if (!v) return null;
  const seconds = Number(v);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

async function grant(api: HubApiConfig, body: Record<string, string>, now: number) {
  const res = await send(`${api.url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ ...body, client_id: api.clientId, client_secret: api.clientSecret }),
  });
  if (!res.ok) throw new HubCallError(res.status, `Getting a KitchenHub token failed. ${await describe(res)}`, retryAfter(res));
  const parsed = tokenResponse.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new HubCallError(res.status, 'KitchenHub answered the token request without an access_token.');
  const t = parsed.data;
  const token = { apiUrl: api.url, clientId: api.clientId, accessToken: t.access_token, refreshToken: t.refresh_token ?? null, expiresAt: now + (t.expires_in ?? 3600) * 1000 };
  await setSetting('kitchenhub_token', token, now);
  return token;
}

/**
 * A bearer token for `api`: the stored one while it is good, else renewed with the refresh token
 * (which rotates: the new one is stored), else a new one from the client credentials.
 */
export async function accessToken(api: HubApiConfig, opts: { renew?: boolean } = {}, now = Date.now()): Promise<string> {
  const stored = await getSetting('kitchenhub_token');
  const ours = stored && stored.apiUrl === api.url && stored.clientId === api.clientId ? stored : null;
  if (ours && !opts.renew && ours.expiresAt - EXPIRY_MARGIN_MS > now) return ours.accessToken;
  if (ours?.refreshToken) {
    try {
      return (await grant(api, { grant_type: 'refresh_token', refresh_token: ours.refreshToken }, now)).accessToken;
    } catch (err) {
      // A refresh token used by another instance a moment ago, or expired: the credentials still work.
      if (!(err instanceof HubCallError) || err.status === null || err.status >= 500) throw err;
    }
  }
  return (await grant(api, { grant_type: 'client_credentials' }, now)).accessToken;
}

/** An authenticated request; a 401 renews the token once and tries again. */
async function authed(api: HubApiConfig, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
  const attempt = async (renew: boolean) =>
    send(`${api.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${await accessToken(api, { renew })}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const res = await attempt(false);
  return res.status === 401 ? attempt(true) : res;
}

export const hubOrderPath = (hubOrderId: string, action?: string) => `/v1/orders/${encodeURIComponent(hubOrderId)}${action ? `/${action}` : ''}`;

/** Tells KitchenHub about an order (accept, reject, cancel, complete); a non-2xx throws a HubCallError with its status. */
export async function postOrderAction(api: HubApiConfig, hubOrderId: string, action: string, body: Record<string, unknown>): Promise<number> {
  const res = await authed(api, 'POST', hubOrderPath(hubOrderId, action), body);
  if (!res.ok) throw new HubCallError(res.status, await describe(res), retryAfter(res));
  await res.body?.cancel();
  return res.status;
}

/** The order as KitchenHub holds it now, as raw JSON text (its ids may exceed 2^53). */
export async function readHubOrder(api: HubApiConfig, hubOrderId: string): Promise<string> {
  const res = await authed(api, 'GET', hubOrderPath(hubOrderId));
  if (!res.ok) throw new HubCallError(res.status, `Re-reading the order failed. ${await describe(res)}`, retryAfter(res));
  return res.text();
}

/** Checks the connection: fetches a fresh token. */
export async function checkConnection(api: HubApiConfig): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await accessToken(api, { renew: true });
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
