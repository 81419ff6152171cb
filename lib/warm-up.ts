// The first real order must not pay for loading the API's route modules (about 200 ms on a cold
// `next start`, against ~15 ms for every order after it). Right after start this process calls its own
// public API once per route with a well-formed but unknown key: each call loads its route, runs the key
// lookup and answers 401 before anything is written or counted. Best effort: a failure is only logged.
import { env } from './env';

const WARM = [
  { method: 'POST', path: '/v1/orders' },
  { method: 'GET', path: '/v1/orders/ord_warmupwarmupwarmup' },
] as const;

/** Loads the hot API routes once, without side effects (start-up only; never awaited by it). */
export async function warmRoutes(): Promise<void> {
  // instrumentation runs after the server listens and before it serves: these requests wait their turn.
  const base = `http://127.0.0.1:${env().PORT}`;
  for (const { method, path } of WARM) {
    try {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { 'x-api-key': 'pbj_test_warmup', 'content-type': 'application/json' },
        ...(method === 'POST' ? { body: '{}' } : {}),
        signal: AbortSignal.timeout(30_000),
      });
      await res.arrayBuffer();
    } catch (err) {
      console.warn(`warm-up of ${method} ${path} failed (the first real request will load it)`, err instanceof Error ? err.message : err);
      return;
    }
  }
}
