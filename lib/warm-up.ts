// The first real order must not pay for loading the API's route modules (about 200 ms on a cold
// `next start`, against ~15 ms for every order after it). Right after start this process calls its own
// public API once per route with a well-formed but unknown key: each call loads its route, runs the key
// lookup and answers 401 before anything is written or counted. Before that it prepares the store's
// hot statements and reads the open queue (warmStorage): those live on the connection, shared by every
// module copy. Then two requests run Next's own first-time paths that a 401 does not reach (each
// ~3–5 ms on its first use, measured with --cpu-prof): reading a JSON request body (the bench's empty
// handler) and gzipping a response (the OpenAPI document). Best effort: a failure is only logged.
import { warmStorage } from '@/db/storage/lifecycle';
import { env } from './env';

const WARM: ReadonlyArray<{ method: 'GET' | 'POST'; path: string }> = [
  { method: 'POST', path: '/v1/orders' },
  { method: 'GET', path: '/v1/orders/ord_warmupwarmupwarmup' },
  { method: 'POST', path: '/api/bench/empty' },
  { method: 'GET', path: '/v1/openapi.json' },
];

/** Loads the hot API routes once, without side effects (start-up only; never awaited by it). */
export async function warmRoutes(): Promise<void> {
  try {
    await warmStorage();
  } catch (err) {
    console.warn(
      'warm-up of the store failed (the first real request will prepare it)',
      err instanceof Error ? err.message : err,
    );
  }
  // instrumentation runs after the server listens and before it serves: these requests wait their turn.
  const base = `http://127.0.0.1:${env().PORT}`;
  for (const { method, path } of WARM) {
    try {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { 'x-api-key': 'pbj_test_warmup', 'content-type': 'application/json', 'accept-encoding': 'gzip' },
        ...(method === 'POST' ? { body: '{"warm_up":true}' } : {}),
        signal: AbortSignal.timeout(30_000),
      });
      await res.arrayBuffer();
    } catch (err) {
      console.warn(
        `warm-up of ${method} ${path} failed (the first real request will load it)`,
        err instanceof Error ? err.message : err,
      );
      return;
    }
  }
}
