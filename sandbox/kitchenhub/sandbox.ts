// The demo's KitchenHub: the spec-following fake (./fake-hub.ts) mounted in this app at
// /api/kitchenhub/sandbox while the sandbox is on (demo data, or KITCHENHUB_SANDBOX=true) and no real
// API is configured, so a new user sees orders arrive by webhook and our accept/complete calls land,
// right after `npm start`. It answers only operations of KitchenHub's openapi-v2.json, and sends its
// orders to the webhook we register with it, carrying the headers we registered. One per process, on
// globalThis (route handlers and the job's module copies share it).
//
// Reachable from the internet, so it is guarded: off (404) unless switched on; then a caller is
// either a signed-in manager, or KitchenHub's own client-credentials flow with this install's
// generated credentials (how this server calls it, over loopback) and the tokens it issued. Anyone
// else is refused before the fake reads or records anything. Bodies are capped and the fake keeps a
// bounded number of records.
import { safeEqual } from '@/lib/auth/crypto';
import { readCookie, refuseCrossSite, SESSION_COOKIE, staffFromCookie } from '@/lib/auth/staff';
import { sandboxClient, sandboxOn } from '@/lib/demo';
import { ApiError, notFound } from '@/lib/errors';
import { readBody } from '@/lib/http';
import { registerWebhook } from '@/lib/kitchenhub/registration';
import type { Simulated } from '@/lib/kitchenhub/views';
import { FakeKitchenHub } from './fake-hub';

/** Of each kind of record (orders, calls, sent webhooks, tokens, webhook configs), the sandbox keeps at most this many. */
export const SANDBOX_MAX_RECORDS = 200;

const KEY = Symbol.for('kds.kitchenhub.sandbox');
const holder = globalThis as unknown as { [KEY]?: FakeKitchenHub };

/** The sandbox, or 404 while it is off. */
export async function sandbox(): Promise<FakeKitchenHub> {
  if (!(await sandboxOn())) throw notFound('endpoint');
  const existing = holder[KEY];
  if (existing) return existing;
  const client = await sandboxClient();
  return (holder[KEY] ??= new FakeKitchenHub({ ...client, adoptUnknownOrders: true, maxRecords: SANDBOX_MAX_RECORDS }));
}

const TOKEN_PATH = '/v2/auth/token/';
const REFRESH_PATH = '/v2/auth/token/refresh/';

function jsonField(text: string, field: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** Whether this call may reach the sandbox (see the top of this file). */
async function admitted(req: Request, hub: FakeKitchenHub, path: string, body: string): Promise<boolean> {
  const member = await staffFromCookie(readCookie(req, SESSION_COOKIE));
  if (member?.role === 'manager') {
    refuseCrossSite(req); // a manager's browser must not be made to call it from another site
    return true;
  }
  if (hub.authorized(req)) return true; // a bearer token the sandbox issued
  if (req.method !== 'POST') return false;
  if (path === TOKEN_PATH) {
    const client = await sandboxClient();
    // Both compared, each in constant time, whatever the first one's outcome.
    const idOk = safeEqual(jsonField(body, 'client_id') ?? '', client.clientId);
    const secretOk = safeEqual(jsonField(body, 'client_secret') ?? '', client.clientSecret);
    return idOk && secretOk;
  }
  if (path === REFRESH_PATH) return hub.knowsRefreshToken(jsonField(body, 'refresh_token') ?? '');
  return false;
}

/** Answers one request to /api/kitchenhub/sandbox/…: 404 while off, 413 over the cap, 401 to anyone not admitted. */
export async function serveSandbox(req: Request, path: string): Promise<Response> {
  const hub = await sandbox();
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  // The one body reader, with the default cap (MAX_BODY_BYTES, 64 KiB): KitchenHub's own bodies are a few KiB.
  const body = hasBody ? (await readBody(req)).toString('utf8') : '';
  if (!(await admitted(req, hub, path, body))) {
    throw new ApiError(
      'unauthorized',
      "The sandbox KitchenHub answers a signed-in manager, or KitchenHub's token flow (POST /v2/auth/token/) with this install's sandbox credentials and the tokens it issues.",
    );
  }
  const headers = new Headers(req.headers);
  headers.delete('content-length'); // the body is passed on as read
  return hub.handle(
    new Request(req.url, { method: req.method, headers, body: hasBody && body ? body : undefined, signal: req.signal }),
    path,
  );
}

/** "Simulate incoming order": the sandbox takes a realistic order (ASAP, or scheduled an hour out) and sends it to our webhook. */
export async function simulateIncomingOrder(kind: 'asap' | 'scheduled'): Promise<Simulated> {
  const hub = await sandbox();
  // The sandbox keeps its webhooks in memory: after a restart, or before the start-up registration
  // has run, it has none, so register ours now rather than send the order nowhere.
  if (![...hub.webhooks.values()].some((w) => w.webhook_type === 'Order')) await registerWebhook();
  const { order, webhooks } = await hub.createOrder(
    kind === 'scheduled' ? { status: 'scheduled', scheduledInMinutes: 60 } : { status: 'new' },
  );
  const sent = webhooks[0];
  return {
    hub_order_id: order.order.id,
    webhook_status: sent?.httpStatus ?? null,
    webhook_error: sent
      ? sent.error
      : 'No webhook is registered with the sandbox yet: press Connect in Manager → KitchenHub.',
  };
}
