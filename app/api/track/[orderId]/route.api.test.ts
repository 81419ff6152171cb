import { beforeAll, describe, expect, test } from 'vitest';
import { orderHistory } from '@/db/storage/orders';
import { newApiClient, signInStaff, type ApiClient, type StaffClient } from '@/test/api';
import { startServer, type TestServer } from '@/test/server';
import { SseReader, type SseEvent } from '@/test/sse';

let server: TestServer;
let api: ApiClient;
let kitchen: StaffClient;
beforeAll(async () => {
  server = await startServer();
  api = await newApiClient(server.url);
  kitchen = await signInStaff(server.url, 'kitchen');
});

const PRIVATE = {
  customer_id: 'cus_private_7731',
  customer_name: 'Robin Hoodwinkle',
  notes: 'Call me on 555-0199 when ready',
};
const track = (id: string, init: RequestInit = {}) => fetch(`${server.url}/api/track/${id}`, init);
const cancel = (id: string) => fetch(`${server.url}/api/track/${id}/cancel`, { method: 'POST' });
type View = { order_id: string; status: string; version: number; eta_minutes: number | null; steps: string[] };
const viewOf = (e: SseEvent) => e.data as View;

describe('unknown and malformed ids', () => {
  test('are the same 404 not_found on every tracker route, revealing nothing', async () => {
    const ids = [
      'ord_aaaaaaaaaaaaaaaaaaaa',
      'ord_short',
      'ORD_AAAAAAAAAAAAAAAAAAAA',
      'hello',
      encodeURIComponent('ord_aaaa/../../v1/orders'),
    ];
    const bodies = new Set<string>();
    for (const id of ids) {
      for (const res of [await track(id), await track(`${id}/events`), await cancel(id)]) {
        expect(res.status, `${res.url}`).toBe(404);
        const body = await res.json();
        expect(body).toEqual({ error: 'not_found', message: expect.any(String) });
        bodies.add(JSON.stringify(body));
      }
    }
    expect(bodies.size).toBe(1); // one answer for all: nothing tells a malformed id from an unknown one
  });
});

describe('GET /api/track/{id}', () => {
  test('is the public view: steps, ETA, labelled choices and a first name, but no customer_id, full name or notes', async () => {
    const { order_id } = await api.createOrder({ ...PRIVATE, toast: 'light', extras: ['banana_slices', 'sea_salt'] });
    const res = await track(order_id);
    expect(res.status).toBe(200);
    const text = await res.text();
    const view = JSON.parse(text);
    expect(Object.keys(view).sort()).toEqual(
      [
        'canceled_by',
        'choices',
        'customer_first_name',
        'daily_number',
        'eta_minutes',
        'items',
        'order_id',
        'provider',
        'server_time',
        'status',
        'steps',
        'version',
      ].sort(),
    );
    expect(view).not.toHaveProperty('customer_id');
    for (const secret of [PRIVATE.customer_id, 'Hoodwinkle', '555-0199', api.clientId])
      expect(text).not.toContain(secret);
    expect(view).toMatchObject({
      order_id,
      status: 'queued',
      steps: ['queued', 'prepping', 'toasting', 'ready', 'delivered'],
      customer_first_name: 'Robin',
      canceled_by: null,
      version: 1,
      items: null,
      choices: {
        bread: { option: 'brioche', label: 'Brioche' },
        peanut_butter: { option: 'smooth', label: 'Smooth' },
        jelly: { option: 'grape', label: 'Grape' },
        toast: { option: 'light', label: 'Light' },
        cut: { option: 'halves', label: 'Halves' },
        extras: [
          { option: 'banana_slices', label: 'Banana slices' },
          { option: 'sea_salt', label: 'Sea salt' },
        ],
      },
    });
    expect(view.eta_minutes).toBeGreaterThanOrEqual(1);
    expect(Math.abs(view.server_time - Date.now())).toBeLessThan(60_000);
  });

  test('an order without toast has four steps', async () => {
    const { order_id } = await api.createOrder({ toast: 'none' });
    expect((await (await track(order_id)).json()).steps).toEqual(['queued', 'prepping', 'ready', 'delivered']);
  });

  test('answers If-None-Match with 304 while nothing changed, and 200 with a new ETag once the kitchen moves the order', async () => {
    const { order_id } = await api.createOrder();
    const first = await track(order_id);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await track(order_id, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    await kitchen.advanceTo(order_id, 'prepping');
    const moved = await track(order_id, { headers: { 'If-None-Match': etag! } });
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).not.toBe(etag);
    expect(await moved.json()).toMatchObject({ status: 'prepping', version: 2 });
  });
});

describe('POST /api/track/{id}/cancel', () => {
  test('cancels a queued order for the customer, logged as the tracker', async () => {
    const { order_id } = await api.createOrder();
    const res = await cancel(order_id);
    expect(res.status).toBe(200);
    const view = await res.json();
    expect(view).toMatchObject({ order_id, status: 'canceled', canceled_by: 'customer', eta_minutes: null });
    expect(view).not.toHaveProperty('customer_id');
    expect(await api.json('GET', `/v1/orders/${order_id}`)).toMatchObject({
      status: 'canceled',
      canceled_by: 'customer',
    });
    expect((await orderHistory(order_id)).at(-1)).toMatchObject({
      action: 'cancel',
      actor: 'tracker',
      toStatus: 'canceled',
    });
  });

  test('still cancels once the kitchen has started making it (prepping)', async () => {
    const { order_id } = await api.createOrder();
    await kitchen.advanceTo(order_id, 'prepping');
    expect((await cancel(order_id)).status).toBe(200);
    expect((await kitchen.ticket(order_id)).status).toBe('canceled');
  });

  test('once toasting: 409 order_not_cancelable with the order as it is now, and nothing changes', async () => {
    const { order_id } = await api.createOrder({ ...PRIVATE, toast: 'dark' });
    await kitchen.advanceTo(order_id, 'toasting');
    const res = await cancel(order_id);
    expect(res.status).toBe(409);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({
      error: 'order_not_cancelable',
      message: expect.stringContaining('toasting'),
      order: { order_id, status: 'toasting', version: 3, canceled_by: null },
    });
    expect(text).not.toContain(PRIVATE.customer_id);
    expect(await kitchen.ticket(order_id)).toMatchObject({ status: 'toasting', version: 3 });
  });

  test('an order already canceled by the kitchen is 409 too, saying who canceled it', async () => {
    const { order_id } = await api.createOrder();
    await kitchen.json('POST', `/api/orders/${order_id}/cancel`, { version: 1 });
    const res = await cancel(order_id);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      error: 'order_not_cancelable',
      order: { status: 'canceled', canceled_by: 'kitchen' },
    });
  });
});

describe('GET /api/track/{id}/events', () => {
  test("streams only its own order's events, each as the public view with an ETA", async () => {
    const mine = await api.createOrder({ ...PRIVATE, toast: 'light' });
    const stream = await SseReader.open(`${server.url}/api/track/${mine.order_id}/events`);
    try {
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      expect(stream.headers.get('cache-control')).toBe('no-cache, no-transform');
      await stream.next((e) => e.event === 'ready');
      const other = await api.createOrder();
      await kitchen.advanceTo(other.order_id, 'prepping');
      await kitchen.advanceTo(mine.order_id, 'toasting');
      await kitchen.advanceTo(other.order_id, 'ready');
      await kitchen.advanceTo(mine.order_id, 'ready');
      await stream.next((e) => e.event === 'order' && viewOf(e).status === 'ready');
      const pushed = stream.all().filter((e) => e.event === 'order');
      expect(pushed.map((e) => [viewOf(e).order_id, viewOf(e).status])).toEqual([
        [mine.order_id, 'prepping'],
        [mine.order_id, 'toasting'],
        [mine.order_id, 'ready'],
      ]);
      expect(pushed.map((e) => viewOf(e).eta_minutes)).toEqual([expect.any(Number), expect.any(Number), 0]);
      for (const e of pushed) expect(e.data).not.toHaveProperty('customer_id');
      expect(JSON.stringify(stream.all())).not.toContain(PRIVATE.customer_id);
      expect(JSON.stringify(stream.all())).not.toContain(other.order_id);
    } finally {
      stream.close();
    }
  });

  test("a reconnect with Last-Event-ID replays only this order's missed events", async () => {
    const mine = await api.createOrder({ toast: 'none' });
    const first = await SseReader.open(`${server.url}/api/track/${mine.order_id}/events`);
    await first.next((e) => e.event === 'ready');
    await kitchen.advanceTo(mine.order_id, 'prepping');
    const seen = await first.next((e) => e.event === 'order' && viewOf(e).status === 'prepping');
    first.close(); // the phone loses its signal
    const other = await api.createOrder();
    await kitchen.advanceTo(mine.order_id, 'ready');
    await kitchen.advanceTo(other.order_id, 'prepping');
    const resumed = await SseReader.open(`${server.url}/api/track/${mine.order_id}/events`, {
      'Last-Event-ID': seen.id!,
    });
    try {
      await resumed.next((e) => e.event === 'ready');
      const replay = resumed.all().filter((e) => e.event === 'order');
      expect(replay.map((e) => [viewOf(e).order_id, viewOf(e).status])).toEqual([[mine.order_id, 'ready']]);
      expect(Number(replay[0]?.id)).toBeGreaterThan(Number(seen.id));
    } finally {
      resumed.close();
    }
  });
});
