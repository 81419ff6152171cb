import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { signInStaff, type StaffClient } from '@/test/api';
import {
  HUB_SECRET,
  hubOrder,
  ORDER_EXAMPLE_TEXT,
  orderExample,
  postWebhook,
  sign,
  WEBHOOK_CREATED_TEXT,
} from '@/test/kitchenhub';
import { startServer, type TestServer } from '@/test/server';
import { SseReader } from '@/test/sse';

let server: TestServer;
let manager: StaffClient;
let kitchen: StaffClient;
let nextId = 7_000_000_000_000_000; // above 2^52: ids that big are normal for KitchenHub
const newId = () => String(++nextId);

beforeAll(async () => {
  server = await startServer({ KITCHENHUB_WEBHOOK_SECRET: HUB_SECRET, JOB_INTERVAL_MS: '250' });
  manager = await signInStaff(server.url, 'manager');
  kitchen = await signInStaff(server.url, 'kitchen');
});

type HubView = { hub_order_id: string; order_id: string | null; state: string; hub_status: string };
const hubOrderOf = async (id: string) =>
  (await manager.json('GET', `/api/kitchenhub/orders/${id}`)) as { hub_order: HubView; data: Record<string, unknown> };
const incoming = async () =>
  (await manager.json('GET', '/api/kitchenhub/orders')) as { pending: HubView[]; scheduled: HubView[] };
const deliveries = async () =>
  (await manager.json('GET', '/api/kitchenhub/deliveries')).deliveries as Array<{
    hub_order_id: string | null;
    outcome: string;
    event_type: string | null;
    error: string | null;
  }>;
const board = async () =>
  (await kitchen.json('GET', '/api/tickets')) as {
    tickets: Array<{
      order_id: string;
      status: string;
      provider: string | null;
      source: string;
      items: unknown[];
      customer_first_name: string | null;
      attention: unknown;
      canceled_by: string | null;
      version: number;
    }>;
    recent: Array<{ order_id: string; status: string }>;
  };
const ticketOf = async (orderId: string) => {
  const b = await board();
  return b.tickets.find((t) => t.order_id === orderId) ?? b.recent.find((t) => t.order_id === orderId);
};
const send = async (body: string) => {
  const res = await postWebhook(server.url, body);
  return { status: res.status, body: await res.json() };
};

describe('KitchenHub webhook: authenticity first', () => {
  test('a wrong registered header is 401 and stores nothing but a rejected-delivery record', async () => {
    const id = newId();
    const body = hubOrder(id, 'new');
    const res = await postWebhook(server.url, body, { header: 'another-secret-0123456789' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'unauthorized' });
    expect((await manager.send('GET', `/api/kitchenhub/orders/${id}`)).status).toBe(404);
    const [last] = await deliveries();
    expect(last).toMatchObject({ outcome: 'unauthorized', hub_order_id: null });
  });

  test('no header is 401; an HMAC signature or ?token= alone is 401 too (not KitchenHub’s scheme unless configured)', async () => {
    const body = hubOrder(newId(), 'new');
    expect((await postWebhook(server.url, body, {})).status).toBe(401);
    expect((await postWebhook(server.url, body, { signature: sign(body) })).status).toBe(401);
    expect((await postWebhook(server.url, body, { token: HUB_SECRET })).status).toBe(401);
    expect((await postWebhook(server.url, body, { header: HUB_SECRET })).status).toBe(200);
  });
});

describe('KitchenHub webhook behind a proxy: KITCHENHUB_WEBHOOK_AUTH=hmac or token', () => {
  test('hmac: a signature over the raw body is accepted; over a different body, or missing, refused', async () => {
    const proxied = await startServer({
      KITCHENHUB_WEBHOOK_SECRET: HUB_SECRET,
      KITCHENHUB_WEBHOOK_AUTH: 'hmac',
      KITCHENHUB_POLL_SECONDS: '0',
    });
    try {
      const body = hubOrder(newId(), 'new');
      expect((await postWebhook(proxied.url, body, { signature: sign(body) })).status).toBe(200);
      expect(
        (await postWebhook(proxied.url, body.replace('"GrubHub"', '"EvilHub"'), { signature: sign(body) })).status,
      ).toBe(401);
      expect((await postWebhook(proxied.url, hubOrder(newId(), 'new'), { header: HUB_SECRET })).status).toBe(401);
    } finally {
      await proxied.stop();
    }
  });

  test('token: the secret as ?token= is accepted; a wrong token is 401', async () => {
    const proxied = await startServer({
      KITCHENHUB_WEBHOOK_SECRET: HUB_SECRET,
      KITCHENHUB_WEBHOOK_AUTH: 'token',
      KITCHENHUB_POLL_SECONDS: '0',
    });
    try {
      const body = hubOrder(newId(), 'new');
      expect((await postWebhook(proxied.url, body, { token: 'wrong-token-0123456789' })).status).toBe(401);
      expect((await postWebhook(proxied.url, body, { token: HUB_SECRET })).status).toBe(200);
    } finally {
      await proxied.stop();
    }
  });
});

describe('KitchenHub webhook: ingestion', () => {
  test("the seed's example Order ingests verbatim, bare, and every field reads back", async () => {
    const res = await send(ORDER_EXAMPLE_TEXT);
    expect(res).toMatchObject({
      status: 200,
      body: { received: true, outcome: 'applied', hub_order_id: '5501505922269184' },
    });
    const stored = await hubOrderOf('5501505922269184');
    expect(stored.data).toEqual(orderExample());
    expect(stored.hub_order).toMatchObject({ state: 'completed', hub_status: 'completed', order_id: null });
  });

  test('the webhook envelope (OrderCreated, new, ASAP) becomes a pending order for the manager, not a ticket', async () => {
    const res = await send(WEBHOOK_CREATED_TEXT.replace('5501505922269184', '5501505922269185'));
    expect(res.status).toBe(200);
    const { pending } = await incoming();
    const mine = pending.find((h) => h.hub_order_id === '5501505922269185');
    expect(mine).toMatchObject({
      state: 'pending',
      order_type: 'delivery',
      asap: true,
      provider: { id: 'grubhub', name: 'GrubHub' },
      customer_first_name: 'Ari',
      charges: { total: '69.85' },
    });
    expect(mine).toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ name: 'Magic Roll' })]) });
    expect(mine?.order_id).toBeNull();
  });

  test('an id beyond 2^53 is kept exactly', async () => {
    const body = hubOrder('9007199254740993', 'new');
    expect(body).toContain('"id":9007199254740993'); // sent as a JSON number
    const res = await send(body);
    expect(res.body.hub_order_id).toBe('9007199254740993');
    const stored = await hubOrderOf('9007199254740993');
    expect((stored.data.order as { id: unknown }).id).toBe('9007199254740993');
    expect((await manager.send('GET', '/api/kitchenhub/orders/9007199254740992')).status).toBe(404);
  });

  test('the same delivery twice creates nothing new', async () => {
    const id = newId();
    const body = hubOrder(id, 'accepted');
    const first = await send(body);
    const again = await send(body);
    expect(first.body.outcome).toBe('applied');
    expect(again.body).toMatchObject({ outcome: 'duplicate', order_id: first.body.order_id });
    const tickets = (await board()).tickets.filter((t) => t.order_id === first.body.order_id);
    expect(tickets).toHaveLength(1);
  });

  test('malformed or incomplete orders are 400 in the error shape, kept for the manager, never a 5xx', async () => {
    const notJson = await postWebhook(server.url, '{"order": {');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: 'invalid_request' });
    const o = JSON.parse(hubOrder(newId(), 'new')) as { order: { items?: unknown } };
    delete o.order.items;
    const incomplete = await postWebhook(server.url, JSON.stringify(o));
    expect(incomplete.status).toBe(400);
    expect(await incomplete.json()).toMatchObject({ error: 'invalid_request', field: 'items' });
    const badStatus = await postWebhook(server.url, hubOrder(newId(), 'eaten'));
    expect(badStatus.status).toBe(400);
    const log = await deliveries();
    expect(log.slice(0, 3).map((d) => d.outcome)).toEqual(['invalid', 'invalid', 'invalid']);
  });

  test('other notification types are stored and acknowledged with 200, changing no order', async () => {
    const menu = await postWebhook(
      server.url,
      JSON.stringify({
        version: '2.0.0',
        event_data: { event_type: 'MenuIntegrationStatus', status: 'Success' },
        menu: { id: 1 },
      }),
    );
    expect(menu.status).toBe(200);
    expect(await menu.json()).toMatchObject({ outcome: 'ignored', event_type: 'MenuIntegrationStatus' });
    const alert = await postWebhook(server.url, JSON.stringify({ type: 'Alert', message: 'Tablet offline' }));
    expect(alert.status).toBe(200);
    expect((await deliveries())[0]).toMatchObject({ outcome: 'ignored', event_type: 'Alert' });
  });
});

describe('KitchenHub webhook: broken bodies after authentication (issue 25, item 3)', () => {
  /** Posts raw bytes with the registered header; answers status and the error body. */
  const postBytes = async (
    bytes: BodyInit,
    headers: Record<string, string> = { 'X-KDS-Webhook-Secret': HUB_SECRET },
  ) => {
    const res = await fetch(`${server.url}/api/kitchenhub/webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: bytes,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  test.each([['null'], ['42'], ['"an order"'], ['[]'], ['[{"order":{}}]'], ['true']])(
    '%s is no notification of any kind: 400 recorded as invalid, never 200 ignored',
    async (body) => {
      const res = await postBytes(body);
      expect(res).toEqual({
        status: 400,
        body: {
          error: 'invalid_request',
          message: 'The webhook body must be a JSON object: every KitchenHub notification is one.',
        },
      });
      expect((await deliveries())[0]).toMatchObject({
        outcome: 'invalid',
        error: expect.stringContaining('JSON object'),
      });
    },
  );

  test("an order whose data nests objects thousands deep is 400 (a depth limit of 64), never a 5xx; a real order's nesting passes", async () => {
    const text = hubOrder(newId(), 'new', { data: '__DEEP__' }).replace(
      '"__DEEP__"',
      '{"a":'.repeat(5000) + '1' + '}'.repeat(5000),
    );
    const res = await postBytes(text);
    expect(res).toEqual({
      status: 400,
      body: { error: 'invalid_request', message: 'The webhook body nests objects or arrays more than 64 levels deep.' },
    });
    expect((await deliveries())[0]).toMatchObject({ outcome: 'invalid' });
    // 60 levels inside an order's free-form data is still a delivery like any other.
    const fine = hubOrder(newId(), 'new', { data: '__DEEP__' }).replace(
      '"__DEEP__"',
      '{"a":'.repeat(60) + '1' + '}'.repeat(60),
    );
    expect((await postBytes(fine)).status).toBe(200);
  });

  test('a body that is not UTF-8 is 400 after the secret header authenticated it', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"type":"Alert","message":"'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('"}'),
    ]);
    expect(await postBytes(bytes)).toEqual({
      status: 400,
      body: { error: 'invalid_request', message: 'The webhook body is not valid UTF-8.' },
    });
    expect((await deliveries())[0]).toMatchObject({
      outcome: 'invalid',
      error: 'The webhook body is not valid UTF-8.',
    });
  });

  test('hmac: the signature is over the raw bytes, so a body that is not UTF-8 authenticates (not 401) and then is 400', async () => {
    const proxied = await startServer({
      KITCHENHUB_WEBHOOK_SECRET: HUB_SECRET,
      KITCHENHUB_WEBHOOK_AUTH: 'hmac',
      KITCHENHUB_POLL_SECONDS: '0',
      KITCHENHUB_SANDBOX: 'false',
    });
    try {
      const bytes = Buffer.concat([
        Buffer.from('{"type":"Alert","message":"caf'),
        Buffer.from([0xe9]),
        Buffer.from('"}'),
      ]); // Latin-1 é
      const signature = `sha256=${createHmac('sha256', HUB_SECRET).update(bytes).digest('hex')}`;
      const post = (body: BodyInit, sig: string) =>
        fetch(`${proxied.url}/api/kitchenhub/webhook`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-KitchenHub-Signature': sig },
          body,
        });
      const res = await post(bytes, signature);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'invalid_request', message: 'The webhook body is not valid UTF-8.' });
      // The signature of the text a lenient decoder would make of those bytes is not the signature of the bytes.
      const lenient = `sha256=${createHmac('sha256', HUB_SECRET).update(bytes.toString('utf8')).digest('hex')}`;
      expect((await post(bytes, lenient)).status).toBe(401);
      // A UTF-8 body signed over its bytes is accepted as before.
      const alert = Buffer.from('{"type":"Alert","message":"café"}');
      expect((await post(alert, `sha256=${createHmac('sha256', HUB_SECRET).update(alert).digest('hex')}`)).status).toBe(
        200,
      );
    } finally {
      await proxied.stop();
    }
  });
});

describe('KitchenHub webhook: forward-only status mapping', () => {
  test('accepted in the provider app (prep time null) becomes a queued kitchen ticket with the items', async () => {
    const id = newId();
    const res = await send(hubOrder(id, 'accepted', { prep_time_minutes: null }));
    const ticket = await ticketOf(res.body.order_id);
    expect(ticket).toMatchObject({
      status: 'queued',
      source: 'kitchenhub',
      provider: 'GrubHub',
      customer_first_name: 'Ari',
    });
    expect(ticket && 'items' in ticket ? ticket.items : null).toEqual(orderExample().items);
    expect((await hubOrderOf(id)).hub_order).toMatchObject({ state: 'accepted', order_id: res.body.order_id });
  });

  test('completed closes the ticket; an older "new" or "accepted" afterwards moves nothing back', async () => {
    const id = newId();
    const { body } = await send(hubOrder(id, 'accepted'));
    await kitchen.advanceTo(body.order_id, 'prepping');
    expect((await send(hubOrder(id, 'completed'))).body.outcome).toBe('applied');
    expect(await ticketOf(body.order_id)).toMatchObject({ status: 'delivered' });
    expect((await send(hubOrder(id, 'accepted', { notes: 'late echo' }))).body.outcome).toBe('stale');
    expect((await send(hubOrder(id, 'new', { notes: 'older still' }))).body.outcome).toBe('stale');
    expect(await ticketOf(body.order_id)).toMatchObject({ status: 'delivered' });
    expect((await hubOrderOf(id)).hub_order).toMatchObject({ state: 'completed', hub_status: 'completed' });
  });

  test.each(['cancelled', 'canceled'])(
    '"%s" cancels the ticket whatever its kitchen status, flagged for the kitchen',
    async (spelling) => {
      const id = newId();
      const { body } = await send(hubOrder(id, 'accepted'));
      await kitchen.advanceTo(body.order_id, 'ready'); // too late for our own cancel rule: not for the provider's
      await send(hubOrder(id, spelling));
      expect(await ticketOf(body.order_id)).toMatchObject({
        status: 'canceled',
        canceled_by: 'provider',
        attention: { kind: 'canceled', by: 'provider' },
      });
      expect((await hubOrderOf(id)).hub_order).toMatchObject({ state: 'canceled', hub_status: 'canceled' });
    },
  );

  test('a cancel of a pending order takes it off the Incoming list', async () => {
    const id = newId();
    await send(hubOrder(id, 'new'));
    expect((await incoming()).pending.some((h) => h.hub_order_id === id)).toBe(true);
    await send(hubOrder(id, 'cancelled'));
    expect((await incoming()).pending.some((h) => h.hub_order_id === id)).toBe(false);
  });
});

describe("the manager's accept flow", () => {
  test('accepting with a prep time makes a queued ticket at once; deciding twice is 409', async () => {
    const id = newId();
    await send(hubOrder(id, 'new'));
    const res = await manager.json('POST', `/api/kitchenhub/orders/${id}/accept`, { prep_time_minutes: 12 });
    expect(res.hub_order).toMatchObject({ state: 'accepted', prep_time_minutes: 12 });
    expect(await ticketOf(res.hub_order.order_id)).toMatchObject({ status: 'queued', provider: 'GrubHub' });
    const twice = await manager.send('POST', `/api/kitchenhub/orders/${id}/reject`, { reason: 'too busy' });
    expect(twice.status).toBe(409);
    const unknown = await manager.send('POST', `/api/kitchenhub/orders/${id}/approve`, { prep_time_minutes: 12 });
    expect(unknown.status).toBe(404); // accept and reject are the only decisions: anything else is no route at all
    expect(await unknown.json()).toMatchObject({ error: 'not_found' });
  });

  test('rejecting keeps the reason and makes no ticket; prep times outside 1–240 are 400', async () => {
    const id = newId();
    await send(hubOrder(id, 'new'));
    for (const prep of [0, 241, 2.5]) {
      expect(
        (await manager.send('POST', `/api/kitchenhub/orders/${id}/accept`, { prep_time_minutes: prep })).status,
      ).toBe(400);
    }
    const res = await manager.json('POST', `/api/kitchenhub/orders/${id}/reject`, { reason: 'Out of bread' });
    expect(res.hub_order).toMatchObject({ state: 'rejected', reject_reason: 'Out of bread', order_id: null });
  });

  test('kitchen staff cannot see or decide KitchenHub orders', async () => {
    const id = newId();
    await send(hubOrder(id, 'new'));
    expect((await kitchen.send('GET', '/api/kitchenhub/orders')).status).toBe(403);
    expect((await kitchen.send('POST', `/api/kitchenhub/orders/${id}/accept`, { prep_time_minutes: 5 })).status).toBe(
      403,
    );
    expect((await fetch(`${server.url}/api/kitchenhub/orders`)).status).toBe(401);
  });

  test('a scheduled order is held, then the background job fires it to the kitchen and the live stream carries it', async () => {
    const id = newId();
    const scheduledFor = new Date(Date.now() + 5 * 60_000 + 4_000).toISOString(); // fires 4 s from now with 5 min prep (time to see it held first on a busy machine)
    await send(
      hubOrder(
        id,
        'scheduled',
        { asap: false },
        { timestamps: { ...orderExample().timestamps, scheduled_for: scheduledFor } },
      ),
    );
    const stream = await SseReader.open(`${server.url}/api/events`, { Cookie: kitchen.cookie });
    try {
      await stream.next((e) => e.event === 'ready');
      const res = await manager.json('POST', `/api/kitchenhub/orders/${id}/accept`, { prep_time_minutes: 5 });
      expect(res.hub_order).toMatchObject({ state: 'scheduled', order_id: null });
      expect((await incoming()).scheduled.map((h) => h.hub_order_id)).toContain(id);
      // KitchenHub's echo of our accept ("accepted") does not fire it before its time.
      await send(
        hubOrder(
          id,
          'accepted',
          { asap: false },
          { timestamps: { ...orderExample().timestamps, scheduled_for: scheduledFor } },
        ),
      );
      expect((await hubOrderOf(id)).hub_order).toMatchObject({
        state: 'scheduled',
        hub_status: 'accepted',
        order_id: null,
      });
      const fired = await stream.next(
        (e) =>
          e.event === 'order' &&
          (e.data as { ticket: { source: string; status: string } }).ticket.source === 'kitchenhub',
        10_000,
      );
      const ticketId = (fired.data as { ticket: { order_id: string } }).ticket.order_id;
      expect((await hubOrderOf(id)).hub_order).toMatchObject({ state: 'accepted', order_id: ticketId });
    } finally {
      stream.close();
    }
  });
});
