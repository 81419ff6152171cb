import { pingDb } from '@/db/client';
import { handle } from '@/lib/http';
import { orderFeed } from '@/lib/live/feed';

/** For load balancers: the store answers, and how fast; and how many live streams this process feeds (a leak shows here). */
export const GET = handle(async () => {
  const started = performance.now();
  try {
    await pingDb();
  } catch (err) {
    console.error('health: database unreachable', err);
    return Response.json({ error: 'unavailable', message: 'The database is not answering.' }, { status: 503 });
  }
  return Response.json({ status: 'ok', store: 'sqlite', store_latency_ms: Number((performance.now() - started).toFixed(2)), live_streams: orderFeed.subscriberCount() });
});
