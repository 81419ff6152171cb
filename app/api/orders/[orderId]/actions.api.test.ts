// The kitchen's taps, one static route each beside this file (advance, undo, cancel, acknowledge, rush,
// unrush, item) and a ticket's history: tested together, as a cook uses them.
import { beforeAll, describe, expect, test } from 'vitest';
import { newApiClient, signInStaff, type ApiClient, type StaffClient } from '@/test/api';
import { HUB_SECRET, hubOrder, postWebhook } from '@/test/kitchenhub';
import { startServer, type TestServer } from '@/test/server';

let server: TestServer;
let api: ApiClient;
let kitchen: StaffClient;
beforeAll(async () => {
  server = await startServer({ KITCHENHUB_WEBHOOK_SECRET: HUB_SECRET });
  api = await newApiClient(server.url);
  kitchen = await signInStaff(server.url, 'kitchen');
});
const tap = (orderId: string, action: string, version: number, who: StaffClient = kitchen) =>
  who.send('POST', `/api/orders/${orderId}/${action}`, { version });

describe('kitchen ticket actions', () => {
  test('each tap moves one step and the API sees it; toast "none" goes from prepping straight to ready', async () => {
    const toasted = await api.createOrder({ toast: 'light' });
    const plain = await api.createOrder({ toast: 'none' });
    const walk = async (id: string) => {
      const seen: string[] = [];
      for (let v = 1; ; v++) {
        const res = await tap(id, 'advance', v);
        if (res.status !== 200) {
          expect(res.status).toBe(409);
          break;
        }
        const { ticket } = await res.json();
        expect(ticket.version).toBe(v + 1);
        seen.push(ticket.status);
        expect((await api.json('GET', `/v1/orders/${id}`)).status).toBe(ticket.status);
      }
      return seen;
    };
    expect(await walk(toasted.order_id)).toEqual(['prepping', 'toasting', 'ready', 'delivered']);
    expect(await walk(plain.order_id)).toEqual(['prepping', 'ready', 'delivered']);
  });

  test('undo moves back one step; recall brings a handed-off ticket back to ready', async () => {
    const { order_id } = await api.createOrder({ toast: 'none' });
    await kitchen.advanceTo(order_id, 'delivered');
    const t = await kitchen.ticket(order_id);
    const res = await tap(order_id, 'undo', t.version);
    expect((await res.json()).ticket).toMatchObject({ status: 'ready' });
    expect((await api.json('GET', `/v1/orders/${order_id}`)).status).toBe('ready');
  });

  test('a stale version (another screen tapped first) is 409 conflict with the current ticket, and moves nothing', async () => {
    const { order_id } = await api.createOrder();
    const other = await signInStaff(server.url, 'manager');
    const [a, b] = await Promise.all([tap(order_id, 'advance', 1), tap(order_id, 'advance', 1, other)]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(await loser.json()).toMatchObject({
      error: 'conflict',
      order: { order_id, status: 'prepping', version: 2 },
    });
    expect((await kitchen.ticket(order_id)).status).toBe('prepping');
  });

  test('kitchen cancel works while queued or prepping and is refused from toasting on', async () => {
    const q = await api.createOrder();
    const res = await tap(q.order_id, 'cancel', 1);
    expect((await res.json()).ticket).toMatchObject({ status: 'canceled', canceled_by: 'kitchen' });
    const p = await api.createOrder({ toast: 'dark' });
    await kitchen.advanceTo(p.order_id, 'toasting');
    const refused = await tap(p.order_id, 'cancel', 3);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: 'order_not_cancelable', status: 'toasting' });
  });

  test('no session is 401; an unknown order or action is 404; a missing version is 400', async () => {
    const { order_id } = await api.createOrder();
    expect(
      (
        await fetch(`${server.url}/api/orders/${order_id}/advance`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"version":1}',
        })
      ).status,
    ).toBe(401);
    expect((await tap('ord_aaaaaaaaaaaaaaaaaaaa', 'advance', 1)).status).toBe(404);
    const unknown = await tap(order_id, 'explode', 1); // no such route: the catch-all's 404, in our error shape
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'not_found' });
    const bad = await kitchen.send('POST', `/api/orders/${order_id}/advance`, {});
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_request', field: 'version' });
    expect((await kitchen.ticket(order_id)).version).toBe(1);
  });
});

describe('acknowledging what changed', () => {
  test('an API edit flags the ticket with what changed (first "from", latest "to") until acknowledged on any screen', async () => {
    const { order_id } = await api.createOrder({ jelly: 'grape', bread: 'white' });
    await api.json('PUT', `/v1/orders/${order_id}`, { jelly: 'apricot' });
    await api.json('PUT', `/v1/orders/${order_id}`, { jelly: 'raspberry', bread: 'wheat' });
    await api.json('PUT', `/v1/orders/${order_id}`, { bread: 'white' }); // changed back: no longer a change
    const t = await kitchen.ticket(order_id);
    const board = await kitchen.json('GET', '/api/tickets');
    const flagged = board.tickets.find((x: { order_id: string }) => x.order_id === order_id);
    expect(flagged.attention).toEqual({ kind: 'edited', changes: { jelly: { from: 'grape', to: 'raspberry' } } });
    const stale = await tap(order_id, 'acknowledge', t.version - 1);
    expect(stale.status).toBe(409); // a newer edit than the cook saw is not acknowledged unseen
    const res = await tap(order_id, 'acknowledge', t.version);
    expect((await res.json()).ticket).toMatchObject({ attention: null, version: t.version + 1 });
    const again = await tap(order_id, 'acknowledge', t.version); // the other screen's tap: nothing left to do
    expect(again.status).toBe(200);
  });

  test('a customer cancel stays on the board until acknowledged; a kitchen cancel needs no acknowledgement', async () => {
    const a = await api.createOrder();
    await api.json('DELETE', `/v1/orders/${a.order_id}`);
    let board = await kitchen.json('GET', '/api/tickets');
    const onBoard = (id: string) => board.tickets.some((x: { order_id: string }) => x.order_id === id);
    expect(onBoard(a.order_id)).toBe(true);
    const t = await kitchen.ticket(a.order_id);
    expect(t).toMatchObject({ status: 'canceled' });
    await tap(a.order_id, 'acknowledge', t.version);
    board = await kitchen.json('GET', '/api/tickets');
    expect(onBoard(a.order_id)).toBe(false);
    expect(board.recent.some((x: { order_id: string }) => x.order_id === a.order_id)).toBe(true);

    const b = await api.createOrder();
    await tap(b.order_id, 'cancel', 1);
    board = await kitchen.json('GET', '/api/tickets');
    expect(onBoard(b.order_id)).toBe(false);
  });
});

describe('stock and store controls', () => {
  test('kitchen staff can 86 an option and bring it back; unknown options are 404', async () => {
    const off = await kitchen.json('PUT', '/api/stock/extras/bacon', { in_stock: false });
    expect(off).toMatchObject({ type: 'extras', option: 'bacon', in_stock: false });
    const refused = await api.send('POST', '/v1/orders', {
      customer_id: 'c',
      bread: 'white',
      peanut_butter: 'smooth',
      jelly: 'grape',
      extras: ['bacon'],
    });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({
      error: 'out_of_stock',
      message: 'Bacon is out of stock.',
      item: { type: 'extras', option: 'bacon' },
    });
    await kitchen.json('PUT', '/api/stock/extras/bacon', { in_stock: true });
    expect((await kitchen.send('PUT', '/api/stock/extras/caviar', { in_stock: false })).status).toBe(404);
    expect((await kitchen.send('PUT', '/api/stock/sauce/bbq', { in_stock: false })).status).toBe(404);
  });

  test('pausing intake is for managers only', async () => {
    const res = await kitchen.send('PUT', '/api/store', { paused: true });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'forbidden' });
    expect((await kitchen.json('GET', '/api/store')).paused).toBe(false);
  });
});

describe('a ticket’s history', () => {
  test('every event in words, with who did it and what changed; unknown ids 404; staff only', async () => {
    const order = await api.createOrder({ customer_name: 'Hattie History', jelly: 'grape' });
    await api.json('PUT', `/v1/orders/${order.order_id}`, { jelly: 'strawberry' });
    const t = await kitchen.ticket(order.order_id);
    await kitchen.json('POST', `/api/orders/${order.order_id}/acknowledge`, { version: t.version });
    await kitchen.advanceTo(order.order_id, 'prepping');
    const { events } = await kitchen.json('GET', `/api/orders/${order.order_id}/history`);
    expect(events.map((e: { what: string; by: string }) => `${e.what} · ${e.by}`)).toEqual([
      'Placed · the ordering app',
      'Changed · the ordering app',
      'Seen by the kitchen · Casey',
      'Moved to Prepping · Casey',
    ]);
    expect(events[1].changes).toEqual([{ field: 'jelly', from: 'grape', to: 'strawberry' }]);
    const missing = await kitchen.send('GET', '/api/orders/ord_nope/history');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
    const wrongMethod = await kitchen.send('GET', `/api/orders/${order.order_id}/advance`);
    expect(wrongMethod.status).toBe(405); // advance is a route of its own now: it names the method it takes
    expect(wrongMethod.headers.get('allow')).toBe('POST, OPTIONS');
    expect((await fetch(`${server.url}/api/orders/${order.order_id}/history`)).status).toBe(401);
  });
});

describe('rush', () => {
  test('a rushed ticket goes first on the board and in the ETA; the mark comes off again; only while being made', async () => {
    const placed = [];
    for (let i = 0; i < 6; i++) placed.push(await api.createOrder({ customer_name: `Queue ${i}`, toast: 'none' }));
    const last = placed.at(-1)!;
    const etaOf = async (id: string) =>
      (await (await fetch(`${server.url}/api/track/${id}`)).json()).eta_minutes as number;
    const before = await etaOf(last.order_id);

    const t = await kitchen.ticket(last.order_id);
    const rushed = await kitchen.json('POST', `/api/orders/${last.order_id}/rush`, { version: t.version });
    expect(rushed.ticket).toMatchObject({ rush: true });
    const board = await kitchen.json('GET', '/api/tickets');
    expect(board.tickets[0].order_id).toBe(last.order_id);
    expect(await etaOf(last.order_id)).toBeLessThan(before);
    const { events } = await kitchen.json('GET', `/api/orders/${last.order_id}/history`);
    expect(events.at(-1)).toMatchObject({ what: 'Marked RUSH', by: 'Casey' });

    const again = await kitchen.json('POST', `/api/orders/${last.order_id}/rush`, { version: rushed.ticket.version });
    expect(again.ticket.version).toBe(rushed.ticket.version); // already rushed: nothing changes

    const unrushed = await kitchen.json('POST', `/api/orders/${last.order_id}/unrush`, {
      version: rushed.ticket.version,
    });
    expect(unrushed.ticket).toMatchObject({ rush: false });
    expect(await etaOf(last.order_id)).toBe(before);

    const done = placed[0]!;
    await kitchen.advanceTo(done.order_id, 'ready');
    const readyTicket = await kitchen.ticket(done.order_id);
    const refused = await kitchen.send('POST', `/api/orders/${done.order_id}/rush`, { version: readyTicket.version });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: 'conflict', order: { rush: false } });
  });
});

describe('item-level bumping', () => {
  test('each item of a delivery-app order is marked done; the first starts it, the last makes it ready', async () => {
    const id = String(7_300_000_000_000_000 + Math.floor(Math.random() * 1e9));
    const res = await postWebhook(server.url, hubOrder(id, 'accepted'));
    expect(res.status).toBe(200);
    const { order_id: orderId } = (await res.json()) as { order_id: string };
    const start = await kitchen.ticket(orderId);
    const board = await kitchen.json('GET', '/api/tickets');
    const items = board.tickets.find((t: { order_id: string }) => t.order_id === orderId).items as unknown[];
    expect(items.length).toBeGreaterThan(1);

    let version = start.version;
    const mark = async (index: number, done: boolean) => {
      const r = await kitchen.json('POST', `/api/orders/${orderId}/item`, { version, index, done });
      version = r.ticket.version;
      return r.ticket as { status: string; items_done: number[] };
    };
    expect(await mark(0, true)).toMatchObject({ status: 'prepping', items_done: [0] });
    expect(await mark(0, false)).toMatchObject({ status: 'prepping', items_done: [] });
    for (let i = 0; i < items.length - 1; i++) await mark(i, true);
    const last = await mark(items.length - 1, true);
    expect(last).toMatchObject({ status: 'ready', items_done: items.map((_, i) => i) });

    const refused = await kitchen.send('POST', `/api/orders/${orderId}/item`, { version, index: 0, done: false });
    expect(refused.status).toBe(409); // ready: items are marked while it is being made
    const bad = await kitchen.send('POST', `/api/orders/${orderId}/item`, { version, index: 99, done: true });
    expect([400, 409]).toContain(bad.status);
    expect((await kitchen.send('POST', `/api/orders/${orderId}/item`, { version, index: -1, done: true })).status).toBe(
      400,
    );
    const { events } = await kitchen.json('GET', `/api/orders/${orderId}/history`);
    expect(events.map((e: { what: string }) => e.what)).toContain('Item done');
  });

  test('an order without separate items cannot be marked item by item', async () => {
    const order = await api.createOrder({ customer_name: 'No Items' });
    const res = await kitchen.send('POST', `/api/orders/${order.order_id}/item`, { version: 1, index: 0, done: true });
    expect(res.status).toBe(409);
  });
});
