// The one handler wrapper: every route handler's errors become the seed's {error, message, ...} shape,
// and headers set during the request (rate limits) reach the response, error or not.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { ApiError, invalidRequest, toResponse } from './errors';
import { env } from './env';

const bags = new WeakMap<Request, Headers>();

/** Headers that `handle()` adds to this request's response, whatever it turns out to be. */
export function responseHeaders(req: Request): Headers {
  let bag = bags.get(req);
  if (!bag) bags.set(req, (bag = new Headers()));
  return bag;
}

/** What a route may set in `handle()`: a larger body cap than MAX_BODY_BYTES, only where it needs one. */
export type RouteOptions = { maxBodyBytes?: number };

export function handle<Ctx>(
  fn: (req: Request, ctx: Ctx) => Promise<Response>,
  opts: RouteOptions = {},
): (req: Request, ctx: Ctx) => Promise<Response> {
  return wrap(fn, {}, opts);
}

// The public API is called from ordering apps' browsers too: keys, not cookies, authenticate it, so
// any origin may call it.
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Idempotent-Replayed, Location',
};

/** `handle()` for the public /v1 API: adds CORS headers to every answer. */
export function handleApi<Ctx>(
  fn: (req: Request, ctx: Ctx) => Promise<Response>,
  opts: RouteOptions = {},
): (req: Request, ctx: Ctx) => Promise<Response> {
  return wrap(fn, CORS, opts);
}

/** The CORS preflight answer for /v1 routes. */
export function preflight(methods: string): () => Response {
  return () =>
    new Response(null, {
      status: 204,
      headers: {
        ...CORS,
        'Access-Control-Allow-Methods': `${methods}, OPTIONS`,
        'Access-Control-Allow-Headers': 'Content-Type, X-API-Key, Idempotency-Key, If-None-Match',
        'Access-Control-Max-Age': '86400',
      },
    });
}

function wrap<Ctx>(
  fn: (req: Request, ctx: Ctx) => Promise<Response>,
  always: Record<string, string>,
  opts: RouteOptions = {},
): (req: Request, ctx: Ctx) => Promise<Response> {
  return async (req, ctx) => {
    let res: Response;
    try {
      if (opts.maxBodyBytes !== undefined) caps.set(req, opts.maxBodyBytes);
      refuseDeclaredOversize(req);
      res = await fn(req, ctx);
    } catch (err) {
      res = toResponse(err);
    }
    const bag = bags.get(req);
    bag?.forEach((value, key) => {
      if (!res.headers.has(key)) res.headers.set(key, value);
    });
    for (const [key, value] of Object.entries(always)) res.headers.set(key, value);
    return res;
  };
}

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
type Handler = (req: Request) => Promise<Response>;

const refusals = new WeakSet<object>();
/** Whether a route's exported handler only refuses its method (a notAllowed() one), not an endpoint of its own. */
export const isRefusal = (handler: unknown): boolean => typeof handler === 'function' && refusals.has(handler);

function refusing(allowed: readonly HttpMethod[], always: Record<string, string>): Record<HttpMethod, Handler> {
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  const handler = wrap(async (req: Request) => {
    throw new ApiError(
      'method_not_allowed',
      `${req.method} is not allowed here. This URL takes ${allowed.join(', ')}.`,
      { allowed },
      { Allow: allow },
    );
  }, always);
  refusals.add(handler);
  return Object.fromEntries(HTTP_METHODS.map((m) => [m, handler])) as Record<HttpMethod, Handler>;
}

/**
 * Handlers for the methods a route does not serve: 405 in our error shape with an `Allow` header
 * (Next's own 405 has neither). Each route exports the ones it lacks, naming what it takes:
 * `export const { PUT, PATCH, DELETE } = notAllowed('GET', 'POST');`
 */
export const notAllowed = (...allowed: HttpMethod[]) => refusing(allowed, {});
/** notAllowed() for the public /v1 API: its CORS headers too. */
export const notAllowedApi = (...allowed: HttpMethod[]) => refusing(allowed, CORS);

/** Turns a zod failure into 400 invalid_request naming the first offending field. */
export function invalidFrom(error: z.ZodError, where = 'body'): ApiError {
  // A misspelt field ("jely") explains the other errors, so it is named first.
  const issue = error.issues.find((i) => i.code === 'unrecognized_keys') ?? error.issues[0];
  if (!issue) return invalidRequest(`The request ${where} is invalid.`);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return invalidRequest(`${key} is not a field this endpoint accepts.`, key);
  }
  const field = issue.path.map(String).join('.');
  if (!field) return invalidRequest(`The request ${where} is invalid: ${issue.message}`);
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return invalidRequest(`${field} is required.`, field);
  }
  return invalidRequest(`${field}: ${issue.message}`, field);
}

/** Per route: the largest body it takes, when larger than MAX_BODY_BYTES (`handle(fn, { maxBodyBytes })`). */
const caps = new WeakMap<Request, number>();

/** The body cap that applies to this request: its route's, else MAX_BODY_BYTES. */
export const bodyLimit = (req: Request): number => caps.get(req) ?? env().MAX_BODY_BYTES;

const tooLarge = (limit: number) =>
  // The rest of the body is still on the wire: tell the client not to reuse this connection, or its
  // next request on it meets a reset (undici's keep-alive pool did, in CI).
  new ApiError('payload_too_large', `The request body must be at most ${limit} bytes.`, {}, { Connection: 'close' });

/**
 * A declared Content-Length over the route's cap is refused before anything else runs (no byte of it
 * is read, no session or key is looked up): `handle()` calls this for every request.
 */
function refuseDeclaredOversize(req: Request): void {
  const limit = bodyLimit(req);
  const declared = Number(req.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
}

/**
 * The one body reader (every route that reads a body comes through here): the raw bytes, streamed and
 * counted as they arrive, 413 payload_too_large at the first byte past the route's cap whatever
 * Content-Length claimed, so no body larger than the cap is ever held in memory.
 */
export async function readBody(req: Request): Promise<Buffer<ArrayBuffer>> {
  const limit = bodyLimit(req);
  refuseDeclaredOversize(req);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      throw invalidRequest('The request body ended before it was complete.'); // the client went away mid-body
    }
    if (next.done) break;
    size += next.value.byteLength;
    if (size > limit) {
      await discardRest(reader);
      throw tooLarge(limit);
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks, size);
}

/** After a refusal, what of the rest of a body is read and thrown away, at most: see discardRest(). */
const DISCARD_BYTES = 1024 * 1024;
const DISCARD_MS = 1_000;

/**
 * Reads and throws away the rest of a refused body, up to DISCARD_BYTES or DISCARD_MS, before the 413
 * goes out: closing a connection with unread bytes in it makes TCP send a reset, which can destroy
 * the 413 on its way to a client still sending (lingering close, as nginx does it). Nothing is kept;
 * a longer or stalled body is cut off after the bound.
 */
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let discarded = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeUp = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), DISCARD_MS)));
  try {
    while (discarded <= DISCARD_BYTES) {
      const next = await Promise.race([reader.read(), timeUp]);
      if (next === null) break; // the time is up: cut it off
      if (next.done) return; // all of it read: the connection closes cleanly
      discarded += next.value.byteLength;
    }
  } catch {
    return; // the client went away
  } finally {
    clearTimeout(timer);
  }
  await reader.cancel().catch(() => undefined);
}

/** How deep JSON bodies may nest (objects and arrays), unless a reader says otherwise: none of ours needs 5. */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether JSON text nests objects and arrays deeper than `max`, found by counting brackets outside
 * strings (no recursion, no parse): checked before JSON.parse, so nothing recursive downstream (zod,
 * JSON.stringify, a database driver) ever meets a body that could exhaust its stack.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A JSON body's text: 400 invalid_request unless it is UTF-8 (RFC 8259 §8.1) or when it nests deeper
 * than `maxDepth` (text already decoded is only checked for depth). The caller parses it (JSON.parse, or KitchenHub's parser that keeps big ids exact).
 */
export function jsonText(body: Uint8Array | string, maxDepth = MAX_JSON_DEPTH, what = 'request body'): string {
  let text: string;
  try {
    text = typeof body === 'string' ? body : utf8.decode(body);
  } catch {
    throw invalidRequest(`The ${what} is not valid UTF-8.`);
  }
  if (nestsDeeperThan(text, maxDepth))
    throw invalidRequest(`The ${what} nests objects or arrays more than ${maxDepth} levels deep.`);
  return text;
}

/** Whether a parsed JSON value is an object (not null, an array, a number, a string or a boolean). */
export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a JSON object body: 415 unless JSON, 413 past the route's cap, 400 for bytes that are not
 * UTF-8, bad JSON, nesting past MAX_JSON_DEPTH, anything but an object at the top, or a schema miss.
 */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type.trim())) {
    throw new ApiError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
  }
  const text = jsonText(await readBody(req));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw invalidRequest('The request body is not valid JSON.');
  }
  // Every body this API takes is an object: `null`, `[]` or `"x"` is a broken request, not an empty one.
  if (!isJsonObject(data)) throw invalidRequest('The request body must be a JSON object.');
  // A NUL character in a text is never meant (and PostgreSQL text cannot hold one): refuse it by name.
  if (text.includes('\\u0000') && containsNul(data))
    throw invalidRequest('Text fields must not contain the NUL character (\\u0000).');
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw invalidFrom(parsed.error);
  return parsed.data;
}

/** Whether any string (key or value) in a parsed JSON value holds U+0000. */
function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v));
  return false;
}

/** Parses the query string; repeated or unknown parameters are 400s. */
export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const params = [...new URL(req.url).searchParams];
  const seen = new Set<string>();
  for (const [k] of params) {
    if (seen.has(k)) throw invalidRequest(`${k} is given more than once.`, k);
    seen.add(k);
  }
  // fromEntries makes own properties only: `toString` or `__proto__` are unknown parameters, not inherited ones.
  const parsed = schema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw invalidFrom(parsed.error, 'query');
  return parsed.data;
}

/**
 * The origin the client reached us at, for links in responses (tracking_url, the API docs): the Host
 * header (Next's req.url names its own listening address instead), or a trusted proxy's
 * X-Forwarded-Host/-Proto.
 */
export function originOf(req: Pick<Request, 'headers' | 'url'>): string {
  const trusted = env().TRUST_PROXY;
  const host = (trusted && req.headers.get('x-forwarded-host')) || req.headers.get('host');
  const proto = (trusted && req.headers.get('x-forwarded-proto')) || new URL(req.url).protocol.replace(':', '');
  return host ? `${proto}://${host}` : new URL(req.url).origin;
}

/** A weak ETag of a JSON body: it changes whenever anything the client would see changes. */
export const etagOf = (json: string): string => `W/"${createHash('sha1').update(json).digest('base64url')}"`;

/** If-None-Match uses weak comparison (RFC 9110 13.1.2): `"x"` and `W/"x"` match; `*` matches anything. */
function ifNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(etag));
}

/**
 * A JSON response with an ETag, or 304 when the client already has this representation. `etagBasis`
 * (default: the body) is what the ETag covers, for bodies carrying a clock that must not defeat a 304.
 */
export function jsonWithEtag(req: Request, body: unknown, init: ResponseInit = {}, etagBasis?: unknown): Response {
  const json = JSON.stringify(body);
  const etag = etagOf(etagBasis === undefined ? json : JSON.stringify(etagBasis));
  const headers = new Headers(init.headers);
  headers.set('ETag', etag);
  headers.set('Cache-Control', 'private, no-cache');
  if (ifNoneMatch(req.headers.get('if-none-match'), etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set('Content-Type', 'application/json');
  return new Response(json, { ...init, headers });
}
