// The wire to KitchenHub: one typed openapi-fetch client per base URL (kept on globalThis: Next
// bundles this module more than once), a 10 s timeout, and the errors a call ends in.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './api/schema';

const TIMEOUT_MS = 10_000;

/**
 * Where KitchenHub's API is and our client credentials there: all a call needs. config.ts decides
 * which (the environment, the console, or the sandbox); it lives here, below config.ts and
 * tokens.ts, because both use it and config.ts imports tokens.ts (forgetting tokens on a change).
 */
export type HubApiConfig = {
  url: string;
  clientId: string;
  clientSecret: string;
  source: 'env' | 'console' | 'sandbox';
};

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

/**
 * A call that cannot succeed until a manager changes something at KitchenHub or in our settings:
 * wrong client secret, unknown company, blocked account, or credentials that are not the main
 * integration account. Never retried on its own; shown on the console in words.
 */
export class HubConfigError extends HubCallError {
  constructor(
    status: number,
    message: string,
    /** `credentials`: nothing can be sent until they are fixed; `not_main_account`: order status calls fail. */
    readonly kind: 'credentials' | 'not_main_account',
  ) {
    super(status, message);
  }
}

/**
 * fetch with a timeout; network failures become HubCallError(null). It takes openapi-fetch's Request
 * apart and sends URL, method, headers and body: a Request passed on whole (with AbortSignal.any over
 * its signal) lost the timeout on Node 20 — the combined signal could be garbage-collected mid-call,
 * and Next re-wraps Requests made from route handlers — so a hanging KitchenHub held calls for ever.
 */
async function timedFetch(input: Request): Promise<Response> {
  try {
    const body = input.method === 'GET' || input.method === 'HEAD' ? undefined : await input.text();
    return await fetch(input.url, {
      method: input.method,
      headers: input.headers,
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (err) {
    const reason =
      err instanceof Error && err.name === 'TimeoutError'
        ? `no answer in ${TIMEOUT_MS / 1000} s`
        : err instanceof Error
          ? err.cause instanceof Error
            ? err.cause.message
            : err.message
          : String(err);
    throw new HubCallError(null, `KitchenHub could not be reached (${reason}).`);
  }
}

const CLIENTS = Symbol.for('kds.kitchenhub.clients');
const clients = ((globalThis as unknown as { [CLIENTS]?: Map<string, Client<paths>> })[CLIENTS] ??= new Map());

/** The typed client for one base URL (no auth of its own: each call passes its header). */
export function hubClient(baseUrl: string): Client<paths> {
  let c = clients.get(baseUrl);
  if (!c) {
    c = createClient<paths>({ baseUrl, fetch: timedFetch, headers: { Accept: 'application/json' } });
    clients.set(baseUrl, c);
  }
  return c;
}

/** What KitchenHub said, from its JSON `message`/`error`/`detail` or its text. */
export function describeError(status: number, error: unknown): string {
  let detail = '';
  if (typeof error === 'string') detail = error.trim();
  else if (error && typeof error === 'object') {
    const e = error as { message?: unknown; error?: unknown; detail?: unknown };
    const d = e.message ?? e.detail ?? e.error;
    detail = typeof d === 'string' ? d : d === undefined ? '' : JSON.stringify(d);
  }
  return `KitchenHub answered ${status}${detail ? `: ${detail.slice(0, 200)}` : ''}`;
}

function retryAfter(res: Response): number | null {
  const v = res.headers.get('retry-after');
  if (!v) return null;
  const seconds = Number(v);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** Turns a non-2xx answer into a HubCallError (a HubConfigError for 403 "Not main account"). */
export function failure(res: Response, error: unknown, what: string): HubCallError {
  const message = `${what} ${describeError(res.status, error)}`;
  if (res.status === 403 && /not main account/i.test(message)) {
    return new HubConfigError(
      403,
      `${message}. Only KitchenHub's main integration account may change order status: use that account's client id and secret.`,
      'not_main_account',
    );
  }
  return new HubCallError(res.status, message, retryAfter(res));
}
