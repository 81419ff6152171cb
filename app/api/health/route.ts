import { pingDb } from '@/db/client';
import { handle } from '@/lib/http';

/** For load balancers: the store answers, and how fast. */
export const GET = handle(async () => {
  const started = performance.now();
  try {
    await pingDb();
  } catch (err) {
    console.error('health: database unreachable', err);
    return Response.json({ error: 'unavailable', message: 'The database is not answering.' }, { status: 503 });
  }
  return Response.json({ status: 'ok', store: 'sqlite', store_latency_ms: Number((performance.now() - started).toFixed(2)) });
});
