import { pingStorage, walCheckpoints } from '@/db/storage/lifecycle';
import { storageKind } from '@/db/storage/pick';
import { ApiError } from '@/lib/errors';
import { handle, notAllowed } from '@/lib/http';
import { orderFeed } from '@/lib/live/feed';

/**
 * For load balancers: which store, that it answers and how fast; how many live streams this process
 * feeds (a leak shows here); on SQLite, what the WAL checkpointer has done (failures show here).
 */
export const GET = handle(async () => {
  const started = performance.now();
  const store = storageKind();
  try {
    await pingStorage();
  } catch (err) {
    console.error(`health: the ${store} store is unreachable`, err);
    throw new ApiError(
      'service_unavailable',
      'The database is not answering; this instance cannot serve requests right now.',
      { store },
      { 'Retry-After': '5' },
    );
  }
  const wal = walCheckpoints();
  return Response.json({
    status: 'ok',
    store,
    store_latency_ms: Number((performance.now() - started).toFixed(2)),
    live_streams: orderFeed.subscriberCount(),
    ...(wal ? { wal_checkpoints: { runs: wal.runs, pages_copied: wal.pagesCopied, failures: wal.failures } } : {}),
  });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
