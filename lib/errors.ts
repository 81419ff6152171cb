const HTTP_STATUS = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  out_of_stock: 409,
  order_not_editable: 409,
  order_not_cancelable: 409,
  conflict: 409,
  idempotency_conflict: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  store_paused: 503,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof HTTP_STATUS;

/** Every error code with the HTTP status it is sent with (the OpenAPI document and the docs list them all). */
export const ERROR_HTTP_STATUS: Readonly<Record<ErrorCode, number>> = HTTP_STATUS;
export const ERROR_CODES = Object.keys(HTTP_STATUS) as ErrorCode[];

/** An expected failure: bad input or a rule refusing. Rendered as the seed's {error, message, ...}. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export const invalidRequest = (message: string, field?: string, extra: Record<string, unknown> = {}) =>
  new ApiError('invalid_request', message, field ? { field, ...extra } : extra);
export const unauthorized = (message = 'Provide a valid API key in the X-API-Key header.') =>
  new ApiError('unauthorized', message);
export const forbidden = (message = 'Your role cannot do this.') => new ApiError('forbidden', message);
export const notFound = (what: string, id?: string) =>
  new ApiError('not_found', id ? `No ${what} with id ${id}.` : `No such ${what}.`);

/** SQLite's "storage cannot take this now" codes: disk full, file read-only, I/O failing, lock held too long. */
const SQLITE_TROUBLE = /^SQLITE_(FULL|READONLY|IOERR|BUSY|LOCKED|CANTOPEN)/;
/**
 * PostgreSQL's: SQLSTATE classes 08 (connection), 53 (insufficient resources: disk full, too many
 * connections), 57P (shut down, starting up), 25006 (read-only), and the socket failing under the pool.
 */
const PG_TROUBLE = /^(08\w{3}|53\w{3}|57P0[1-4]|25006|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND)$/;
/** The driver's messages for a lost or unreachable server, which carry no code. */
const PG_LOST =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated due to connection timeout/;

/**
 * The code of a storage failure (drizzle wraps the driver's error in `cause`), or null. A failed
 * fetch (a call to KitchenHub) is never storage trouble, whatever its socket error.
 */
export function storageTrouble(err: unknown): string | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof TypeError && e.message === 'fetch failed') return null;
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === 'string' && (SQLITE_TROUBLE.test(code) || PG_TROUBLE.test(code))) return code;
    if (PG_LOST.test(e.message)) return 'connection_lost';
  }
  return null;
}

/** The single writer of error bodies: every handler's failures pass through here. */
export function toResponse(err: unknown, headers: Record<string, string> = {}): Response {
  const trouble = storageTrouble(err);
  if (trouble) {
    // The disk, not the request: the client may retry the same request once it passes.
    console.error(`storage unavailable (${trouble}): ${err instanceof Error ? err.message : String(err)}`);
    err = new ApiError(
      'service_unavailable',
      'Our storage is unavailable right now; nothing was changed. Please try again shortly.',
      {},
      { 'Retry-After': '5' },
    );
  }
  if (err instanceof ApiError) {
    return Response.json(
      { error: err.code, message: err.message, ...err.extra },
      { status: err.status, headers: { ...headers, ...err.headers } },
    );
  }
  console.error(err); // a bug, never bad input: log it whole, show the client nothing internal
  return Response.json(
    { error: 'internal_error', message: 'Something went wrong on our side.' },
    { status: 500, headers },
  );
}
