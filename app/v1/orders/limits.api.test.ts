// The /v1 API's limits over real HTTP: the per-key rate limit (a server started with a low
// RATE_LIMIT_PER_MINUTE), the request body cap (a low MAX_BODY_BYTES) and the manager's pause.
// Both servers share this file's SQLite copy, as two instances behind a load balancer would.
import { beforeAll, describe, expect, test } from 'vitest';
import { randomBase32 } from '@/lib/auth/crypto';
import { newApiClient, SEED_EXAMPLE_ORDER, signInStaff, type StaffClient } from '@/test/api';
import { roomInMinuteWindow } from '@/test/eventually';
import { startServer, type TestServer } from '@/test/server';

const RATE_LIMIT = 5;
const MAX_BODY_BYTES = 2048;

let limited: TestServer; // RATE_LIMIT requests per key per minute
let capped: TestServer; // bodies up to MAX_BODY_BYTES
let kitchen: StaffClient;
let manager: StaffClient;
beforeAll(async () => {
  [limited, capped] = await Promise.all([
    startServer({ RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) }),
    startServer({ MAX_BODY_BYTES: String(MAX_BODY_BYTES) }),
  ]);
  kitchen = await signInStaff(capped.url, 'kitchen');
  manager = await signInStaff(capped.url, 'manager');
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- error bodies are read loosely and asserted on
async function expectError(res: Response, status: number, error: string): Promise<any> {
  const body = await res.json();
  expect({ status: res.status, error: body.error }).toEqual({ status, error });
  expect(body.message).toEqual(expect.any(String));
  return body;
}

/** Every order on the kitchen line: counts orders no matter which client placed them. */
async function ticketCount(): Promise<number> {
  const board = await kitchen.json('GET', '/api/tickets');
  return board.tickets.length + board.recent.length;
}

/** The limit counts in fixed one-minute windows: a test that counts requests starts with 8 s of one left. */
const startOfRoomyWindow = () => roomInMinuteWindow(8_000);

const headersOf = (res: Response) => ({
  limit: res.headers.get('ratelimit-limit'),
  remaining: res.headers.get('ratelimit-remaining'),
  reset: Number(res.headers.get('ratelimit-reset')),
});

describe('rate limiting per API key', () => {
  test('normal answers carry RateLimit-* headers and Remaining counts down', async () => {
    await startOfRoomyWindow();
    const api = await newApiClient(limited.url);
    const first = headersOf(await api.send('GET', '/v1/orders'));
    const second = headersOf(await api.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER));
    expect(first).toMatchObject({ limit: String(RATE_LIMIT), remaining: String(RATE_LIMIT - 1) });
    expect(second).toMatchObject({ limit: String(RATE_LIMIT), remaining: String(RATE_LIMIT - 2) });
    expect(first.reset).toBeGreaterThanOrEqual(1);
    expect(first.reset).toBeLessThanOrEqual(60);
  }, 30_000);

  test('past the limit is 429 rate_limited with Retry-After, and the refused POST creates nothing', async () => {
    await startOfRoomyWindow();
    const api = await newApiClient(limited.url);
    for (let i = 0; i < RATE_LIMIT; i++) expect((await api.send('GET', '/v1/orders')).status).toBe(200);
    const before = await ticketCount();
    const res = await api.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER);
    await expectError(res, 429, 'rate_limited');
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(headersOf(res)).toEqual({ limit: String(RATE_LIMIT), remaining: '0', reset: retryAfter });
    expect(await ticketCount()).toBe(before);
  }, 30_000);

  test('every method counts, and a limited key stays limited for the window', async () => {
    await startOfRoomyWindow();
    const api = await newApiClient(limited.url);
    const { order_id } = await api.createOrder();
    await api.json('GET', `/v1/orders/${order_id}`);
    await api.json('PUT', `/v1/orders/${order_id}`, { jelly: 'apricot' });
    await api.json('GET', '/v1/orders');
    await api.json('DELETE', `/v1/orders/${order_id}`);
    for (const method of ['GET', 'DELETE'] as const) {
      await expectError(await api.send(method, `/v1/orders/${order_id}`), 429, 'rate_limited');
    }
  }, 30_000);

  test('one key being limited does not limit another', async () => {
    await startOfRoomyWindow();
    const noisy = await newApiClient(limited.url);
    for (let i = 0; i <= RATE_LIMIT; i++) await noisy.send('GET', '/v1/orders');
    expect((await noisy.send('GET', '/v1/orders')).status).toBe(429);
    const quiet = await newApiClient(limited.url);
    const res = await quiet.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER);
    expect(res.status).toBe(201);
    expect(headersOf(res).remaining).toBe(String(RATE_LIMIT - 1));
  }, 30_000);
});

describe('request body cap (MAX_BODY_BYTES)', () => {
  /** The seed's example order, padded with JSON whitespace to exactly `bytes` bytes. */
  const orderOfSize = (bytes: number, order: object = SEED_EXAMPLE_ORDER) => {
    const json = JSON.stringify(order);
    return json.slice(0, -1) + ' '.repeat(bytes - json.length) + '}';
  };

  test('a body of exactly the cap is accepted', async () => {
    const body = orderOfSize(MAX_BODY_BYTES);
    expect(Buffer.byteLength(body)).toBe(MAX_BODY_BYTES);
    expect((await (await newApiClient(capped.url)).send('POST', '/v1/orders', body)).status).toBe(201);
  });

  test('one byte over is 413 payload_too_large and creates nothing', async () => {
    const api = await newApiClient(capped.url);
    await expectError(await api.send('POST', '/v1/orders', orderOfSize(MAX_BODY_BYTES + 1)), 413, 'payload_too_large');
    expect((await api.json('GET', '/v1/orders')).data).toEqual([]);
  });

  test('a streamed body without Content-Length is cut off at the cap too', async () => {
    const api = await newApiClient(capped.url);
    const chunk = new TextEncoder().encode(' '.repeat(512));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode(JSON.stringify(SEED_EXAMPLE_ORDER).slice(0, -1)));
        if (sent++ < 8)
          controller.enqueue(chunk); // 4 KB of padding in all
        else {
          controller.enqueue(new TextEncoder().encode('}'));
          controller.close();
        }
      },
    });
    const res = await fetch(`${capped.url}/v1/orders`, {
      method: 'POST',
      headers: { 'X-API-Key': api.key, 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    await expectError(res, 413, 'payload_too_large');
    // The unread rest of the body makes the connection unusable: the client is told not to reuse it.
    expect(res.headers.get('connection')).toBe('close');
    expect((await api.json('GET', '/v1/orders')).data).toEqual([]);
  });

  test('a PUT over the cap is 413 and changes nothing', async () => {
    const api = await newApiClient(capped.url);
    const { order_id, version } = await api.createOrder();
    const res = await api.send(
      'PUT',
      `/v1/orders/${order_id}`,
      orderOfSize(MAX_BODY_BYTES + 100, { jelly: 'apricot' }),
    );
    await expectError(res, 413, 'payload_too_large');
    expect(await api.json('GET', `/v1/orders/${order_id}`)).toMatchObject({ version, choices: { jelly: 'grape' } });
  });
});

describe('while the store is paused', () => {
  /** Pauses intake through the manager's real endpoint, resuming whatever happens. */
  async function whilePaused(fn: () => Promise<void>) {
    expect(await manager.json('PUT', '/api/store', { paused: true })).toMatchObject({ paused: true });
    try {
      await fn();
    } finally {
      await manager.json('PUT', '/api/store', { paused: false });
    }
  }

  test('POST /v1/orders is 503 store_paused with Retry-After and creates nothing', async () => {
    const api = await newApiClient(capped.url);
    await whilePaused(async () => {
      const res = await api.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER);
      await expectError(res, 503, 'store_paused');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await api.json('GET', '/v1/orders')).data).toEqual([]);
    });
  });

  test('existing orders can still be read, listed, changed and canceled', async () => {
    const api = await newApiClient(capped.url);
    const kept = (await api.createOrder()).order_id;
    const dropped = (await api.createOrder()).order_id;
    await whilePaused(async () => {
      expect((await api.send('GET', `/v1/orders/${kept}`)).status).toBe(200);
      expect((await api.json('GET', '/v1/orders')).data).toHaveLength(2);
      expect(await api.json('PUT', `/v1/orders/${kept}`, { jelly: 'apricot' })).toMatchObject({
        choices: { jelly: 'apricot' },
      });
      expect(await api.json('DELETE', `/v1/orders/${dropped}`)).toMatchObject({ status: 'canceled' });
    });
  });

  test('a retry of an order placed before the pause replays it', async () => {
    const api = await newApiClient(capped.url);
    const headers = { 'Idempotency-Key': `before-pause-${randomBase32(8)}` };
    const placed = await api.json('POST', '/v1/orders', SEED_EXAMPLE_ORDER, headers);
    await whilePaused(async () => {
      const retry = await api.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER, headers);
      expect(retry.status).toBe(201);
      expect((await retry.json()).order_id).toBe(placed.order_id);
    });
  });

  test('after resuming, POST takes orders again', async () => {
    const api = await newApiClient(capped.url);
    await whilePaused(async () => {
      expect((await api.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER)).status).toBe(503);
    });
    expect((await api.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER)).status).toBe(201);
  });
});

describe('the NUL character (PostgreSQL text cannot hold it; never meant in an order)', () => {
  test('in a JSON text field is 400 naming it, and creates nothing', async () => {
    const api = await newApiClient(capped.url);
    const res = await api.send('POST', '/v1/orders', { ...SEED_EXAMPLE_ORDER, notes: 'no\u0000crust' });
    expect((await expectError(res, 400, 'invalid_request')).message).toContain('NUL');
    expect((await api.json('GET', '/v1/orders')).data).toEqual([]);
    // An escaped backslash before "u0000" is ordinary text, not a NUL.
    expect((await api.send('POST', '/v1/orders', { ...SEED_EXAMPLE_ORDER, notes: 'path C:\\u0000' })).status).toBe(201);
  });

  test('in a path or a header it finds nothing: 404 or 401, never a 5xx', async () => {
    const api = await newApiClient(capped.url);
    await expectError(await api.send('GET', '/v1/orders/ord_%00abc'), 404, 'not_found');
    await expectError(await api.send('DELETE', '/v1/orders/ord_%00abc'), 404, 'not_found');
    await expectError(
      await fetch(`${capped.url}/v1/orders`, { headers: { 'X-API-Key': `${api.key}%00` } }),
      401,
      'unauthorized',
    );
    const tracker = await fetch(`${capped.url}/api/track/ord_%00abc`);
    expect(tracker.status).toBe(404);
  });
});
