// POST /v1/orders and GET /v1/orders over real HTTP, against `next start` on this file's own SQLite copy.
// Every test that counts orders uses its own API client: a client sees only its own orders.
import fc from 'fast-check';
import http from 'node:http';
import { beforeAll, describe, expect, test } from 'vitest';
import { insertApiKey, revokeApiKey } from '@/db/storage/api-keys';
import { MENU } from '@/lib/seed';
import { randomBase32, sha256 } from '@/lib/auth/crypto';
import { ApiClient, newApiClient, SEED_EXAMPLE_ORDER, signInStaff, type StaffClient } from '@/test/api';
import { expectHandled, menuOption, mostly } from '@/test/fuzz';
import { startServer, type TestServer } from '@/test/server';

let server: TestServer;
let kitchen: StaffClient;
beforeAll(async () => {
  server = await startServer();
  kitchen = await signInStaff(server.url, 'kitchen');
});

const fresh = () => newApiClient(server.url);
const optionsOf = (type: keyof typeof MENU) => MENU[type].map(([option]) => option);
const without = (key: keyof typeof SEED_EXAMPLE_ORDER) =>
  Object.fromEntries(Object.entries(SEED_EXAMPLE_ORDER).filter(([k]) => k !== key));

/** Checks the seed's error shape {error, message, ...} and the status, and returns the body. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- error bodies are read loosely and asserted on
async function expectError(res: Response, status: number, error: string): Promise<any> {
  const body = await res.json();
  expect({ status: res.status, error: body.error }).toEqual({ status, error });
  expect(body.message).toEqual(expect.any(String));
  return body;
}

/** The ids of every order this client can see, newest first. */
async function orderIdsOf(api: ApiClient): Promise<string[]> {
  const list = await api.json('GET', '/v1/orders?limit=100');
  return list.data.map((o: { order_id: string }) => o.order_id);
}

/** POSTs as a new client, checks the error, and that the refused request created no order. */
async function refusedPost(body: unknown, status: number, error: string, headers?: Record<string, string>) {
  const api = await fresh();
  const err = await expectError(await api.send('POST', '/v1/orders', body, headers), status, error);
  expect(await orderIdsOf(api)).toEqual([]);
  return err;
}

/** Runs `fn` while a menu option is 86'd through the real staff endpoint, restoring it whatever happens. */
async function while86d(type: string, option: string, fn: () => Promise<void>) {
  await kitchen.json('PUT', `/api/stock/${type}/${option}`, { in_stock: false });
  try {
    await fn();
  } finally {
    await kitchen.json('PUT', `/api/stock/${type}/${option}`, { in_stock: true });
  }
}

/** A client whose key id we know, so the test can revoke it. */
async function revocableClient(): Promise<{ api: ApiClient; keyId: string }> {
  const suffix = randomBase32(12);
  const key = `pbj_test_${suffix}`;
  const keyId = `key_rev_${suffix}`;
  await insertApiKey({
    id: keyId,
    clientId: `cli_rev_${suffix}`,
    clientName: 'Revocable',
    name: 'test',
    keyHash: sha256(key),
    prefix: key.slice(0, 12),
    mode: 'test',
    now: Date.now(),
  });
  return { api: new ApiClient(server.url, key, `cli_rev_${suffix}`), keyId };
}

describe('POST /v1/orders', () => {
  test('tracking_url uses the host the client called, not the address the server listens on', async () => {
    const api = await fresh();
    // fetch() always sends the URL's own host, so this request goes out through node:http.
    const body = await new Promise<{ order_id: string; tracking_url: string }>((resolve, reject) => {
      const url = new URL('/v1/orders', server.url);
      const req = http.request(
        url,
        {
          method: 'POST',
          headers: { Host: 'orders.example.test', 'Content-Type': 'application/json', 'X-API-Key': api.key },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += String(chunk)));
          res.on('end', () => resolve(JSON.parse(text)));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(SEED_EXAMPLE_ORDER));
    });
    expect(body.tracking_url).toBe(`http://orders.example.test/track/${body.order_id}`);
  });

  test("answers 201 with the seed's response shape", async () => {
    const res = await (await fresh()).send('POST', '/v1/orders', SEED_EXAMPLE_ORDER);
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body).toMatchObject({
      customer_id: 'cus_2048',
      status: 'queued',
      choices: {
        bread: 'brioche',
        peanut_butter: 'smooth',
        jelly: 'grape',
        extras: ['banana_slices'],
        toast: 'light',
        cut: 'halves',
      },
    });
    expect(body.order_id).toMatch(/^ord_[a-z2-7]{16,}$/);
    expect(Number.isInteger(body.eta_minutes)).toBe(true);
    expect(body.eta_minutes).toBeGreaterThan(0);
  });

  test('the new order is on the kitchen board', async () => {
    const { order_id } = await (await fresh()).createOrder();
    expect(await kitchen.ticket(order_id)).toMatchObject({ status: 'queued', version: 1 });
  });

  test("toast and cut default to 'none' and 'halves' when omitted", async () => {
    const api = await fresh();
    const { toast: _t, cut: _c, ...rest } = SEED_EXAMPLE_ORDER;
    const created = await api.json('POST', '/v1/orders', rest);
    expect(created.choices).toMatchObject({ toast: 'none', cut: 'halves' });
    expect((await api.json('GET', `/v1/orders/${created.order_id}`)).choices).toMatchObject({
      toast: 'none',
      cut: 'halves',
    });
  });

  test('extras default to an empty list and customer_name and notes are kept', async () => {
    const { extras: _e, ...rest } = SEED_EXAMPLE_ORDER;
    const created = await (
      await fresh()
    ).json('POST', '/v1/orders', { ...rest, customer_name: 'Dana Lee', notes: 'No crusts' });
    expect(created).toMatchObject({ customer_name: 'Dana Lee', notes: 'No crusts', choices: { extras: [] } });
  });

  test('eta_minutes grows as the queue grows', async () => {
    const api = await fresh();
    const etas: number[] = [];
    for (let i = 0; i < 5; i++) etas.push((await api.createOrder()).eta_minutes);
    etas.slice(1).forEach((eta, i) => expect(eta).toBeGreaterThanOrEqual(etas[i]!));
    expect(etas[4]).toBeGreaterThan(etas[0]!); // two prep stations: five orders cannot all finish together
  });

  test('daily_number counts up by one per order', async () => {
    const api = await fresh();
    const first = await api.createOrder();
    const second = await api.createOrder();
    expect(Number.isInteger(first.daily_number)).toBe(true);
    expect(second.daily_number).toBe(first.daily_number + 1);
  });

  test('concurrent orders all succeed, each with its own daily_number', async () => {
    const clients = await Promise.all(Array.from({ length: 4 }, () => fresh()));
    const placed = await Promise.all(clients.flatMap((api) => Array.from({ length: 5 }, () => api.createOrder())));
    const numbers = placed.map((o) => o.daily_number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(20);
    expect(numbers[19] - numbers[0]).toBe(19); // no gaps: one counter, no lost updates
  });

  test('a pbj_live_ key places orders too', async () => {
    const live = await newApiClient(server.url, 'live');
    expect((await live.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER)).status).toBe(201);
  });
});

describe('POST /v1/orders refuses bad input and creates nothing', () => {
  test.each(['customer_id', 'bread', 'peanut_butter', 'jelly'] as const)(
    'a missing %s is named in `field`',
    async (key) => {
      const err = await refusedPost(without(key), 400, 'invalid_request');
      expect(err.field).toBe(key);
      expect(err.message).toContain(key);
    },
  );

  test.each([
    ['bread', 'rye'],
    ['peanut_butter', 'chunky'],
    ['jelly', 'marmalade'],
    ['toast', 'burnt'],
    ['cut', 'diagonal'],
  ] as const)('an unknown %s option names the field and lists the allowed values', async (type, option) => {
    const err = await refusedPost({ ...SEED_EXAMPLE_ORDER, [type]: option }, 400, 'invalid_request');
    expect(err).toMatchObject({ field: type, allowed: optionsOf(type) });
    expect(err.message).toContain(option);
  });

  test('an unknown extra names its position in the list', async () => {
    const err = await refusedPost(
      { ...SEED_EXAMPLE_ORDER, extras: ['banana_slices', 'pickles'] },
      400,
      'invalid_request',
    );
    expect(err).toMatchObject({ field: 'extras.1', allowed: optionsOf('extras') });
  });

  test('an unknown body key is named, not ignored', async () => {
    const err = await refusedPost({ ...SEED_EXAMPLE_ORDER, jely: 'grape' }, 400, 'invalid_request');
    expect(err.field).toBe('jely');
  });

  test('a __proto__ key is an unknown key too', async () => {
    const body = `{"__proto__": {"admin": true}, ${JSON.stringify(SEED_EXAMPLE_ORDER).slice(1)}`;
    const err = await refusedPost(body, 400, 'invalid_request');
    expect(err.field).toBe('__proto__');
  });

  test.each([
    ['customer_id', 2048, 'customer_id'],
    ['bread', 5, 'bread'],
    ['jelly', null, 'jelly'],
    ['toast', true, 'toast'],
    ['extras', 'banana_slices', 'extras'],
    ['extras', [1], 'extras.0'],
    ['notes', 7, 'notes'],
    ['bread', '', 'bread'],
    ['customer_id', 'c'.repeat(65), 'customer_id'],
  ])('%s = %j is the wrong type or size', async (key, value, field) => {
    const err = await refusedPost({ ...SEED_EXAMPLE_ORDER, [key]: value }, 400, 'invalid_request');
    expect(err.field).toBe(field);
  });

  test('the same extra twice', async () => {
    const err = await refusedPost({ ...SEED_EXAMPLE_ORDER, extras: ['honey', 'honey'] }, 400, 'invalid_request');
    expect(err.field).toBe('extras');
  });

  test('more than 10 extras', async () => {
    const extras = Array.from({ length: 11 }, (_, i) => `extra_${i}`);
    const err = await refusedPost({ ...SEED_EXAMPLE_ORDER, extras }, 400, 'invalid_request');
    expect(err.field).toBe('extras');
    expect(err.message).toMatch(/10/);
  });

  test.each([
    ['truncated JSON', '{"customer_id": "cus_2048", "bread":'],
    ['an empty body', ''],
  ])('%s is not valid JSON', async (_name, body) => {
    const err = await refusedPost(body, 400, 'invalid_request');
    expect(err.message).toMatch(/JSON/);
  });

  test.each(['[]', 'null', '"order"', '42'])('JSON %s that is not an object', async (body) => {
    await refusedPost(body, 400, 'invalid_request');
  });

  test.each(['text/plain', 'application/x-www-form-urlencoded'])(
    'a %s body is 415 unsupported_media_type',
    async (type) => {
      await refusedPost(JSON.stringify(SEED_EXAMPLE_ORDER), 415, 'unsupported_media_type', { 'Content-Type': type });
    },
  );
});

describe("POST /v1/orders with an 86'd option", () => {
  test("answers 409 out_of_stock with exactly the seed's body, creating nothing", async () => {
    await while86d('jelly', 'grape', async () => {
      const api = await fresh();
      const res = await api.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER);
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({
        error: 'out_of_stock',
        message: 'Grape jelly is out of stock.',
        item: { type: 'jelly', option: 'grape' },
      });
      expect(await orderIdsOf(api)).toEqual([]);
    });
  });

  test("an 86'd extra is named the same way", async () => {
    await while86d('extras', 'banana_slices', async () => {
      const err = await refusedPost(SEED_EXAMPLE_ORDER, 409, 'out_of_stock');
      expect(err).toMatchObject({
        message: 'Banana slices is out of stock.',
        item: { type: 'extras', option: 'banana_slices' },
      });
    });
  });

  test('a typo is reported before an 86: an unknown option is still 400', async () => {
    await while86d('jelly', 'grape', async () => {
      const err = await refusedPost({ ...SEED_EXAMPLE_ORDER, bread: 'rye' }, 400, 'invalid_request');
      expect(err.field).toBe('bread');
    });
  });

  test('once restocked, the option can be ordered again', async () => {
    await while86d('jelly', 'grape', async () => {});
    expect((await (await fresh()).send('POST', '/v1/orders', SEED_EXAMPLE_ORDER)).status).toBe(201);
  });
});

describe('Idempotency-Key on POST /v1/orders', () => {
  test('a retry with the same key and body replays the first answer and creates one order', async () => {
    const api = await fresh();
    const headers = { 'Idempotency-Key': `retry-${randomBase32(8)}` };
    const first = await api.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER, headers);
    const retry = await api.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER, headers);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const firstBody = await first.text();
    expect(await retry.text()).toBe(firstBody);
    expect(await orderIdsOf(api)).toEqual([JSON.parse(firstBody).order_id]);
  });

  test('a retry that lists the same fields in another order is the same request', async () => {
    const api = await fresh();
    const headers = { 'Idempotency-Key': `reordered-${randomBase32(8)}` };
    const first = await api.json('POST', '/v1/orders', SEED_EXAMPLE_ORDER, headers);
    const reordered = Object.fromEntries(Object.entries(SEED_EXAMPLE_ORDER).reverse());
    const retry = await api.send('POST', '/v1/orders', reordered, headers);
    expect(retry.status).toBe(201);
    expect((await retry.json()).order_id).toBe(first.order_id);
  });

  test('the same key with a different body is 422 idempotency_conflict and creates nothing more', async () => {
    const api = await fresh();
    const headers = { 'Idempotency-Key': `conflict-${randomBase32(8)}` };
    const { order_id } = await api.json('POST', '/v1/orders', SEED_EXAMPLE_ORDER, headers);
    const res = await api.send('POST', '/v1/orders', { ...SEED_EXAMPLE_ORDER, jelly: 'strawberry' }, headers);
    await expectError(res, 422, 'idempotency_conflict');
    expect(await orderIdsOf(api)).toEqual([order_id]);
  });

  test('concurrent retries with one key still create one order', async () => {
    const api = await fresh();
    const headers = { 'Idempotency-Key': `burst-${randomBase32(8)}` };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => api.json('POST', '/v1/orders', SEED_EXAMPLE_ORDER, headers)),
    );
    const ids = new Set(answers.map((a) => a.order_id));
    expect(ids.size).toBe(1);
    expect(await orderIdsOf(api)).toEqual([...ids]);
  });

  test('the same key used by another client is independent', async () => {
    const [a, b] = [await fresh(), await fresh()];
    const headers = { 'Idempotency-Key': `shared-${randomBase32(8)}` };
    const fromA = await a.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER, headers);
    const fromB = await b.send('POST', '/v1/orders', { ...SEED_EXAMPLE_ORDER, jelly: 'apricot' }, headers);
    expect([fromA.status, fromB.status]).toEqual([201, 201]);
    expect(fromB.headers.get('idempotent-replayed')).toBeNull();
    const [orderA, orderB] = [await fromA.json(), await fromB.json()];
    expect(orderB.order_id).not.toBe(orderA.order_id);
    expect(orderB.choices.jelly).toBe('apricot');
  });

  test('a key whose first request was refused can still be used', async () => {
    const api = await fresh();
    const headers = { 'Idempotency-Key': `fixup-${randomBase32(8)}` };
    await expectError(
      await api.send('POST', '/v1/orders', { ...SEED_EXAMPLE_ORDER, bread: 'rye' }, headers),
      400,
      'invalid_request',
    );
    expect((await api.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER, headers)).status).toBe(201);
  });

  test.each([
    ['contains a space', 'my key'],
    ['is 300 characters long', 'k'.repeat(300)],
    ['is empty', ''],
  ])('a key that %s is 400 invalid_request', async (_why, key) => {
    const err = await refusedPost(SEED_EXAMPLE_ORDER, 400, 'invalid_request', { 'Idempotency-Key': key });
    expect(err.field).toBe('Idempotency-Key');
  });
});

describe('API keys', () => {
  const send = (method: string, key: string | undefined) =>
    fetch(`${server.url}/v1/orders`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(key === undefined ? {} : { 'X-API-Key': key }) },
      body: method === 'POST' ? JSON.stringify(SEED_EXAMPLE_ORDER) : undefined,
    });

  test.each([
    ['missing', undefined],
    ['unknown', 'pbj_test_doesnotexist00'],
    ['malformed', 'not-a-key'],
    ['from another scheme', 'pbj_prod_8dd1f2'],
  ])('a %s key is 401 unauthorized on POST and GET', async (_kind, key) => {
    await expectError(await send('POST', key), 401, 'unauthorized');
    await expectError(await send('GET', key), 401, 'unauthorized');
  });

  test('a revoked key is 401 unauthorized', async () => {
    const { api, keyId } = await revocableClient();
    const { order_id } = await api.createOrder();
    await revokeApiKey(keyId, Date.now());
    const err = await expectError(await api.send('GET', '/v1/orders'), 401, 'unauthorized');
    expect(err.message).toMatch(/revoked/);
    await expectError(await api.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER), 401, 'unauthorized');
    await expectError(await api.send('GET', `/v1/orders/${order_id}`), 401, 'unauthorized');
  });
});

describe('GET /v1/orders', () => {
  test("lists the client's orders newest first as {object, data, has_more}", async () => {
    const api = await fresh();
    const placed = [await api.createOrder(), await api.createOrder({ jelly: 'apricot' }), await api.createOrder()];
    const list = await api.json('GET', '/v1/orders');
    expect(list).toEqual({ object: 'list', data: expect.any(Array), has_more: false });
    expect(list.data.map((o: { order_id: string }) => o.order_id)).toEqual(placed.map((o) => o.order_id).reverse());
    expect(list.data[1]).toMatchObject({
      order_id: placed[1].order_id,
      status: 'queued',
      choices: { jelly: 'apricot' },
    });
  });

  test("never shows another client's orders", async () => {
    const [mine, theirs] = [await fresh(), await fresh()];
    const own = await mine.createOrder();
    await theirs.createOrder();
    await theirs.createOrder();
    expect(await orderIdsOf(mine)).toEqual([own.order_id]);
    expect(await orderIdsOf(theirs)).not.toContain(own.order_id);
  });

  test('limit caps the page and has_more tells there is more', async () => {
    const api = await fresh();
    for (let i = 0; i < 3; i++) await api.createOrder();
    const page = await api.json('GET', '/v1/orders?limit=2');
    expect(page.data).toHaveLength(2);
    expect(page.has_more).toBe(true);
    expect((await api.json('GET', '/v1/orders?limit=3')).has_more).toBe(false);
  });

  test('starting_after walks every page exactly once', async () => {
    const api = await fresh();
    const placed: string[] = [];
    for (let i = 0; i < 7; i++) placed.unshift((await api.createOrder()).order_id);
    const pages: Array<{ ids: string[]; has_more: boolean }> = [];
    let cursor = '';
    for (;;) {
      const page = await api.json('GET', `/v1/orders?limit=3${cursor ? `&starting_after=${cursor}` : ''}`);
      const ids = page.data.map((o: { order_id: string }) => o.order_id);
      pages.push({ ids, has_more: page.has_more });
      if (!page.has_more) break;
      cursor = ids[ids.length - 1];
    }
    expect(pages.map((p) => [p.ids.length, p.has_more])).toEqual([
      [3, true],
      [3, true],
      [1, false],
    ]);
    expect(pages.flatMap((p) => p.ids)).toEqual(placed);
  });

  test("starting_after an unknown order, or another client's, is 400", async () => {
    const [api, other] = [await fresh(), await fresh()];
    await api.createOrder();
    const theirs = await other.createOrder();
    for (const id of [`ord_${'a'.repeat(20)}`, theirs.order_id]) {
      const err = await expectError(await api.send('GET', `/v1/orders?starting_after=${id}`), 400, 'invalid_request');
      expect(err.field).toBe('starting_after');
    }
  });

  test('status filters by status', async () => {
    const api = await fresh();
    const queued = await api.createOrder();
    const prepping = await api.createOrder();
    const canceled = await api.createOrder();
    await kitchen.advanceTo(prepping.order_id, 'prepping');
    await api.json('DELETE', `/v1/orders/${canceled.order_id}`);
    const idsWith = async (status: string) =>
      (await api.json('GET', `/v1/orders?status=${status}`)).data.map((o: { order_id: string }) => o.order_id);
    expect(await idsWith('queued')).toEqual([queued.order_id]);
    expect(await idsWith('prepping')).toEqual([prepping.order_id]);
    expect(await idsWith('canceled')).toEqual([canceled.order_id]);
    expect(await idsWith('ready')).toEqual([]);
  });

  test('customer_id filters by customer', async () => {
    const api = await fresh();
    const ada = await api.createOrder({ customer_id: 'cus_ada' });
    await api.createOrder({ customer_id: 'cus_bob' });
    const list = await api.json('GET', '/v1/orders?customer_id=cus_ada');
    expect(list.data.map((o: { order_id: string }) => o.order_id)).toEqual([ada.order_id]);
  });

  test.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=2.5', 'limit'],
    ['status=bogus', 'status'],
    ['colour=red', 'colour'],
    ['limit=1&limit=2', 'limit'],
    ['toString=1', 'toString'],
  ])('a bad query ?%s is 400 naming %s', async (query, field) => {
    const err = await expectError(await (await fresh()).send('GET', `/v1/orders?${query}`), 400, 'invalid_request');
    expect(err.field).toBe(field);
  });

  test('toString is an unknown parameter, not a repeated one', async () => {
    const err = await expectError(await (await fresh()).send('GET', '/v1/orders?toString=1'), 400, 'invalid_request');
    expect(err.message).not.toMatch(/more than once/);
  });
});

describe('ETag on GET /v1/orders', () => {
  test('If-None-Match with the ETag is 304 with an empty body', async () => {
    const api = await fresh();
    await api.createOrder();
    const first = await api.send('GET', '/v1/orders');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await api.send('GET', '/v1/orders', undefined, { 'If-None-Match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  test('after a new order the old ETag no longer matches', async () => {
    const api = await fresh();
    await api.createOrder();
    const etag = (await api.send('GET', '/v1/orders')).headers.get('etag')!;
    await api.createOrder();
    const res = await api.send('GET', '/v1/orders', undefined, { 'If-None-Match': etag });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).not.toBe(etag);
    expect((await res.json()).data).toHaveLength(2);
  });
});

describe('CORS', () => {
  test('the preflight for /v1/orders is 204 and allows X-API-Key', async () => {
    const res = await fetch(`${server.url}/v1/orders`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://shop.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'x-api-key, content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['x-api-key', 'content-type', 'idempotency-key']));
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
  });

  test('errors carry CORS headers too, so browsers can read them', async () => {
    const res = await fetch(`${server.url}/v1/orders`);
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toMatch(/RateLimit-Remaining/);
  });
});

describe('no input yields a 5xx', () => {
  const option = menuOption;
  const orderish = fc.record(
    {
      customer_id: mostly(fc.string({ unit: 'binary', maxLength: 70 })),
      bread: option('bread'),
      peanut_butter: option('peanut_butter'),
      jelly: option('jelly'),
      toast: option('toast'),
      cut: option('cut'),
      extras: mostly(fc.subarray(optionsOf('extras'))),
      notes: mostly(fc.string({ unit: 'binary', maxLength: 220 })),
      customer_name: mostly(fc.string({ unit: 'binary', maxLength: 70 })),
    },
    { requiredKeys: ['customer_id', 'bread', 'peanut_butter', 'jelly'] },
  );
  const bodies = fc.oneof(
    { arbitrary: orderish.map((b) => JSON.stringify(b)), weight: 4 },
    { arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary' }), weight: 1 },
  );

  test('200 random bodies on POST /v1/orders', async () => {
    let api = await fresh();
    let sent = 0;
    const seen = new Set<number>();
    const idempotencyKey = fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(bodies, idempotencyKey, async (body, key) => {
        if (++sent % 50 === 0) api = await fresh(); // stay under the per-key rate limit
        seen.add(
          await expectHandled(
            await api.send('POST', '/v1/orders', body, key === undefined ? {} : { 'Idempotency-Key': key }),
          ),
        );
      }),
      { numRuns: 200 },
    );
    expect(seen).toContain(201); // the fuzz placed orders as well as being refused
    expect(seen).toContain(400);
  }, 120_000);

  test('200 random queries on GET /v1/orders', async () => {
    let api = await fresh();
    let sent = 0;
    const key = fc.oneof(fc.constantFrom('limit', 'status', 'starting_after', 'customer_id'), fc.string());
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, fc.string({ unit: 'binary' })), { maxLength: 4 }), async (pairs) => {
        if (++sent % 50 === 0) api = await fresh();
        seen.add(await expectHandled(await api.send('GET', `/v1/orders?${new URLSearchParams(pairs)}`)));
      }),
      { numRuns: 200 },
    );
    expect(seen).toContain(200);
    expect(seen).toContain(400);
  }, 120_000);
});
