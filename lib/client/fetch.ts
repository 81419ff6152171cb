// The one fetch wrapper for pages: JSON in, typed JSON or the API's error shape out. Never throws for
// an HTTP error: callers decide what a 409 means to a cook.
import * as z from 'zod/mini';

// Pages parse with zod/mini (the same schemas' functional form, which tree-shakes: classic zod added
// 14–15 KB gzip to every page). In the browser, zod must not probe for `new Function` (its compiled
// parsers): the CSP forbids eval (next.config.mjs), and Chromium reports even the caught probe as a
// violation. Every page that parses JSON imports this module; the interpreted parser costs nothing
// noticeable on these small bodies.
if (typeof window !== 'undefined') z.config({ jitless: true });

export const apiErrorSchema = z.looseObject({ error: z.string(), message: z.string() });
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
export type Result<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiErrorBody };

const OFFLINE: ApiErrorBody = {
  error: 'network',
  message: 'No connection to the kitchen server. Check the network and try again.',
};

async function toResult<T>(res: Response, schema?: z.ZodMiniType<T>): Promise<Result<T>> {
  const body: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    return {
      ok: false,
      status: res.status,
      error: parsed.success ? parsed.data : { error: 'http_error', message: `The server answered ${res.status}.` },
    };
  }
  if (!schema) return { ok: true, status: res.status, data: body as T }; // caller declared T for a body it trusts (our own API)
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    return {
      ok: false,
      status: res.status,
      error: { error: 'bad_response', message: 'The server sent something unexpected.' },
    };
  return { ok: true, status: res.status, data: parsed.data };
}

export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
  schema?: z.ZodMiniType<T>,
): Promise<Result<T>> {
  try {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    return await toResult(res, schema);
  } catch {
    return { ok: false, status: 0, error: OFFLINE };
  }
}

/** GET for TanStack Query's queryFn: throws so the query shows its error state. */
export async function getJson<T>(url: string, schema: z.ZodMiniType<T>, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const result = await toResult(res, schema);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { status: result.status, body: result.error });
  return result.data;
}
