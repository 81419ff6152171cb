// The KitchenHub connection a manager sets up in the console, over real HTTP against the
// spec-validating fake KitchenHub: configuration errors shown in words (never retried for ever),
// our webhook registered once (POST /v2/webhooks/) and reused across Connects and restarts, its
// secret header authenticating every delivery, rotation with an overlap, auto-accept, pausing the
// delivery apps with the store; then the environment's precedence and the demo's sandbox.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { RunningFake } from '@/scripts/fake-kitchenhub';
import { signInStaff, type StaffClient } from '@/test/api';
import { HUB_SECRET, hubOrder, postWebhook, startFakeHub, WEBHOOK_HEADER } from '@/test/kitchenhub';
import { eventually, letTimePass } from '@/test/eventually';
import { startServer, type TestServer } from '@/test/server';

type Settings = {
  webhook_url: string;
  public_url: { value: string | null; source: string | null };
  api_url: { value: string | null; source: string | null };
  client_id: { value: string | null; source: string | null };
  client_secret: { set: boolean; source: string | null; hint: string | null };
  calls_go_to: { url: string; source: string } | null;
  sandbox: boolean;
  auto_accept: boolean;
  registration: {
    state: string;
    webhook_id: string | null;
    url: string | null;
    secret_hint: string | null;
    previous_secret_accepted_until: number | null;
    error: string | null;
  };
  problem: { kind: string; status: number | null; message: string } | null;
};

let nextId = 8_100_000_000_000_000;
const newId = () => String(++nextId);

describe('KitchenHub set up in the console (nothing in the environment)', () => {
  let server: TestServer;
  let manager: StaffClient;
  let fake: RunningFake;
  const settings = async (): Promise<Settings> => manager.json('GET', '/api/kitchenhub/settings');
  const put = (body: unknown) => manager.send('PUT', '/api/kitchenhub/settings', body);
  const connect = (body: unknown = {}) => manager.json('POST', '/api/kitchenhub/connect', body);
  const signedIn = async (started: TestServer) => {
    server = started;
    manager = await signInStaff(server.url, 'manager');
  };
  const ours = () => [...fake.hub.webhooks.values()].filter((w) => w.url === `${server.url}/api/kitchenhub/webhook`);
  /** The secret KitchenHub holds for our webhook: what it sends with every delivery. */
  const registeredSecret = () => String(ours()[0]?.authorization_headers?.[WEBHOOK_HEADER]);
  const webhookCreates = () => fake.hub.calls.filter((c) => c.operation === 'POST /v2/webhooks/').length;

  beforeAll(async () => {
    fake = await startFakeHub({ clientId: 'console-client', clientSecret: 'console-secret' });
    await signedIn(
      await startServer({
        KITCHENHUB_SANDBOX: 'false',
        KITCHENHUB_RETRY_BASE_MS: '100',
        JOB_INTERVAL_MS: '200',
        KITCHENHUB_POLL_SECONDS: '0',
      }),
    );
  });
  afterAll(() => server.stop()); // before the next describe's server starts on the same database
  afterEach(() => {
    expect(fake.hub.violations).toEqual([]);
  });

  test('with no webhook registered every delivery is refused, and the console says so', async () => {
    const s = await settings();
    expect(s).toMatchObject({
      registration: { state: 'unregistered', webhook_id: null },
      calls_go_to: null,
      sandbox: false,
      auto_accept: false,
      problem: null,
    });
    expect(s.webhook_url).toBe(`${server.url}/api/kitchenhub/webhook`);
    const res = await postWebhook(server.url, hubOrder(newId(), 'new'), { header: HUB_SECRET });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      error: 'unauthorized',
      message: expect.stringMatching(/No KitchenHub webhook is registered/),
    });
  });

  test('bad values are 400 in the error shape and change nothing', async () => {
    const before = await settings();
    for (const body of [
      { public_url: 'ftp://example.com' },
      { api_url: 'ftp://example.com' },
      { api_url: 'not a url' },
      { auto_accept_prep_minutes: 0 },
      { auto_accept_prep_minutes: 241 },
      { auto_accept: 'yes' },
      { webhook_secret: 'x'.repeat(20) },
      { surprise: 1 },
      [],
    ]) {
      const res = await put(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request', message: expect.any(String) });
    }
    expect(await settings()).toEqual(before);
    const kitchen = await signInStaff(server.url, 'kitchen');
    expect((await kitchen.send('PUT', '/api/kitchenhub/settings', { auto_accept: true })).status).toBe(403);
    expect((await kitchen.send('POST', '/api/kitchenhub/connect', {})).status).toBe(403);
  });

  test('a wrong client secret is a configuration error in words, not retried on its own; fixed, Connect registers our webhook', async () => {
    expect(await connect()).toMatchObject({ ok: false, error: expect.stringContaining('Set the API URL') });
    expect(
      (
        await put({
          api_url: `${fake.url}/`,
          client_id: 'console-client',
          client_secret: 'wrong-secret',
          public_url: server.url,
        })
      ).status,
    ).toBe(200);
    const bad = await connect();
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/400.*client secret/i) });
    expect((await settings()).problem).toMatchObject({
      kind: 'credentials',
      status: 400,
      message: expect.stringContaining('Invalid client secret key'),
    });
    const tokenCalls = () => fake.hub.calls.filter((c) => c.path === '/v2/auth/token/').length;
    // Nothing the server shows counts its job ticks (JOB_INTERVAL_MS=200), so this waits on the clock: past
    // a tick that began before the refusal, then five more ticks that must not try the refused credentials.
    await letTimePass(300, 'a job tick that began before the refusal finishing its try');
    const tried = tokenCalls();
    await letTimePass(1_000, 'five job ticks (JOB_INTERVAL_MS=200) that must leave KitchenHub alone');
    expect(tokenCalls()).toBe(tried); // nothing hammers KitchenHub with credentials it refused
    expect(webhookCreates()).toBe(0);

    expect((await put({ client_secret: 'console-secret' })).status).toBe(200);
    expect((await settings()).problem).toBeNull();
    const ok = await connect();
    expect(ok).toMatchObject({ ok: true, error: null, url: fake.url, registration: { state: 'registered' } });
    expect(['created', 'kept']).toContain(ok.registration.action); // the job tick may have registered it a moment before
    expect(webhookCreates()).toBe(1);
    expect(ok.providers.map((p: { id: string }) => p.id).sort()).toEqual(['doordash', 'grubhub', 'ubereats']);
    expect(ours()).toEqual([
      expect.objectContaining({
        webhook_type: 'Order',
        version: 2,
        authorization_headers: { [WEBHOOK_HEADER]: expect.any(String) },
      }),
    ]);
    const s = await settings();
    expect(s).toMatchObject({
      registration: {
        state: 'registered',
        webhook_id: ours()[0]!.id,
        secret_hint: `…${registeredSecret().slice(-4)}`,
        error: null,
      },
      client_secret: { set: true, hint: '…cret' },
    });
    expect(JSON.stringify(s)).not.toContain(registeredSecret());
    expect(JSON.stringify(s)).not.toContain('console-secret');
  });

  test('deliveries are authenticated by the registered header: right is 200, wrong or missing is 401 and changes nothing', async () => {
    const rightId = newId();
    expect((await postWebhook(server.url, hubOrder(rightId, 'new'), { header: registeredSecret() })).status).toBe(200);
    // The seed's sample was placed long ago: its accept window counts from its arrival, not reported as long overdue.
    const arrived = (await manager.json('GET', '/api/kitchenhub/orders')).pending.find(
      (h: { hub_order_id: string }) => h.hub_order_id === rightId,
    );
    expect(arrived.placed_at).toBeLessThan(Date.now() - 86_400_000);
    expect(arrived.accept_by).toBeGreaterThan(Date.now() + 9 * 60_000);
    const wrongId = newId();
    const wrong = await postWebhook(server.url, hubOrder(wrongId, 'new'), { header: `${registeredSecret()}x` });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({
      error: 'unauthorized',
      message: expect.stringContaining(WEBHOOK_HEADER),
    });
    const missingId = newId();
    expect((await postWebhook(server.url, hubOrder(missingId, 'new'), {})).status).toBe(401);
    const pending = (await manager.json('GET', '/api/kitchenhub/orders')).pending.map(
      (h: { hub_order_id: string }) => h.hub_order_id,
    );
    expect(pending).not.toContain(wrongId);
    expect(pending).not.toContain(missingId);
    // And KitchenHub's own delivery (the envelope, our header) arrives.
    const { order, webhooks } = await fake.hub.createOrder({ status: 'new' });
    expect(webhooks).toEqual([expect.objectContaining({ httpStatus: 200 })]);
    expect(
      (await manager.json('GET', '/api/kitchenhub/orders')).pending.map(
        (h: { hub_order_id: string }) => h.hub_order_id,
      ),
    ).toContain(order.order.id);
  });

  test('Connect again and a restart reuse the webhook; a duplicate of ours is removed', async () => {
    const id = ours()[0]!.id;
    const creates = webhookCreates();
    expect(await connect()).toMatchObject({ ok: true, registration: { action: 'kept' } });
    await signedIn(await server.restart()); // same database, a new port: the public URL changed, so Connect moves our webhook (PATCH), never adds one
    expect((await put({ public_url: server.url })).status).toBe(200);
    expect(await connect()).toMatchObject({ ok: true }); // the job tick may have moved it first
    expect(ours().map((w) => w.id)).toEqual([id]);
    expect(fake.hub.calls.filter((c) => c.operation === 'PATCH /v2/webhooks/{webhook_id}/').at(-1)?.body).toMatchObject(
      { url: `${server.url}/api/kitchenhub/webhook`, version: 2 },
    );
    expect(webhookCreates()).toBe(creates);
    fake.hub.addWebhook({
      url: `${server.url}/api/kitchenhub/webhook`,
      version: 2,
      webhook_type: 'Order',
      filters: {},
      authorization_headers: {},
    });
    expect(ours()).toHaveLength(2);
    expect(await connect()).toMatchObject({ ok: true });
    expect(ours().map((w) => w.id)).toEqual([id]);
  });

  test('rotating the secret PATCHes the webhook (filters and version resent); the old secret works for an overlap', async () => {
    const old = registeredSecret();
    expect(await connect({ rotate_secret: true })).toMatchObject({ ok: true, registration: { action: 'updated' } });
    const patch = fake.hub.calls.filter((c) => c.operation === 'PATCH /v2/webhooks/{webhook_id}/').at(-1);
    expect(patch?.body).toMatchObject({
      version: 2,
      filters: {},
      webhook_type: 'Order',
      authorization_headers: { [WEBHOOK_HEADER]: expect.any(String) },
    });
    const fresh = registeredSecret();
    expect(fresh).not.toBe(old);
    expect((await postWebhook(server.url, hubOrder(newId(), 'new'), { header: fresh })).status).toBe(200);
    expect((await postWebhook(server.url, hubOrder(newId(), 'new'), { header: old })).status).toBe(200); // within the overlap
    expect((await settings()).registration.previous_secret_accepted_until).toBeGreaterThan(Date.now());
  });

  test('auto-accept makes a new order a kitchen ticket at once with the default prep time, and tells KitchenHub', async () => {
    expect((await put({ auto_accept: true, auto_accept_prep_minutes: 12 })).status).toBe(200);
    const { order, webhooks } = await fake.hub.createOrder({ status: 'new' });
    expect(webhooks[0]?.httpStatus).toBe(200);
    const id = order.order.id;
    const { hub_order } = await manager.json('GET', `/api/kitchenhub/orders/${id}`);
    expect(hub_order).toMatchObject({
      state: 'accepted',
      prep_time_minutes: 12,
      decided_by: 'auto-accept',
      order_id: expect.any(String),
    });
    const kitchen = await signInStaff(server.url, 'kitchen');
    expect(await kitchen.ticket(hub_order.order_id)).toMatchObject({ status: 'queued' });
    await eventually(
      async () => (await manager.json('GET', `/api/kitchenhub/calls?hub_order_id=${id}`)).calls[0],
      (c) => c?.state === 'sent',
      'the accept call',
    );
    expect(fake.hub.orders.get(id)?.order.prep_time_minutes).toBe(12);
    await put({ auto_accept: false });
  });

  test('pausing the store sets the delivery apps offline at KitchenHub with pause_duration in seconds; one that cannot be paused says so', async () => {
    fake.hub.setCapability('doordash', 'update_online_status', false);
    await connect(); // re-reads the capability flags
    const paused = await manager.json('PUT', '/api/store', { paused: true, pause_minutes: 20 });
    expect(paused.paused).toBe(true);
    expect(paused.kitchenhub.results).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ provider_name: 'Grubhub', ok: true }),
        expect.objectContaining({
          provider_name: 'DoorDash',
          ok: false,
          skipped: true,
          error: expect.stringContaining('cannot be paused'),
        }),
      ]),
    );
    const puts = fake.hub.calls.filter((c) => c.operation === 'PUT /v2/integration_accounts/{integration_id}/status/');
    expect(puts.length).toBeGreaterThanOrEqual(2);
    expect(puts.every((c) => JSON.stringify(c.body) === JSON.stringify({ online: false, pause_duration: 1200 }))).toBe(
      true,
    );
    const accounts = await manager.json('GET', '/api/kitchenhub/accounts');
    expect(accounts.accounts.find((a: { provider_id: string }) => a.provider_id === 'grubhub')).toMatchObject({
      online: 'offline',
    });
    await manager.json('PUT', '/api/store', { paused: false });
    const after = await manager.json('GET', '/api/kitchenhub/accounts');
    expect(after.accounts.find((a: { provider_id: string }) => a.provider_id === 'grubhub')).toMatchObject({
      online: 'online',
    });
    fake.hub.setCapability('doordash', 'update_online_status', true);
  });

  test('no sandbox while it is switched off (KITCHENHUB_SANDBOX=false)', async () => {
    expect((await manager.send('POST', '/api/kitchenhub/simulate', { kind: 'asap' })).status).toBe(404);
    expect(
      (await fetch(`${server.url}/api/kitchenhub/sandbox/v2/auth/token/`, { method: 'POST', body: '{}' })).status,
    ).toBe(404);
  });
});

describe('the environment wins; the demo sandbox follows KitchenHub’s spec', () => {
  let server: TestServer;
  let manager: StaffClient;

  beforeAll(async () => {
    server = await startServer({
      SEED_DEMO: 'true',
      KITCHENHUB_CLIENT_ID: 'env-client',
      JOB_INTERVAL_MS: '200',
      KITCHENHUB_POLL_SECONDS: '0',
    });
    manager = await signInStaff(server.url, 'manager');
    await manager.json('PUT', '/api/kitchenhub/settings', { api_url: null, client_secret: null, public_url: null }); // what the first server saved
  });

  test('a value set in the environment is shown as such and cannot be changed in the console', async () => {
    const s = (await manager.json('GET', '/api/kitchenhub/settings')) as Settings;
    expect(s.client_id).toEqual({ value: 'env-client', source: 'env' });
    const res = await manager.send('PUT', '/api/kitchenhub/settings', { client_id: 'other' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: 'invalid_request',
      message: expect.stringContaining('KITCHENHUB_CLIENT_ID'),
    });
  });

  test('the sandbox answers only KitchenHub’s operations: the invented ones are 404 (to a signed-in manager)', async () => {
    for (const [method, path] of [
      ['POST', '/oauth/token'],
      ['POST', '/v1/orders/1/accept'],
      ['GET', '/v2/nope/'],
    ] as const) {
      expect(
        (await manager.send(method, `/api/kitchenhub/sandbox${path}`, method === 'POST' ? {} : undefined)).status,
        path,
      ).toBe(404);
    }
    const token = await manager.send('POST', '/api/kitchenhub/sandbox/v2/auth/token/', {
      client_id: 'nobody',
      client_secret: 'x',
    });
    expect(token.status).toBe(404); // "Company not found"
  });

  test('"simulate incoming order": the sandbox sends a realistic order to the webhook it registered; accepting it reaches the sandbox', async () => {
    const s = (await manager.json('GET', '/api/kitchenhub/settings')) as Settings;
    expect(s.calls_go_to).toMatchObject({ source: 'sandbox', url: expect.stringContaining('/api/kitchenhub/sandbox') });
    const sim = await manager.send('POST', '/api/kitchenhub/simulate', { kind: 'asap' });
    expect(sim.status).toBe(201);
    const simulated = await sim.json();
    expect(simulated).toMatchObject({ webhook_status: 200, webhook_error: null });
    const { hub_order_id } = simulated;
    expect((await manager.json('GET', '/api/kitchenhub/settings')).registration).toMatchObject({ state: 'registered' });
    const incoming = await manager.json('GET', '/api/kitchenhub/orders');
    expect(incoming.can_simulate).toBe(true);
    const pending = incoming.pending.find((h: { hub_order_id: string }) => h.hub_order_id === hub_order_id);
    expect(pending).toMatchObject({
      state: 'pending',
      asap: true,
      accept_by: expect.any(Number),
      items: expect.arrayContaining([
        expect.objectContaining({ name: expect.any(String), options: expect.any(Array) }),
      ]),
    });
    expect(BigInt(hub_order_id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true); // the id arrived as a bare JSON number beyond 2^53, kept exact
    // KitchenHub would cancel it KITCHENHUB_ACCEPT_WINDOW_MINUTES (10) after it was placed, a moment ago.
    expect(pending.accept_by).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect(pending.accept_by).toBeLessThanOrEqual(Date.now() + 10 * 60_000);

    await manager.json('POST', `/api/kitchenhub/orders/${hub_order_id}/accept`, { prep_time_minutes: 10 });
    const call = await eventually(
      async () => (await manager.json('GET', `/api/kitchenhub/calls?hub_order_id=${hub_order_id}`)).calls[0],
      (c) => c?.state === 'sent',
      'the sandbox to take the call',
    );
    expect(call).toMatchObject({ action: 'accept', last_status: 200 });

    const scheduled = await (await manager.send('POST', '/api/kitchenhub/simulate', { kind: 'scheduled' })).json();
    const later = (await manager.json('GET', '/api/kitchenhub/orders')).pending.find(
      (h: { hub_order_id: string }) => h.hub_order_id === scheduled.hub_order_id,
    );
    expect(later).toMatchObject({ asap: false, scheduled_for: expect.any(Number) });
  });
});
