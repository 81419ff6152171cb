// GET /api/health against the production server: what a load balancer and an operator read.
import { beforeAll, describe, expect, test } from 'vitest';
import { newApiClient, SEED_EXAMPLE_ORDER } from '@/test/api';
import { eventually } from '@/test/eventually';
import { startServer, type TestServer } from '@/test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ KITCHENHUB_SANDBOX: 'false' });
});

type Health = {
  status: string;
  store: string;
  store_latency_ms: number;
  live_streams: number;
  wal_checkpoints?: { runs: number; pages_copied: number; failures: number };
};
const health = async (): Promise<Health> => {
  const res = await fetch(`${server.url}/api/health`);
  expect(res.status).toBe(200);
  return (await res.json()) as Health;
};

describe('GET /api/health', () => {
  test('names the store, how fast it answered and the live streams this process feeds', async () => {
    const h = await health();
    expect(h).toMatchObject({ status: 'ok', store: process.env.DATABASE_URL ? 'postgres' : 'sqlite', live_streams: 0 });
    expect(h.store_latency_ms).toBeGreaterThanOrEqual(0);
  });

  test.runIf(!process.env.DATABASE_URL)(
    'on SQLite, the WAL checkpointer runs in the production server and copies what orders wrote',
    async () => {
      const api = await newApiClient(server.url);
      for (let i = 0; i < 5; i++) await api.createOrder({ ...SEED_EXAMPLE_ORDER, customer_id: `health_${i}` });
      const h = await eventually(
        health,
        (v) => (v.wal_checkpoints?.pages_copied ?? 0) > 0,
        'the checkpointer to copy pages',
      );
      expect(h.wal_checkpoints).toMatchObject({ failures: 0 });
      expect(h.wal_checkpoints?.runs).toBeGreaterThan(0);
    },
  );

  test.runIf(!!process.env.DATABASE_URL)('on PostgreSQL there is no WAL checkpointer of ours', async () => {
    expect((await health()).wal_checkpoints).toBeUndefined();
  });
});
