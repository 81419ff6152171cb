// Issue #25, item 2, attacked over real HTTP: the sandbox KitchenHub (on here: demo data) refuses
// anonymous callers and big bodies before reading or keeping anything, admits a signed-in manager
// and KitchenHub's own token flow with this install's generated credentials (how this server calls
// it), and keeps a bounded number of records.
import { beforeAll, describe, expect, test } from 'vitest';
import { readSettings } from '@/db/storage/settings';
import { SANDBOX_MAX_RECORDS } from '@/sandbox/kitchenhub/sandbox';

const SANDBOX_MAX_BODY_BYTES = 64 * 1024; // MAX_BODY_BYTES's default: the sandbox reads through the one body reader
import { signInStaff, type StaffClient } from '@/test/api';
import { startServer, type TestServer } from '@/test/server';

const SANDBOX = '/api/kitchenhub/sandbox';
const json = { 'Content-Type': 'application/json' };
let server: TestServer;
let manager: StaffClient;
let client: { clientId: string; clientSecret: string };
beforeAll(async () => {
  server = await startServer({ KITCHENHUB_POLL_SECONDS: '0', JOB_INTERVAL_MS: '200' });
  manager = await signInStaff(server.url, 'manager');
  // The app's own calls go to the sandbox with the generated credentials (Connect fetches a token).
  expect((await manager.send('POST', '/api/kitchenhub/connect', {})).status).toBe(200);
  client = (await readSettings(['kitchenhub_sandbox_client'])).kitchenhub_sandbox_client as typeof client;
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${SANDBOX}${path}`, { method: 'POST', headers: { ...json, ...headers }, body });
const tokenFor = async (c: { clientId: string; clientSecret: string }) =>
  post('/v2/auth/token/', JSON.stringify({ client_id: c.clientId, client_secret: c.clientSecret }));

describe('the sandbox KitchenHub', () => {
  test('refuses anonymous callers with 401 in our error shape: no token, the old fixed demo credentials, a made-up bearer', async () => {
    const attempts = [
      fetch(`${server.url}${SANDBOX}/v2/providers/`),
      fetch(`${server.url}${SANDBOX}/v2/orders/`, { headers: { Authorization: 'Bearer made-up' } }),
      post('/v2/auth/token/', JSON.stringify({ client_id: 'pbj-demo', client_secret: 'pbj-demo-secret' })),
      post('/v2/auth/token/', JSON.stringify({ client_id: client.clientId, client_secret: 'wrong' })),
      post('/v2/auth/token/refresh/', JSON.stringify({ refresh_token: 'made-up' })),
      post('/v2/mock/order/', JSON.stringify({ store_id: 's', provider_id: 'grubhub', order_type: 'pickup' })),
      fetch(`${server.url}${SANDBOX}/v2/webhooks/`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ url: 'https://evil.example/hook', version: 2, webhook_type: 'Order' }),
      }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status, res.url).toBe(401);
      expect(await res.json()).toEqual({ error: 'unauthorized', message: expect.stringContaining('sandbox') });
    }
  });

  test('its credentials are generated per install, and its token flow works with them (as our server uses it)', async () => {
    expect(client.clientId).toMatch(/^sandbox-[a-z2-7]{12}$/);
    expect(client.clientSecret.length).toBeGreaterThanOrEqual(32);
    const granted = await tokenFor(client);
    expect(granted.status).toBe(200);
    const { access_token, refresh_token } = (await granted.json()) as { access_token: string; refresh_token: string };
    expect(
      (await fetch(`${server.url}${SANDBOX}/v2/providers/`, { headers: { Authorization: `Bearer ${access_token}` } }))
        .status,
    ).toBe(200);
    expect((await post('/v2/auth/token/refresh/', JSON.stringify({ refresh_token }))).status).toBe(200);
    const settings = await manager.json('GET', '/api/kitchenhub/settings');
    expect(settings).toMatchObject({
      sandbox: true,
      calls_go_to: { source: 'sandbox' },
      registration: { state: 'registered' },
    });
  });

  test('admits a signed-in manager (KitchenHub then answers as itself) but not one sent from another site', async () => {
    const res = await manager.send('POST', `${SANDBOX}/v2/auth/token/`, { client_id: 'nobody', client_secret: 'x' });
    expect(res.status).toBe(404); // KitchenHub's "Company not found"
    const crossSite = await fetch(`${server.url}${SANDBOX}/v2/auth/token/`, {
      method: 'POST',
      headers: { ...json, Cookie: manager.cookie, Origin: 'https://evil.example' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
  });

  test(`refuses a body over ${SANDBOX_MAX_BODY_BYTES / 1024} KiB with 413, from anyone, whatever Content-Length says`, async () => {
    const big = JSON.stringify({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      pad: 'x'.repeat(SANDBOX_MAX_BODY_BYTES),
    });
    for (const res of [
      await post('/v2/auth/token/', big),
      await manager.send('POST', `${SANDBOX}/v2/mock/order/`, { pad: 'x'.repeat(SANDBOX_MAX_BODY_BYTES) }),
    ]) {
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: 'payload_too_large' });
    }
    // Streamed without a Content-Length: counted as it arrives.
    const chunks = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode('x'.repeat(8 * 1024)));
        c.close();
      },
    });
    const streamed = await fetch(`${server.url}${SANDBOX}/v2/auth/token/`, {
      method: 'POST',
      headers: json,
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  test(`keeps at most ${SANDBOX_MAX_RECORDS} orders, dropping the oldest`, async () => {
    const { access_token } = (await (await tokenFor(client)).json()) as { access_token: string };
    const auth = { Authorization: `Bearer ${access_token}` };
    // Our webhook off first: this is about the sandbox's memory, not our ingestion of 230 orders.
    const hooks = (await (await fetch(`${server.url}${SANDBOX}/v2/webhooks/`, { headers: auth })).json()) as Array<{
      id: string;
    }>;
    for (const h of hooks)
      expect(
        (await fetch(`${server.url}${SANDBOX}/v2/webhooks/${h.id}/`, { method: 'DELETE', headers: auth })).status,
      ).toBe(204);
    const body = JSON.stringify({ store_id: 'store-1', provider_id: 'grubhub', order_type: 'pickup' });
    const ids: string[] = [];
    for (let i = 0; i < SANDBOX_MAX_RECORDS + 30; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, () => post('/v2/mock/order/', body, auth)));
      for (const res of batch) {
        expect(res.status).toBe(201);
        ids.push(/"id":\s*(\d+)/.exec(await res.text())?.[1] ?? '');
      }
    }
    let kept = 0;
    for (let page = 1; ; page++) {
      const text = await (await fetch(`${server.url}${SANDBOX}/v2/orders/?page=${page}`, { headers: auth })).text();
      const n = (text.match(/"order":/g) ?? []).length;
      if (n === 0) break;
      kept += n;
    }
    expect(kept).toBeLessThanOrEqual(SANDBOX_MAX_RECORDS);
    expect(kept).toBeGreaterThan(SANDBOX_MAX_RECORDS - 10);
    const listed = await (await fetch(`${server.url}${SANDBOX}/v2/orders/?page=1`, { headers: auth })).text();
    expect(listed).toContain(ids[ids.length - 1]); // the newest are kept
  }, 60_000);
});
