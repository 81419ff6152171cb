// An instance that loses its PostgreSQL database answers 503 in the error shape (health included,
// for the load balancer) and recovers by itself when the database is back: no restart, no crash.
import { afterAll, describe, expect, test } from 'vitest';
import { DEMO_API_KEY } from '@/lib/seed';
import { SEED_EXAMPLE_ORDER } from '@/test/api';
import { eventually } from '@/test/eventually';
import { startTcpProxy, type TcpProxy } from '@/test/tcp-proxy';
import { startServer, type TestServer } from '@/test/server';

const url = process.env.DATABASE_URL;

describe.runIf(url)('losing the PostgreSQL database', () => {
  let proxy: TcpProxy;
  let server: TestServer;
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
  });

  const post = () =>
    fetch(`${server.url}/v1/orders`, {
      method: 'POST',
      headers: { 'X-API-Key': DEMO_API_KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify(SEED_EXAMPLE_ORDER),
    });

  test('answers 503 service_unavailable while it is gone, then recovers by itself', async () => {
    const target = new URL(url!);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(url!);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    server = await startServer({}, { database: { url: viaProxy.toString() } });
    expect((await post()).status).toBe(201);
    const healthy = await (await fetch(`${server.url}/api/health`)).json();
    expect(healthy).toMatchObject({ status: 'ok', store: 'postgres', store_latency_ms: expect.any(Number) });

    await proxy.cut();
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      error: 'service_unavailable',
      message: expect.any(String),
      store: 'postgres',
    });
    const refused = await post();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toMatchObject({
      error: 'service_unavailable',
      message: expect.stringContaining('nothing was changed'),
    });
    const read = await fetch(`${server.url}/v1/orders`, { headers: { 'X-API-Key': DEMO_API_KEY } });
    expect(read.status).toBe(503);

    await proxy.restore();
    await eventually(
      async () => (await fetch(`${server.url}/api/health`)).status,
      (s) => s === 200,
      'health to recover',
    );
    expect((await post()).status).toBe(201);
    expect(server.alive()).toBe(true);
  }, 60_000);
});

test.skipIf(url)('the lost-database test runs in the PostgreSQL pass', () => {
  expect(url).toBeUndefined();
});
