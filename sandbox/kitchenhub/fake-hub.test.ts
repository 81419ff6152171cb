// The fake KitchenHub over real HTTP (scripts/fake-kitchenhub.ts): it answers only the operations of
// KitchenHub's openapi-v2.json, refuses what the spec refuses, applies the documented rules (tokens,
// status changes, capabilities, main account, paging, pause) and delivers webhooks with the registered
// headers. After every test, none of its answers may have broken the spec.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { components } from '@/lib/kitchenhub/api/schema';
import { startFakeKitchenHub, type RunningFake } from '@/scripts/fake-kitchenhub';
import { eventually, letTimePass } from '@/test/eventually';

type Schemas = components['schemas'];
type Order = Schemas['ms_api__core_models__OrderModel'];
type Answer = { status: number; text: string; json: unknown; headers: Headers };

let fake: RunningFake;
beforeAll(async () => {
  fake = await startFakeKitchenHub();
});
afterAll(() => fake?.close());
afterEach(async () => {
  await fake.hub.settled();
  expect(fake.hub.violations).toEqual([]);
  fake.hub.reset();
  fake.hub.webhooks.clear();
  fake.hub.configure({ pageSize: undefined, delayMs: 0, accessTtlMinutes: undefined, notify: undefined });
});

async function call(method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : undefined, headers: res.headers };
}

const grant = (clientId = 'fake-client', clientSecret = 'fake-secret') =>
  call('POST', '/v2/auth/token/', { body: { client_id: clientId, client_secret: clientSecret } });
async function signIn(): Promise<string> {
  const res = await grant();
  expect(res.status).toBe(200);
  return (res.json as Schemas['ObtainTokenResponseSerializer']).access_token;
}
const setStatus = (token: string, id: string, body: Schemas['OrderStatusSerializer']) =>
  call('PUT', `/v2/orders/${id}/status/`, { token, body });

/** A local endpoint that records what it receives, as our webhook route would. */
async function startReceiver() {
  const got: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/kitchenhub/webhook`,
    got,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

describe('tokens', () => {
  it('grants a pair; refresh gives a new access token and no new refresh token; expired tokens are 401', async () => {
    const pair = await grant();
    expect(pair.status).toBe(200);
    const tokens = pair.json as Schemas['ObtainTokenResponseSerializer'];
    expect(tokens).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      access_token_expire: 60,
      refresh_token_expire: 1440,
    });
    const valid = await call('GET', '/v2/auth/token/validate/', { token: tokens.access_token });
    expect([valid.status, valid.text]).toEqual([200, '']);

    const refreshed = await call('POST', '/v2/auth/token/refresh/', { body: { refresh_token: tokens.refresh_token } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json).toEqual({ access_token: expect.any(String), access_token_expire: 60 });
    const second = (refreshed.json as Schemas['RefreshTokenResponseSerializer']).access_token;
    expect(second).not.toBe(tokens.access_token);
    expect((await call('GET', '/v2/auth/token/validate/', { token: second })).status).toBe(200);

    fake.hub.expireAccessTokens();
    expect((await call('GET', '/v2/auth/token/validate/', { token: second })).status).toBe(401);
    expect((await call('GET', '/v2/providers/')).status).toBe(401); // no token at all
    // The refresh token outlives the access tokens and can be used again.
    const again = await call('POST', '/v2/auth/token/refresh/', { body: { refresh_token: tokens.refresh_token } });
    expect(
      (
        await call('GET', '/v2/auth/token/validate/', {
          token: (again.json as Schemas['RefreshTokenResponseSerializer']).access_token,
        })
      ).status,
    ).toBe(200);

    fake.hub.expireRefreshTokens();
    const late = await call('POST', '/v2/auth/token/refresh/', { body: { refresh_token: tokens.refresh_token } });
    expect([late.status, late.json]).toEqual([
      400,
      { error: 'bad_request', message: 'Refresh token is invalid or expired' },
    ]);
    expect([fake.hub.tokenGrants, fake.hub.refreshes]).toEqual([1, 2]);
  });

  it('an access token dies when its lifetime is over', async () => {
    fake.hub.configure({ accessTtlMinutes: 0.002 }); // 120 ms; the answer says 1 (whole minutes)
    const pair = await grant();
    expect((pair.json as Schemas['ObtainTokenResponseSerializer']).access_token_expire).toBe(1);
    const token = (pair.json as Schemas['ObtainTokenResponseSerializer']).access_token;
    expect((await call('GET', '/v2/auth/token/validate/', { token })).status).toBe(200);
    await letTimePass(200, "the access token's lifetime (120 ms)");
    expect((await call('GET', '/v2/auth/token/validate/', { token })).status).toBe(401);
  });

  it('refuses a wrong secret (400), an unknown client (404), a blocked company (403) and a body off the spec (422)', async () => {
    expect(await grant('fake-client', 'nope')).toMatchObject({
      status: 400,
      json: { message: 'Invalid client secret key' },
    });
    expect(await grant('someone-else')).toMatchObject({ status: 404, json: { message: 'Company not found' } });
    fake.hub.blocked = true;
    expect(await grant()).toMatchObject({
      status: 403,
      json: { message: 'Company access denied. Account is blocked' },
    });
    fake.hub.blocked = false;
    const partial = await call('POST', '/v2/auth/token/', { body: { client_id: 'fake-client' } });
    expect(partial.status).toBe(422);
    expect((partial.json as { message: string }).message).toContain('client_secret');
  });
});

describe('only the spec', () => {
  it('answers 404 to any path or method the spec does not have', async () => {
    const token = await signIn();
    for (const [method, path] of [
      ['POST', '/v1/orders/1/accept'],
      ['POST', '/oauth/token'],
      ['GET', '/v2/nope/'],
      ['GET', '/v2/orders'], // the spec's path has a trailing slash
      ['DELETE', '/v2/orders/1/'],
      ['POST', '/v2/orders/1/accept/'],
    ] as const) {
      const res = await call(method, path, { token });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.json).toMatchObject({ error: 'not_found' });
    }
    expect(fake.hub.calls.filter((c) => c.status === 404).map((c) => c.operation)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('answers 422 naming the problem to a request off the spec, 401 without a token, 501 to an operation it does not implement', async () => {
    const token = await signIn();
    const created = await call('POST', '/v2/webhooks/', {
      token,
      body: { url: 'http://127.0.0.1:9/hook', version: 2, webhook_type: 'Order' },
    });
    const id = (created.json as Schemas['ClientWebhookConfigDTO']).id;
    const patch = await call('PATCH', `/v2/webhooks/${id}/`, { token, body: { filters: {} } });
    expect(patch.status).toBe(422);
    expect(patch.json).toMatchObject({
      error: 'validation_error',
      message: expect.stringContaining("must have required property 'version'"),
    });
    expect((await call('GET', '/v2/orders/?page=1&limit=5', { token })).status).toBe(422); // limit: no such parameter
    expect((await call('GET', '/v2/orders/?page=1&page=2', { token })).status).toBe(422); // page is one string
    expect((await call('PATCH', `/v2/webhooks/${id}/`, { body: { filters: {}, version: 1 } })).status).toBe(401);
    expect(await call('GET', '/v2/stores/', { token })).toMatchObject({
      status: 501,
      json: { error: 'not_implemented', message: 'The fake does not implement GET /v2/stores/' },
    });
    expect(fake.hub.calls.find((c) => c.status === 422)).toMatchObject({
      method: 'PATCH',
      operation: 'PATCH /v2/webhooks/{webhook_id}/',
      authorized: true,
      body: { filters: {} },
    });
  });

  it('turns an answer of its own that breaks the spec into a 500 and a recorded violation', async () => {
    const token = await signIn();
    const { order } = await fake.hub.createOrder({ send: false });
    order.order.paid = 'yes'; // a bug in the fake's data
    const res = await call('GET', `/v2/orders/${order.order.id}/`, { token });
    expect(res).toMatchObject({ status: 500, json: { error: 'fake_violation' } });
    expect(fake.hub.violations).toEqual([expect.stringContaining('order.paid must be boolean')]);
    fake.hub.violations.length = 0;
  });
});

describe('orders', () => {
  it('accepts, completes and cancels as the status rules allow; anything else is 409', async () => {
    const token = await signIn();
    const { order } = await fake.hub.createOrder({ status: 'new', send: false });
    const id = order.order.id;
    expect(await setStatus(token, id, { status: 'accept' })).toMatchObject({
      status: 400,
      json: { message: expect.stringContaining('prep_time') },
    });
    expect(await setStatus(token, id, { status: 'accepted', prep_time: 5 })).toMatchObject({ status: 400 }); // a verb, not a status

    const accepted = await setStatus(token, id, { status: 'accept', prep_time: 12 });
    expect(accepted.status).toBe(200);
    expect(accepted.text).toContain(`{"order":{"id":${id},`); // the id is a bare number, beyond 2^53
    expect(accepted.text).not.toContain('null'); // the spec has no nullable: nulls are left out
    expect(accepted.json).toMatchObject({
      order: { status: 'accepted', prep_time_minutes: 12 },
      timestamps: { accepted_at: expect.any(String) },
    });
    expect(await setStatus(token, id, { status: 'accept', prep_time: 12 })).toMatchObject({
      status: 409,
      json: { error: 'conflict' },
    });

    expect(await setStatus(token, id, { status: 'complete' })).toMatchObject({
      status: 200,
      json: { order: { status: 'completed' } },
    });
    expect((await setStatus(token, id, { status: 'cancel' })).status).toBe(409);

    const other = (await fake.hub.createOrder({ status: 'scheduled', send: false })).order.order.id;
    expect((await setStatus(token, other, { status: 'complete' })).status).toBe(409); // not accepted yet
    const cancelled = await setStatus(token, other, { status: 'cancel' });
    expect(cancelled.json).toMatchObject({
      order: { status: 'cancelled' },
      timestamps: { cancelled_at: expect.any(String) },
    });
    expect(fake.hub.orders.get(other)?.order.status).toBe('cancelled');

    expect(await setStatus(token, '123', { status: 'cancel' })).toMatchObject({
      status: 404,
      json: { message: 'Order not found' },
    });
    expect(fake.hub.orderStatusCalls(id).map((c) => c.status)).toEqual([400, 400, 200, 409, 200, 409]);
  });

  it('lets only the main account change a status (403 Not main account)', async () => {
    const token = await signIn();
    const { order } = await fake.hub.createOrder({ send: false });
    fake.hub.mainAccount = false;
    const res = await setStatus(token, order.order.id, { status: 'accept', prep_time: 10 });
    expect([res.status, res.json]).toEqual([403, { error: 'forbidden', message: 'Not main account' }]);
    expect(fake.hub.orders.get(order.order.id)?.order.status).toBe('new');
  });

  it('answers 501 when the order provider does not support the action', async () => {
    const token = await signIn();
    fake.hub.setCapability('doordash', 'accept_order', false);
    const providers = (await call('GET', '/v2/providers/', { token }))
      .json as Schemas['ProviderGeneralInfoSerializer'][];
    expect(
      providers.find((p) => p.provider_id === 'doordash')?.provider_capabilities?.order.accept_order.is_supported,
    ).toBe(false);
    const { order } = await fake.hub.createOrder({ providerId: 'doordash', send: false });
    expect(await setStatus(token, order.order.id, { status: 'accept', prep_time: 10 })).toMatchObject({
      status: 501,
      json: { error: 'not_implemented' },
    });
    expect((await setStatus(token, order.order.id, { status: 'cancel' })).status).toBe(200);
  });

  it('lists newest first, a page at a time until an empty page, filtered by date and status', async () => {
    const token = await signIn();
    fake.hub.configure({ pageSize: 2 });
    const base = Date.UTC(2024, 0, 2, 10, 0, 0);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await fake.hub.createOrder({ now: base + i * 60_000, send: false })).order.order.id);
    await fake.hub.setStatus(ids[0]!, 'cancelled', false);

    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const res = await call('GET', `/v2/orders/?page=${page}`, { token });
      expect(res.status).toBe(200);
      const orders = res.json as Order[];
      if (orders.length === 0) break;
      expect(orders.length).toBeLessThanOrEqual(2);
      // JSON.parse rounds ids beyond 2^53: read them from the text, where they are exact.
      seen.push(...[...res.text.matchAll(/\{"order":\{"id":(\d+),/g)].map((m) => m[1]!));
    }
    expect(seen).toEqual([...ids].reverse());

    const since = await call('GET', '/v2/orders/?date_from=2024-01-02T10:02:00', { token });
    expect((since.json as Order[]).map((o) => o.timestamps.created_at)).toEqual([
      '2024-01-02T10:04:00Z',
      '2024-01-02T10:03:00Z',
    ]);
    const window = await call('GET', '/v2/orders/?date_from=2024-01-02T10:01:00&date_to=2024-01-02T10:03:00&page=1', {
      token,
    });
    expect((window.json as Order[]).map((o) => o.timestamps.created_at)).toEqual([
      '2024-01-02T10:03:00Z',
      '2024-01-02T10:02:00Z',
    ]);
    const cancelled = await call('GET', '/v2/orders/?order_status=canceled', { token });
    expect(cancelled.text).toContain(`"id":${ids[0]},`);
    expect((cancelled.json as Order[]).length).toBe(1);
    const ofStore = await call(
      'GET',
      '/v2/orders/?store_id=c212a250-3b69-45ab-9184-03fb2072a7b1&store_id=c212a250-3b69-45ab-9184-03fb2072a7b1',
      { token },
    );
    expect(ofStore.status).toBe(200); // store_id may repeat, as documented

    for (const bad of ['date_from=2024-01-02', 'date_to=yesterday', 'page=0', 'page=two', 'order_status=cancelled']) {
      expect(await call('GET', `/v2/orders/?${bad}`, { token }), bad).toMatchObject({
        status: 400,
        json: { message: expect.stringContaining('wrong query parameters') },
      });
    }
    expect((await call('GET', '/v2/orders/?store_id=not-ours', { token })).status).toBe(403);
  });

  it('reads one order, nulls left out and its id exact', async () => {
    const token = await signIn();
    const { order } = await fake.hub.createOrder({ type: 'pickup', send: false });
    const res = await call('GET', `/v2/orders/${order.order.id}/`, { token });
    expect(res.status).toBe(200);
    expect(res.text).toContain(`"id":${order.order.id},`);
    expect(res.json).toMatchObject({
      order: { type: 'pickup', status: 'new' },
      delivery: { address: {}, courier: {} },
      timestamps: { created_at: expect.any(String), placed_at: expect.any(String) },
    });
    expect((await call('GET', '/v2/orders/4242/', { token })).status).toBe(404);
    fake.hub.configure({ adoptUnknownOrders: true });
    expect(await call('GET', '/v2/orders/4242/', { token })).toMatchObject({
      status: 200,
      json: { order: { id: 4242, status: 'new' } },
    });
    fake.hub.configure({ adoptUnknownOrders: false });
  });
});

describe('webhooks', () => {
  it('creates, lists, updates and deletes webhook configs', async () => {
    const token = await signIn();
    const created = await call('POST', '/v2/webhooks/', {
      token,
      body: {
        url: 'https://kds.example/api/kitchenhub/webhook',
        version: 2,
        webhook_type: 'Order',
        authorization_headers: { 'X-Kds-Token': 's3cret' },
      },
    });
    expect(created.status).toBe(201);
    const config = created.json as Schemas['ClientWebhookConfigDTO'];
    expect(config).toMatchObject({
      id: expect.any(String),
      created_at: expect.any(String),
      filters: {},
      authorization_headers: { 'X-Kds-Token': 's3cret' },
    });
    expect((await call('GET', '/v2/webhooks/', { token })).json).toEqual([config]);

    const patched = await call('PATCH', `/v2/webhooks/${config.id}/`, {
      token,
      body: { filters: { order_status: ['new', 'cancelled'] }, version: 1 },
    });
    expect(patched).toMatchObject({
      status: 200,
      json: {
        id: config.id,
        version: 1,
        filters: { order_status: ['new', 'cancelled'] },
        url: config.url,
        authorization_headers: { 'X-Kds-Token': 's3cret' },
      },
    });
    expect((await call('PATCH', '/v2/webhooks/nope/', { token, body: { filters: {}, version: 1 } })).status).toBe(404);

    const menu = await call('POST', '/v2/webhooks/', {
      token,
      body: { url: 'https://kds.example/menu', version: 2, webhook_type: 'MenuIntegrationStatus' },
    });
    expect(menu).toMatchObject({ status: 400, json: { message: expect.stringContaining('only version 1') } });
    expect(
      (
        await call('POST', '/v2/webhooks/', {
          token,
          body: { url: 'https://kds.example/x', version: 3, webhook_type: 'Order' },
        })
      ).status,
    ).toBe(422);

    const deleted = await call('DELETE', `/v2/webhooks/${config.id}/`, { token });
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    expect((await call('DELETE', `/v2/webhooks/${config.id}/`, { token })).json).toMatchObject({
      message: 'Partner webhook not found',
    });
    expect((await call('GET', '/v2/webhooks/', { token })).json).toEqual([]);
  });

  it('posts orders to the registered URL with its authorization_headers, as the envelope, filters applied', async () => {
    const receiver = await startReceiver();
    try {
      const token = await signIn();
      await call('POST', '/v2/webhooks/', {
        token,
        body: {
          url: receiver.url,
          version: 2,
          webhook_type: 'Order',
          authorization_headers: { Authorization: 'Bearer from-kitchenhub', 'X-Store': 'pbj' },
        },
      });
      const acceptedOnly = await call('POST', '/v2/webhooks/', {
        token,
        body: {
          url: `${receiver.url}?accepted`,
          version: 2,
          webhook_type: 'Order',
          filters: { order_status: ['accepted'] },
        },
      });

      const { order, webhooks } = await fake.hub.createOrder({ status: 'new' });
      expect(webhooks).toEqual([
        expect.objectContaining({
          url: receiver.url,
          hubOrderId: order.order.id,
          status: 'new',
          httpStatus: 200,
          error: null,
        }),
      ]);
      expect(receiver.got).toHaveLength(1);
      const [first] = receiver.got;
      expect(first!.headers).toMatchObject({
        'content-type': 'application/json',
        'user-agent': 'KitchenHub-Fake/1.0',
        authorization: 'Bearer from-kitchenhub',
        'x-store': 'pbj',
      });
      expect(
        first!.body.startsWith(
          `{"version":"2.0.0","event_data":{"event_type":"Order","status":"OrderCreated"},"order":{"order":{"id":${order.order.id},`,
        ),
      ).toBe(true);
      expect(first!.body).toContain('"prep_time_minutes":null'); // webhooks carry nulls, as KitchenHub's do

      await setStatus(token, order.order.id, { status: 'accept', prep_time: 9 });
      await fake.hub.settled();
      expect(
        receiver.got.map((g) => (JSON.parse(g.body) as { event_data: { status: string } }).event_data.status),
      ).toEqual(['OrderCreated', 'OrderUpdated', 'OrderUpdated']);
      expect(
        fake.hub.sentWebhooks
          .filter((w) => w.webhookId === (acceptedOnly.json as Schemas['ClientWebhookConfigDTO']).id)
          .map((w) => w.status),
      ).toEqual(['accepted']);

      await fake.hub.createOrder({ send: false }); // lost on purpose
      expect(receiver.got).toHaveLength(3);
      fake.hub.configure({ notify: false });
      const quiet = await fake.hub.createOrder({ status: 'accepted', send: false });
      await setStatus(token, quiet.order.order.id, { status: 'complete' });
      await fake.hub.settled();
      expect(receiver.got).toHaveLength(3);
      expect(await fake.hub.setStatus(quiet.order.order.id, 'cancelled')).toHaveLength(1); // KitchenHub's own change still goes out
    } finally {
      await receiver.close();
    }
  });

  it('creates a mock order from the template or from order_data (201) and sends it', async () => {
    const receiver = await startReceiver();
    try {
      const token = await signIn();
      await call('POST', '/v2/webhooks/', { token, body: { url: receiver.url, version: 2, webhook_type: 'Order' } });
      const res = await call('POST', '/v2/mock/order/', {
        token,
        body: { store_id: 'c212a250-3b69-45ab-9184-03fb2072a7b1', provider_id: 'ubereats', order_type: 'pickup' },
      });
      expect(res).toMatchObject({
        status: 201,
        json: { order: { type: 'pickup', status: 'new' }, provider: { id: 'ubereats' } },
      });
      const id = /^\{"order":\{"id":(\d+),/.exec(res.text)?.[1];
      expect(fake.hub.orders.has(id!)).toBe(true);
      await fake.hub.settled();
      expect(receiver.got.map((g) => g.body)).toEqual([
        expect.stringContaining(`"status":"OrderCreated"},"order":{"order":{"id":${id},`),
      ]);

      const { order: template } = await fake.hub.createOrder({ type: 'delivery', send: false }); // OrderData wants a delivery.type
      const { id: _dropped, ...basics } = template.order;
      const own = await call('POST', '/v2/mock/order/', {
        token,
        body: {
          order_data: JSON.parse(
            JSON.stringify({ ...template, order: basics }, (_k, v: unknown) => (v === null ? undefined : v)),
          ),
        },
      });
      expect(own.status).toBe(201);
      expect(own.text).not.toContain(`"id":${template.order.id},`); // a new id is given

      expect(
        (await call('POST', '/v2/mock/order/', { token, body: { store_id: 'c212a250-3b69-45ab-9184-03fb2072a7b1' } }))
          .status,
      ).toBe(400);
      expect((await call('POST', '/v2/mock/order/', { token, body: { order_data: { order: {} } } })).status).toBe(422);
    } finally {
      await receiver.close();
    }
  });
});

describe('integration accounts', () => {
  it('lists the accounts and pauses one for pause_duration seconds', async () => {
    const token = await signIn();
    const list = await call(
      'GET',
      '/v2/integration_accounts/?store_id=c212a250-3b69-45ab-9184-03fb2072a7b1&is_connected=true',
      { token },
    );
    const accounts = list.json as Schemas['GetProviderAccountRetrieveResponseSerializer'][];
    expect(accounts.map((a) => [a.provider_id, a.is_main_account])).toEqual([
      ['grubhub', true],
      ['doordash', true],
      ['ubereats', true],
    ]);
    expect((await call('GET', '/v2/integration_accounts/?store_id=elsewhere', { token })).json).toEqual([]);
    const id = accounts[0]!.integration_account_id;

    expect((await call('GET', `/v2/integration_accounts/${id}/status/`, { token })).json).toEqual({ online: 'online' });
    const paused = await call('PUT', `/v2/integration_accounts/${id}/status/`, {
      token,
      body: { online: false, pause_duration: 900 },
    });
    expect(paused).toMatchObject({ status: 200, json: { online: 'offline', offline_reason: expect.any(String) } });
    expect(fake.hub.onlineStatus.get(id)).toMatchObject({
      online: 'offline',
      pauseDuration: 900,
      pausedUntil: expect.any(Number),
    });
    expect((await call('GET', `/v2/integration_accounts/${id}/status/`, { token })).json).toMatchObject({
      online: 'offline',
    });
    expect(
      (await call('PUT', `/v2/integration_accounts/${id}/status/`, { token, body: { online: true } })).json,
    ).toEqual({ online: 'online' });

    expect(
      (await call('PUT', `/v2/integration_accounts/${id}/status/`, { token, body: { pause_duration: 60 } })).status,
    ).toBe(422); // online is required
    expect((await call('PUT', '/v2/integration_accounts/nope/status/', { token, body: { online: true } })).status).toBe(
      404,
    );
    fake.hub.setCapability('grubhub', 'update_online_status', false);
    expect(
      await call('PUT', `/v2/integration_accounts/${id}/status/`, { token, body: { online: false } }),
    ).toMatchObject({ status: 409, json: { message: expect.stringContaining('update_online_status') } });
  });
});

describe('a failing or hanging KitchenHub', () => {
  it('fails the next calls on demand', async () => {
    const token = await signIn();
    fake.hub.failNext({ status: 424, times: 2, path: '/v2/orders/', method: 'GET' });
    expect(await call('GET', '/v2/orders/', { token })).toMatchObject({
      status: 424,
      json: { error: 'provider_error' },
    });
    expect((await call('GET', '/v2/providers/', { token })).status).toBe(200); // another path
    expect((await call('GET', '/v2/orders/', { token })).status).toBe(424);
    expect((await call('GET', '/v2/orders/', { token })).status).toBe(200);
    fake.hub.failNext({ status: 403, times: 1, message: 'Not main account' });
    expect((await call('GET', '/v2/providers/', { token })).json).toEqual({
      error: 'forbidden',
      message: 'Not main account',
    });
  });

  it('holds calls for delayMs and drops the ones whose caller gave up', async () => {
    const token = await signIn();
    fake.hub.configure({ delayMs: 5_000 });
    await expect(
      fetch(`${fake.url}/v2/providers/`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
    await eventually(
      () => fake.hub.dropped,
      (n) => n > 0,
      'the fake to drop the call whose caller gave up',
    );
    expect([fake.hub.dropped, fake.hub.inFlight]).toEqual([1, 0]);
    expect(fake.hub.calls.map((c) => c.path)).toEqual(['/v2/auth/token/']); // the dropped call was never handled
  });
});
