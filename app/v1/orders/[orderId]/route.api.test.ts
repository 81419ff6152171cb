// GET, PUT and DELETE /v1/orders/{id} over real HTTP. Orders reach later statuses the way a cook moves
// them: through the kitchen's staff endpoints.
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { insertApiKey, revokeApiKey } from '@/db/storage/api-keys';
import { MENU } from '@/lib/seed';
import { randomBase32, sha256 } from '@/lib/auth/crypto';
import type { OrderStatus } from '@/lib/orders/status';
import { ApiClient, newApiClient, signInStaff, type StaffClient } from '@/test/api';
import { expectHandled, menuOption, mostly } from '@/test/fuzz';
import { startServer, type TestServer } from '@/test/server';

let server: TestServer;
let kitchen: StaffClient;
beforeAll(async () => {
  server = await startServer();
  kitchen = await signInStaff(server.url, 'kitchen');
});

const fresh = () => newApiClient(server.url);
const UNKNOWN_ID = `ord_${'a'.repeat(20)}`;

/** Checks the seed's error shape {error, message, ...} and the status, and returns the body. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- error bodies are read loosely and asserted on
async function expectError(res: Response, status: number, error: string): Promise<any> {
  const body = await res.json();
  expect({ status: res.status, error: body.error }).toEqual({ status, error });
  expect(body.message).toEqual(expect.any(String));
  return body;
}

/** A new client with one toasted order (the seed's example) moved to `status`. */
async function orderIn(status: OrderStatus): Promise<{ api: ApiClient; id: string }> {
  const api = await fresh();
  const { order_id: id } = await api.createOrder();
  if (status === 'canceled') await api.json('DELETE', `/v1/orders/${id}`);
  else await kitchen.advanceTo(id, status);
  return { api, id };
}

/** The order as its owner sees it, without the ETA (it moves with the rest of the queue). */
async function snapshot(api: ApiClient, id: string) {
  const { eta_minutes: _eta, ...order } = await api.json('GET', `/v1/orders/${id}`);
  return order;
}

async function while86d(type: string, option: string, fn: () => Promise<void>) {
  await kitchen.json('PUT', `/api/stock/${type}/${option}`, { in_stock: false });
  try {
    await fn();
  } finally {
    await kitchen.json('PUT', `/api/stock/${type}/${option}`, { in_stock: true });
  }
}

describe('GET /v1/orders/{id}', () => {
  test('answers the order as POST created it', async () => {
    const api = await fresh();
    const created = await api.createOrder({ customer_name: 'Dana Lee' });
    const res = await api.send('GET', `/v1/orders/${created.order_id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ...created, eta_minutes: expect.any(Number) });
  });

  test('follows the kitchen: status changes as a cook taps', async () => {
    const { api, id } = await orderIn('prepping');
    expect(await api.json('GET', `/v1/orders/${id}`)).toMatchObject({ status: 'prepping', version: 2 });
    await kitchen.advanceTo(id, 'ready');
    expect(await api.json('GET', `/v1/orders/${id}`)).toMatchObject({ status: 'ready', eta_minutes: 0 });
  });

  test('eta_minutes is recomputed when orders ahead leave the queue', async () => {
    const api = await fresh();
    const ahead = [];
    for (let i = 0; i < 4; i++) ahead.push((await api.createOrder()).order_id);
    const { order_id: last } = await api.createOrder();
    const before = (await api.json('GET', `/v1/orders/${last}`)).eta_minutes;
    for (const id of ahead) await api.json('DELETE', `/v1/orders/${id}`);
    const after = (await api.json('GET', `/v1/orders/${last}`)).eta_minutes;
    expect(after).toBeLessThan(before);
  });
});

describe("unknown, malformed and other clients' ids are 404 not_found", () => {
  const methods = [
    ['GET', undefined],
    ['PUT', { jelly: 'strawberry' }],
    ['DELETE', undefined],
  ] as const;

  test.each(methods)('%s with an unknown id', async (method, body) => {
    await expectError(await (await fresh()).send(method, `/v1/orders/${UNKNOWN_ID}`, body), 404, 'not_found');
  });

  test.each(methods)('%s with a malformed id', async (method, body) => {
    const api = await fresh();
    for (const id of ['nope', 'ord_!!', encodeURIComponent('ord_ä'), 'x'.repeat(300)]) {
      await expectError(await api.send(method, `/v1/orders/${id}`, body), 404, 'not_found');
    }
  });

  test.each(methods)("%s on another client's order, which stays as it was", async (method, body) => {
    const owner = await fresh();
    const { order_id } = await owner.createOrder();
    const before = await snapshot(owner, order_id);
    const intruder = await fresh();
    const err = await expectError(await intruder.send(method, `/v1/orders/${order_id}`, body), 404, 'not_found');
    expect(err.message).not.toMatch(/another|belongs/); // as unknown as a made-up id
    expect(await snapshot(owner, order_id)).toEqual(before);
  });

  test("PUT on another client's order is 404 even when it asks for an unknown or 86'd option", async () => {
    const owner = await fresh();
    const { order_id } = await owner.createOrder({ jelly: 'strawberry' });
    const intruder = await fresh();
    await expectError(await intruder.send('PUT', `/v1/orders/${order_id}`, { bread: 'rye' }), 404, 'not_found');
    await while86d('jelly', 'grape', async () => {
      await expectError(await intruder.send('PUT', `/v1/orders/${order_id}`, { jelly: 'grape' }), 404, 'not_found');
      await expectError(await intruder.send('PUT', `/v1/orders/${UNKNOWN_ID}`, { jelly: 'grape' }), 404, 'not_found');
    });
  });
});

describe('API keys on /v1/orders/{id}', () => {
  test.each(['GET', 'PUT', 'DELETE'])(
    '%s without a key, or with a revoked one, is 401 unauthorized',
    async (method) => {
      const suffix = randomBase32(12);
      const key = `pbj_test_${suffix}`;
      await insertApiKey({
        id: `key_rev_${suffix}`,
        clientId: `cli_rev_${suffix}`,
        clientName: 'Revocable',
        name: 'test',
        keyHash: sha256(key),
        prefix: key.slice(0, 12),
        mode: 'test',
        now: Date.now(),
      });
      const api = new ApiClient(server.url, key, `cli_rev_${suffix}`);
      const { order_id } = await api.createOrder();
      const body = method === 'PUT' ? JSON.stringify({ jelly: 'apricot' }) : undefined;
      const bare = await fetch(`${server.url}/v1/orders/${order_id}`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      await expectError(bare, 401, 'unauthorized');
      await revokeApiKey(`key_rev_${suffix}`, Date.now());
      await expectError(await api.send(method, `/v1/orders/${order_id}`, body), 401, 'unauthorized');
    },
  );
});

describe('PUT /v1/orders/{id}', () => {
  test('changes only the given fields and bumps the version', async () => {
    const api = await fresh();
    const created = await api.createOrder({ notes: 'Cut crusts' });
    const res = await api.send('PUT', `/v1/orders/${created.order_id}`, { jelly: 'strawberry' });
    expect(res.status).toBe(200);
    const updated = await res.json();
    expect(updated.choices).toEqual({ ...created.choices, jelly: 'strawberry' });
    expect(updated).toMatchObject({
      customer_id: 'cus_2048',
      notes: 'Cut crusts',
      status: 'queued',
      version: created.version + 1,
    });
    expect(await snapshot(api, created.order_id)).toMatchObject({ choices: updated.choices, version: updated.version });
  });

  test('can change every choice and the notes at once', async () => {
    const api = await fresh();
    const { order_id } = await api.createOrder();
    const changes = {
      bread: 'sourdough',
      peanut_butter: 'crunchy',
      jelly: 'raspberry',
      toast: 'none',
      cut: 'quarters',
      extras: ['honey', 'sea_salt'],
      notes: 'Extra napkins',
    };
    const { notes, ...choices } = changes;
    expect(await api.json('PUT', `/v1/orders/${order_id}`, changes)).toMatchObject({ choices, notes, version: 2 });
  });

  test('notes: null clears the notes and extras: [] clears the extras', async () => {
    const api = await fresh();
    const { order_id } = await api.createOrder({ notes: 'Cut crusts' });
    expect(await api.json('PUT', `/v1/orders/${order_id}`, { notes: null, extras: [] })).toMatchObject({
      notes: null,
      choices: { extras: [] },
    });
  });

  test('sending the values the order already has changes nothing, not even the version', async () => {
    const api = await fresh();
    const created = await api.createOrder();
    const res = await api.json('PUT', `/v1/orders/${created.order_id}`, {
      jelly: created.choices.jelly,
      extras: created.choices.extras,
    });
    expect(res).toMatchObject({ version: created.version, updated_at: created.updated_at });
  });

  test.each(['queued', 'prepping'] as const)('is allowed while %s', async (status) => {
    const { api, id } = await orderIn(status);
    const before = await snapshot(api, id);
    const updated = await api.json('PUT', `/v1/orders/${id}`, { bread: 'wheat' });
    expect(updated).toMatchObject({ status, version: before.version + 1, choices: { bread: 'wheat' } });
  });

  test.each(['toasting', 'ready', 'delivered', 'canceled'] as const)(
    'once %s is 409 order_not_editable and changes nothing',
    async (status) => {
      const { api, id } = await orderIn(status);
      const before = await snapshot(api, id);
      const err = await expectError(
        await api.send('PUT', `/v1/orders/${id}`, { bread: 'wheat' }),
        409,
        'order_not_editable',
      );
      expect(err.message).toContain(status);
      expect(await snapshot(api, id)).toEqual(before);
    },
  );

  test("once toasting, asking for an 86'd option is still order_not_editable", async () => {
    const { api, id } = await orderIn('toasting');
    await while86d('jelly', 'apricot', async () => {
      await expectError(await api.send('PUT', `/v1/orders/${id}`, { jelly: 'apricot' }), 409, 'order_not_editable');
    });
  });

  test("to an 86'd option is 409 out_of_stock and changes nothing", async () => {
    const api = await fresh();
    const { order_id } = await api.createOrder({ jelly: 'strawberry' });
    const before = await snapshot(api, order_id);
    await while86d('jelly', 'grape', async () => {
      const res = await api.send('PUT', `/v1/orders/${order_id}`, { jelly: 'grape' });
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({
        error: 'out_of_stock',
        message: 'Grape jelly is out of stock.',
        item: { type: 'jelly', option: 'grape' },
      });
    });
    expect(await snapshot(api, order_id)).toEqual(before);
  });

  test("an order holding an option that was 86'd since can still change its other choices", async () => {
    const api = await fresh();
    const { order_id } = await api.createOrder();
    await while86d('jelly', 'grape', async () => {
      expect(await api.json('PUT', `/v1/orders/${order_id}`, { bread: 'white' })).toMatchObject({
        choices: { bread: 'white', jelly: 'grape' },
      });
    });
  });

  test.each([
    ['an empty object', {}, undefined],
    ['a field that cannot be edited', { customer_id: 'cus_9' }, 'customer_id'],
    ['a misspelt field', { jely: 'apricot' }, 'jely'],
    ['an unknown option', { bread: 'rye' }, 'bread'],
    ['an unknown extra', { extras: ['honey', 'pickles'] }, 'extras.1'],
    ['the same extra twice', { extras: ['honey', 'honey'] }, 'extras'],
    ['more than 10 extras', { extras: Array.from({ length: 11 }, (_, i) => `extra_${i}`) }, 'extras'],
    ['a wrong type', { jelly: 5 }, 'jelly'],
    ['a null choice', { bread: null }, 'bread'],
    ['JSON that is not an object', '[]', undefined],
    ['invalid JSON', '{"jelly": ', undefined],
    ['an empty body', '', undefined],
  ])('with %s is 400 invalid_request and changes nothing', async (_name, body, field) => {
    const api = await fresh();
    const { order_id } = await api.createOrder();
    const before = await snapshot(api, order_id);
    const err = await expectError(await api.send('PUT', `/v1/orders/${order_id}`, body), 400, 'invalid_request');
    expect(err.field).toBe(field);
    expect(await snapshot(api, order_id)).toEqual(before);
  });

  test('an unknown option lists the allowed values', async () => {
    const api = await fresh();
    const { order_id } = await api.createOrder();
    const err = await expectError(
      await api.send('PUT', `/v1/orders/${order_id}`, { cut: 'diagonal' }),
      400,
      'invalid_request',
    );
    expect(err).toMatchObject({ field: 'cut', allowed: MENU.cut.map(([o]) => o) });
  });

  test('a text/plain body is 415 unsupported_media_type and changes nothing', async () => {
    const api = await fresh();
    const { order_id } = await api.createOrder();
    const before = await snapshot(api, order_id);
    const res = await api.send('PUT', `/v1/orders/${order_id}`, JSON.stringify({ jelly: 'apricot' }), {
      'Content-Type': 'text/plain',
    });
    await expectError(res, 415, 'unsupported_media_type');
    expect(await snapshot(api, order_id)).toEqual(before);
  });
});

describe('DELETE /v1/orders/{id}', () => {
  test.each(['queued', 'prepping'] as const)(
    'while %s cancels: 200 with status canceled, canceled_by customer',
    async (status) => {
      const { api, id } = await orderIn(status);
      const before = await snapshot(api, id);
      const res = await api.send('DELETE', `/v1/orders/${id}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        order_id: id,
        status: 'canceled',
        canceled_by: 'customer',
        version: before.version + 1,
      });
      expect(await snapshot(api, id)).toMatchObject({ status: 'canceled', canceled_by: 'customer' });
      expect(await kitchen.ticket(id)).toMatchObject({ status: 'canceled' }); // off the line, in the recall list
    },
  );

  test.each(['toasting', 'ready', 'delivered', 'canceled'] as const)(
    'once %s is 409 order_not_cancelable and changes nothing',
    async (status) => {
      const { api, id } = await orderIn(status);
      const before = await snapshot(api, id);
      await expectError(await api.send('DELETE', `/v1/orders/${id}`), 409, 'order_not_cancelable');
      expect(await snapshot(api, id)).toEqual(before);
    },
  );
});

describe('ETag on GET /v1/orders/{id}', () => {
  async function etagOf(api: ApiClient, id: string): Promise<string> {
    const res = await api.send('GET', `/v1/orders/${id}`);
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    return etag!;
  }
  const ifNoneMatch = (api: ApiClient, id: string, tag: string) =>
    api.send('GET', `/v1/orders/${id}`, undefined, { 'If-None-Match': tag });

  test('If-None-Match with the current ETag is 304 with an empty body', async () => {
    const api = await fresh();
    const { order_id } = await api.createOrder();
    const etag = await etagOf(api, order_id);
    const res = await ifNoneMatch(api, order_id, etag);
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe(etag);
    expect(await res.text()).toBe('');
  });

  test('If-None-Match compares weakly: the tag without W/, or in a list, still matches', async () => {
    const api = await fresh();
    const { order_id } = await api.createOrder();
    const etag = await etagOf(api, order_id);
    expect((await ifNoneMatch(api, order_id, etag.replace(/^W\//, ''))).status).toBe(304);
    expect((await ifNoneMatch(api, order_id, `"stale", ${etag}`)).status).toBe(304);
    expect((await ifNoneMatch(api, order_id, '"stale"')).status).toBe(200);
  });

  test('after a PUT the old ETag no longer matches', async () => {
    const api = await fresh();
    const { order_id } = await api.createOrder();
    const etag = await etagOf(api, order_id);
    await api.json('PUT', `/v1/orders/${order_id}`, { jelly: 'apricot' });
    const res = await ifNoneMatch(api, order_id, etag);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).not.toBe(etag);
    expect((await res.json()).choices.jelly).toBe('apricot');
  });

  test('after the kitchen moves the order the old ETag no longer matches', async () => {
    const api = await fresh();
    const { order_id } = await api.createOrder();
    const etag = await etagOf(api, order_id);
    await kitchen.advanceTo(order_id, 'prepping');
    const res = await ifNoneMatch(api, order_id, etag);
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('prepping');
  });
});

describe('CORS', () => {
  test('the preflight for /v1/orders/{id} is 204 and allows PUT, DELETE and X-API-Key', async () => {
    const res = await fetch(`${server.url}/v1/orders/${UNKNOWN_ID}`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://shop.example',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'x-api-key',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect((res.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/)).toEqual(
      expect.arrayContaining(['x-api-key', 'if-none-match']),
    );
    expect((res.headers.get('access-control-allow-methods') ?? '').split(/\s*,\s*/)).toEqual(
      expect.arrayContaining(['GET', 'PUT', 'DELETE']),
    );
  });
});

describe('no input yields a 5xx', () => {
  const option = menuOption;
  const changes = fc.record(
    {
      bread: option('bread'),
      peanut_butter: option('peanut_butter'),
      jelly: option('jelly'),
      toast: option('toast'),
      cut: option('cut'),
      extras: mostly(fc.subarray(MENU.extras.map(([o]) => o))),
      notes: mostly(fc.option(fc.string({ unit: 'binary', maxLength: 220 }))),
    },
    { requiredKeys: [] },
  );
  const bodies = fc.oneof(
    { arbitrary: changes.map((c) => JSON.stringify(c)), weight: 4 },
    { arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary' }), weight: 1 },
  );
  // '.' and '..' are dot segments: fetch resolves them away before the request leaves.
  const ids = fc.string({ unit: 'binary', minLength: 1 }).filter((id) => id !== '.' && id !== '..');

  test('200 random bodies on PUT, and ids on GET, PUT and DELETE', async () => {
    let target = await orderIn('queued');
    let sent = 0;
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(bodies, ids, async (body, id) => {
        if (++sent % 25 === 0) target = await orderIn('queued'); // a new key every 100 requests: under the rate limit
        const { api } = target;
        seen.add(await expectHandled(await api.send('PUT', `/v1/orders/${target.id}`, body)));
        const path = `/v1/orders/${encodeURIComponent(id)}`;
        await expectHandled(await api.send('GET', path));
        await expectHandled(await api.send('PUT', path, body));
        await expectHandled(await api.send('DELETE', path));
      }),
      { numRuns: 200 },
    );
    expect(seen).toContain(200); // the fuzz changed the order as well as being refused
    expect(seen).toContain(400);
  }, 120_000);

  // Next cannot percent-decode such a segment and would answer a plain-text 500 before any route
  // runs; proxy.ts answers these URLs first.
  test('a malformed percent-encoding in the id is 400 invalid_request in the error shape', async () => {
    const { api } = await orderIn('queued');
    for (const method of ['GET', 'PUT', 'DELETE']) {
      for (const id of ['%', '%E0%A4%A', 'ord_%zz']) {
        const res = await api.send(method, `/v1/orders/${id}`, method === 'PUT' ? { jelly: 'grape' } : undefined);
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({
          error: 'invalid_request',
          message: expect.stringContaining('percent'),
        });
      }
    }
  });
});
