// Sends the calls we owe KitchenHub (accept, reject, cancel, complete: PUT /v2/orders/{id}/status/)
// from the persistent outbox: each due call is claimed with a lease, sent, and then marked sent; or
// retried later with exponential backoff (network failures, timeouts, 424 provider errors, 5xx, 429);
// or marked failed for a manager (other 4xx, 403 "Not main account", or too many attempts); or marked
// unsupported when the provider's capability flags say it cannot take the call. A 409 means
// KitchenHub's order has moved on: we re-read it and apply what it says through the webhook path,
// rather than retry. While KitchenHub refuses our credentials, nothing is sent.
import { getHubOrder } from '@/db/storage/kitchenhub';
import * as storage from '@/db/storage/outbox';
import { env } from '../env';
import { ApiError, invalidRequest, notFound } from '../errors';
import { CAPABILITY, providerCapabilities } from './capabilities';
import { HubCallError, HubConfigError, readHubOrder, setOrderStatus, type HubOrderStatusBody } from './client';
import { hubConfig } from './config';
import type { HubApiConfig } from './transport';
import { processDelivery } from './ingest';
import { kickOutbox, onOutboxKick } from './kick';
import { credentialsRefused, noteProblem } from './problems';
import type { OutboxCall } from './types';
import type { CallView } from './views';

const MAX_BACKOFF_MS = 15 * 60_000;
/** At most this many attempts per drain, so one drain never runs for ever. */
const DRAIN_LIMIT = 200;

/** Delay before attempt `attempts + 1`: base × 2^(attempts − 1), capped, ±20 % so instances spread out. */
export function backoffMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const exp = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (0.8 + 0.4 * random()));
}

/**
 * Failures worth trying again unchanged: the network, KitchenHub's own trouble (5xx), a provider
 * error (424: "retry later"), throttling, and a 401 that survived a fresh token.
 */
export const isRetryable = (status: number | null) =>
  status === null || status >= 500 || status === 424 || status === 408 || status === 429 || status === 401;

type Finish = Parameters<typeof storage.finishCall>[1];

function later(
  call: OutboxCall,
  status: number | null,
  error: string,
  now: number,
  retryAfterMs: number | null = null,
): Finish {
  const { KITCHENHUB_MAX_ATTEMPTS: max, KITCHENHUB_RETRY_BASE_MS: base } = env();
  if (call.attempts >= max)
    return { state: 'failed', lastStatus: status, lastError: `${error} Gave up after ${call.attempts} attempts.` };
  const delay = Math.max(backoffMs(call.attempts, base), retryAfterMs ?? 0);
  return { state: 'pending', lastStatus: status, lastError: error, nextAttemptAt: now + delay };
}

/** After a 409: what KitchenHub holds now goes through the webhook path (forward-only), and the call is settled. */
async function reread(call: OutboxCall, api: HubApiConfig, conflict: HubCallError, now: number): Promise<Finish> {
  let body: string;
  try {
    body = await readHubOrder(api, call.hubOrderId);
  } catch (err) {
    const e = err instanceof HubCallError ? err : new HubCallError(null, String(err));
    return later(call, e.status, `${conflict.message} ${e.message}`, now, e.retryAfterMs);
  }
  const applied = await processDelivery(
    { body, headers: { 'x-kds-source': `re-read after 409 on ${call.action}`, 'content-type': 'application/json' } },
    now,
    'reread',
  );
  const what = applied.error
    ? `the re-read order was refused (${applied.error.message})`
    : `re-read (${applied.outcome})`;
  return {
    state: 'conflict',
    lastStatus: 409,
    lastError: `${conflict.message} KitchenHub's order has moved on; ${what}.`,
  };
}

/** KitchenHub's body for a call: what was queued, or (calls queued before v2) built from the action. */
export function statusBody(call: Pick<OutboxCall, 'action' | 'payload'>): HubOrderStatusBody {
  if (call.action === 'accept') {
    const p = call.payload as { prep_time?: unknown; prep_time_minutes?: unknown };
    const minutes = Number(p.prep_time ?? p.prep_time_minutes);
    return { status: 'accept', prep_time: Number.isInteger(minutes) && minutes > 0 ? minutes : 15 };
  }
  return { status: call.action === 'complete' ? 'complete' : 'cancel' };
}

async function attempt(call: OutboxCall, now: number): Promise<Finish> {
  const { api } = await hubConfig();
  if (!api)
    return later(
      call,
      null,
      'The KitchenHub API is not configured: set its URL and client credentials in Manager → KitchenHub.',
      now,
    );
  try {
    // Do not send what the provider cannot take (its capability flags); say so on the call instead.
    const hub = await getHubOrder(call.hubOrderId);
    const caps = hub ? (await providerCapabilities(api, {}, now)).find((p) => p.id === hub.providerId) : undefined;
    if (caps && !caps[CAPABILITY[call.action]]) {
      return {
        state: 'unsupported',
        lastStatus: null,
        lastError: `${caps.name} does not support ${CAPABILITY[call.action]}_order through KitchenHub: nothing was sent. Do it on the ${caps.name} tablet if it is needed.`,
      };
    }
    const status = await setOrderStatus(api, call.hubOrderId, statusBody(call));
    return { state: 'sent', lastStatus: status, lastError: null, sentAt: now };
  } catch (err) {
    if (!(err instanceof HubCallError))
      return later(call, null, `Sending failed: ${err instanceof Error ? err.message : String(err)}`, now);
    if (err instanceof HubConfigError) {
      await noteProblem(err, now);
      // Wrong credentials: the call waits (nothing is sent while KitchenHub refuses them) and goes once they are fixed.
      if (err.kind === 'credentials')
        return { state: 'pending', lastStatus: err.status, lastError: err.message, nextAttemptAt: now };
      return { state: 'failed', lastStatus: err.status, lastError: err.message };
    }
    if (err.status === 409) return reread(call, api, err, now);
    if (err.status === 501)
      return {
        state: 'unsupported',
        lastStatus: 501,
        lastError: `${err.message} (the provider does not support this call).`,
      };
    if (isRetryable(err.status)) return later(call, err.status, err.message, now, err.retryAfterMs);
    return { state: 'failed', lastStatus: err.status, lastError: err.message };
  }
}

/** Sends every due call, oldest first; returns how many attempts were made. */
export async function drainOutbox(clock: () => number = Date.now): Promise<number> {
  let attempts = 0;
  if (await credentialsRefused()) return 0; // a manager must fix them first (the console says so)
  for (; attempts < DRAIN_LIMIT; attempts++) {
    const call = await storage.claimDueCall(clock(), env().KITCHENHUB_LEASE_MS);
    if (!call) break;
    let result: Finish;
    try {
      result = await attempt(call, clock());
    } catch (err) {
      // Our own failure (e.g. the re-read could not be stored): the lease runs out and it goes again.
      console.error(`outbox call ${call.id} failed`, err);
      continue;
    }
    await storage.finishCall(call.id, result, clock());
  }
  return attempts;
}

// One worker per process, on globalThis (see lib/jobs.ts): a drain runs at a time; a kick during a
// drain runs another after it; a timer wakes the worker when the next retry comes due.
const KEY = Symbol.for('kds.outbox.worker');
type Worker = { running: boolean; again: boolean; timer: ReturnType<typeof setTimeout> | null };
const holder = globalThis as unknown as { [KEY]?: Worker };

async function run(w: Worker): Promise<void> {
  if (w.running) {
    w.again = true;
    return;
  }
  w.running = true;
  try {
    do {
      w.again = false;
      await drainOutbox();
    } while (w.again);
    const due = await storage.nextDueAt();
    if (w.timer) clearTimeout(w.timer);
    w.timer = null;
    // While KitchenHub refuses our credentials the calls wait; the job tick looks again.
    if (due !== null && !(await credentialsRefused())) {
      w.timer = setTimeout(() => void run(w), Math.min(Math.max(50, due - Date.now()), env().JOB_INTERVAL_MS));
      w.timer.unref();
    }
  } catch (err) {
    console.error('outbox worker failed', err); // the next job tick or kick tries again
  } finally {
    w.running = false;
  }
}

/** Starts this process's worker (once) and lets queued calls wake it. */
export function startOutboxWorker(): () => Promise<void> {
  const w = (holder[KEY] ??= { running: false, again: false, timer: null });
  onOutboxKick(() => void run(w));
  return () => run(w);
}

/** One call as the console's calls list shows it. */
export function toCallView(c: storage.CallWithOrder): CallView {
  return {
    id: c.id,
    hub_order_id: c.hubOrderId,
    order_id: c.orderId,
    provider: c.providerName,
    number: c.number,
    customer_first_name: c.customerName?.trim().split(/\s+/)[0] ?? null,
    action: c.action,
    payload: c.payload,
    state: c.state,
    attempts: c.attempts,
    next_attempt_at: c.state === 'pending' ? c.nextAttemptAt : null,
    last_status: c.lastStatus,
    last_error: c.lastError,
    created_by: c.createdBy,
    created_at: c.createdAt,
    sent_at: c.sentAt,
  };
}

/** Calls for the manager: `open` for the ones not yet through (pending or failed). */
export async function listHubCalls(opts: { open?: boolean; hubOrderId?: string } = {}): Promise<CallView[]> {
  return (await storage.listCalls({ ...opts, limit: 200 })).map(toCallView);
}

/** "Retry now": a pending or failed call goes at once, with a fresh run of attempts. */
export async function retryHubCall(id: number, now = Date.now()): Promise<CallView> {
  const retried = await storage.retryCallNow(id, now);
  if (!retried) {
    const call = await storage.getCall(id);
    if (!call) throw notFound('call', String(id));
    throw new ApiError(
      'conflict',
      call.state === 'sent'
        ? 'This call already went through.'
        : 'KitchenHub answered this call with a conflict; its order was re-read instead.',
      { state: call.state },
    );
  }
  kickOutbox();
  const [view] = await storage.listCalls({ id });
  return toCallView(view!); // just updated, so it exists
}

/** A call id from a URL: a positive whole number, else 400. */
export function requireCallId(raw: string): number {
  const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id))
    throw invalidRequest(
      `${JSON.stringify(raw.slice(0, 40))} is not a call id: ids are positive whole numbers.`,
      'call_id',
    );
  return id;
}
