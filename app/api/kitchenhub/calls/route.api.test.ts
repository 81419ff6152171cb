// Our calls to KitchenHub, end to end over real HTTP: the fake KitchenHub (sandbox/kitchenhub, served
// by scripts/fake-kitchenhub.ts) answers only the operations of KitchenHub's openapi-v2.json and
// validates every request and answer against it. The server registers its webhook there, the fake
// sends orders to it, managers and cooks act, and the outbox tells the fake through
// PUT /v2/orders/{id}/status/: retrying, renewing tokens, re-reading after a 409, honouring the
// providers' capability flags and surviving a restart.
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { RunningFake } from '@/scripts/fake-kitchenhub';
import { signInStaff, type StaffClient } from '@/test/api';
import { connectHub, HUB_SECRET, startFakeHub, WEBHOOK_HEADER } from '@/test/kitchenhub';
import { eventually } from '@/test/eventually';
import { startServer, type TestServer } from '@/test/server';

let fake: RunningFake;
let server: TestServer;
let manager: StaffClient;
let kitchen: StaffClient;

/** Signs in and presses Connect on a server just (re)started: a restart is on a new port, so our webhook moves. */
async function connected(started: TestServer) {
  server = started;
  manager = await signInStaff(server.url, 'manager');
  kitchen = await signInStaff(server.url, 'kitchen');
  expect(await connectHub(manager, server.url)).toMatchObject({ ok: true, error: null });
}

beforeAll(async () => {
  fake = await startFakeHub();
  const env = {
    KITCHENHUB_POLL_SECONDS: '0',
    KITCHENHUB_RETRY_BASE_MS: '100',
    KITCHENHUB_MAX_ATTEMPTS: '4',
    JOB_INTERVAL_MS: '200',
  };
  await connected(await startServer(env, { hub: fake }));
});
beforeEach(() => {
  fake.hub.failures = [];
  fake.hub.mainAccount = true;
});
afterEach(() => {
  expect(fake.hub.violations).toEqual([]); // every request we sent and every answer followed the spec
});

type CallView = {
  id: number;
  hub_order_id: string;
  action: string;
  state: string;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  payload: Record<string, unknown>;
};

/** The fake sends a new order; returns its KitchenHub id once our server has it as pending. */
async function incomingOrder(opts: { status?: 'new' | 'scheduled'; providerId?: string } = {}): Promise<string> {
  const { order, webhooks } = await fake.hub.createOrder({ status: opts.status ?? 'new', type: 'pickup', ...opts });
  expect(webhooks).toEqual([expect.objectContaining({ httpStatus: 200, error: null })]);
  return order.order.id;
}
const accept = (id: string, minutes = 15) =>
  manager.json('POST', `/api/kitchenhub/orders/${id}/accept`, { prep_time_minutes: minutes });
const callsFor = async (id: string): Promise<CallView[]> =>
  (await manager.json('GET', `/api/kitchenhub/calls?hub_order_id=${id}`)).calls;
/** The fake's record of PUT /v2/orders/{id}/status/ (with `status` in the body: accept, cancel or complete). */
const statusCalls = (id: string, status?: string) =>
  fake.hub.calls.filter(
    (c) =>
      c.method === 'PUT' &&
      c.path === `/v2/orders/${id}/status/` &&
      (!status || (c.body as { status?: string }).status === status),
  );

const callState = (id: string, action: string, state: string) =>
  eventually(
    async () => (await callsFor(id)).find((c) => c.action === action),
    (c) => c?.state === state,
    `${action} ${state}`,
  ) as Promise<CallView>;

/**
 * Everything queued so far has had its chance to be sent: a later call (a new order's accept) has
 * been sent, and the outbox sends due calls oldest first. A test that a call is NOT sent waits for this.
 */
async function outboxCaughtUp(): Promise<void> {
  const later = await incomingOrder();
  await accept(later);
  await callState(later, 'accept', 'sent');
}

describe('calls to KitchenHub', () => {
  test('accepting sends PUT /v2/orders/{id}/status/ {"status":"accept","prep_time"} with a bearer token from a token pair', async () => {
    const id = await incomingOrder();
    await accept(id, 20);
    const call = await callState(id, 'accept', 'sent');
    expect(call).toMatchObject({
      attempts: 1,
      last_status: 200,
      last_error: null,
      payload: { status: 'accept', prep_time: 20 },
    });
    expect(statusCalls(id)).toEqual([
      expect.objectContaining({
        operation: 'PUT /v2/orders/{order_id}/status/',
        authorized: true,
        body: { status: 'accept', prep_time: 20 },
        status: 200,
      }),
    ]);
    expect(statusCalls(id)[0]?.headers.authorization).toMatch(/^Bearer \S+$/);
    expect(fake.hub.orders.get(id)?.order).toMatchObject({ status: 'accepted', prep_time_minutes: 20 });
    expect(fake.hub.calls.some((c) => c.operation === 'POST /v2/auth/token/' && c.status === 200)).toBe(true);
  });

  test('424 (provider error) and 5xx are retried with backoff until KitchenHub takes the call; the error shows meanwhile', async () => {
    const id = await incomingOrder();
    fake.hub.failNext({ status: 424, times: 1, path: `/v2/orders/${id}/status/` });
    fake.hub.failNext({ status: 503, times: 1, path: `/v2/orders/${id}/status/` });
    await accept(id);
    const waiting = await eventually(
      () => callsFor(id),
      (cs) => cs[0]?.last_status === 424 || cs[0]?.last_status === 503,
      'the first failure to show',
    );
    expect(waiting[0]).toMatchObject({ state: 'pending', last_error: expect.stringContaining('KitchenHub answered') });
    const call = await callState(id, 'accept', 'sent');
    expect(call.attempts).toBe(3);
    expect(statusCalls(id).map((c) => c.status)).toEqual([424, 503, 200]);
  });

  test('a refused call (400) is marked failed at once; "retry now" sends it again', async () => {
    const id = await incomingOrder();
    fake.hub.failNext({ status: 400, times: 1, path: `/v2/orders/${id}/status/`, message: 'body validation error' });
    await accept(id);
    const failed = await callState(id, 'accept', 'failed');
    expect(failed).toMatchObject({
      attempts: 1,
      last_status: 400,
      last_error: expect.stringContaining('body validation error'),
    });
    expect((await manager.json('GET', '/api/kitchenhub/calls?open=true')).calls.map((c: CallView) => c.id)).toContain(
      failed.id,
    );

    const retried = await manager.json('POST', `/api/kitchenhub/calls/${failed.id}/retry`);
    expect(retried.call.id).toBe(failed.id);
    expect(['pending', 'sent']).toContain(retried.call.state); // the worker may already have it
    await callState(id, 'accept', 'sent');
    expect(statusCalls(id).map((c) => c.status)).toEqual([400, 200]);
    const again = await manager.send('POST', `/api/kitchenhub/calls/${failed.id}/retry`);
    expect(again.status).toBe(409); // already through: nothing to retry
  });

  test('after too many retryable failures the call is failed, with the reason', async () => {
    const id = await incomingOrder();
    fake.hub.failNext({ status: 500, times: 10, path: `/v2/orders/${id}/status/` });
    await accept(id);
    const failed = await callState(id, 'accept', 'failed');
    expect(failed).toMatchObject({
      attempts: 4,
      last_status: 500,
      last_error: expect.stringContaining('Gave up after 4 attempts'),
    });
  });

  test('403 "Not main account" fails the call and tells the manager, in words, what to fix', async () => {
    const id = await incomingOrder();
    fake.hub.mainAccount = false;
    await accept(id);
    const failed = await callState(id, 'accept', 'failed');
    expect(failed).toMatchObject({
      attempts: 1,
      last_status: 403,
      last_error: expect.stringContaining('main integration account'),
    });
    const settings = await manager.json('GET', '/api/kitchenhub/settings');
    expect(settings.problem).toMatchObject({
      kind: 'not_main_account',
      status: 403,
      message: expect.stringContaining('Not main account'),
    });
    // Fixed at KitchenHub: Connect clears the banner and a retry goes through.
    fake.hub.mainAccount = true;
    expect(await manager.json('POST', '/api/kitchenhub/connect', {})).toMatchObject({ ok: true });
    expect((await manager.json('GET', '/api/kitchenhub/settings')).problem).toBeNull();
    await manager.json('POST', `/api/kitchenhub/calls/${failed.id}/retry`);
    await callState(id, 'accept', 'sent');
  });

  test('a 409 means re-read (GET /v2/orders/{id}/), not retry: the order cancelled on KitchenHub is canceled here, loudly', async () => {
    const id = await incomingOrder();
    await fake.hub.setStatus(id, 'cancelled', false); // the customer canceled; that webhook never reached us
    const { hub_order } = await accept(id);
    const call = await callState(id, 'accept', 'conflict');
    expect(call).toMatchObject({ last_status: 409, attempts: 1 });
    expect(statusCalls(id)).toHaveLength(1);
    expect(
      fake.hub.calls.filter((c) => c.operation === 'GET /v2/orders/{order_id}/' && c.path === `/v2/orders/${id}/`),
    ).toHaveLength(1);
    const hub = await eventually(
      () => manager.json('GET', `/api/kitchenhub/orders/${id}`),
      (h) => h.hub_order.state === 'canceled',
      'the re-read to apply',
    );
    expect(hub.hub_order.order_id).toBe(hub_order.order_id);
    const ticket = await kitchen.ticket(hub_order.order_id);
    expect(ticket).toMatchObject({ status: 'canceled' });
    const board = await kitchen.json('GET', '/api/tickets');
    const flagged = [...board.tickets, ...board.recent].find(
      (t: { order_id: string }) => t.order_id === hub_order.order_id,
    );
    expect(flagged.attention).toMatchObject({ kind: 'canceled', by: 'provider' });
    const log = (await manager.json('GET', '/api/kitchenhub/deliveries')).deliveries;
    expect(
      log.find((d: { hub_order_id: string; source: string }) => d.hub_order_id === id && d.source === 'reread'),
    ).toMatchObject({ outcome: 'applied', hub_status: 'canceled' });
  });

  test('a 409 after KitchenHub auto-completed the order settles our state from KitchenHub’s, without retrying', async () => {
    const id = await incomingOrder();
    const { hub_order } = await accept(id);
    await callState(id, 'accept', 'sent');
    await fake.hub.setStatus(id, 'completed', false); // the store auto-completes; that webhook was lost
    await kitchen.advanceTo(hub_order.order_id, 'ready'); // our complete now meets a completed order
    await callState(id, 'complete', 'conflict');
    expect(statusCalls(id, 'complete').map((c) => c.status)).toEqual([409]);
    await eventually(
      () => manager.json('GET', `/api/kitchenhub/orders/${id}`),
      (h) => h.hub_order.hub_status === 'completed',
      'completed here too',
    );
  });

  test('an expired access token is renewed with the refresh token (no new pair); a 401 is retried once', async () => {
    const id = await incomingOrder();
    fake.hub.expireAccessTokens();
    const before = fake.hub.calls.length;
    const refreshes = fake.hub.refreshes;
    await accept(id);
    await callState(id, 'accept', 'sent');
    const since = fake.hub.calls
      .slice(before)
      .filter((c) => c.path.startsWith('/v2/auth/') || c.path === `/v2/orders/${id}/status/`);
    expect(since.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      `PUT /v2/orders/${id}/status/ 401`,
      'POST /v2/auth/token/refresh/ 200',
      `PUT /v2/orders/${id}/status/ 200`,
    ]);
    expect(fake.hub.refreshes).toBe(refreshes + 1);
  });

  test('once the refresh token is spent too, a new pair is fetched with the client credentials', async () => {
    const id = await incomingOrder();
    fake.hub.expireAccessTokens();
    fake.hub.expireRefreshTokens();
    const before = fake.hub.calls.length;
    await accept(id);
    await callState(id, 'accept', 'sent');
    const since = fake.hub.calls
      .slice(before)
      .filter((c) => c.path.startsWith('/v2/auth/') || c.path === `/v2/orders/${id}/status/`);
    expect(since.map((c) => `${c.path} ${c.status}`)).toEqual([
      `/v2/orders/${id}/status/ 401`,
      '/v2/auth/token/refresh/ 400',
      '/v2/auth/token/ 200',
      `/v2/orders/${id}/status/ 200`,
    ]);
  });

  test('rejecting sends {"status":"cancel"}; the reason stays with the order here', async () => {
    const id = await incomingOrder();
    await manager.json('POST', `/api/kitchenhub/orders/${id}/reject`, { reason: 'Out of bread' });
    await callState(id, 'reject', 'sent');
    expect(statusCalls(id)[0]?.body).toEqual({ status: 'cancel' });
    expect(fake.hub.orders.get(id)?.order.status).toBe('cancelled');
    expect((await manager.json('GET', `/api/kitchenhub/orders/${id}`)).hub_order).toMatchObject({
      state: 'rejected',
      reject_reason: 'Out of bread',
    });
  });

  test('capability flags: what a provider cannot take is neither offered nor sent, and the call says why', async () => {
    fake.hub.setCapability('doordash', 'complete_order', false);
    fake.hub.setCapability('doordash', 'cancel_order', false);
    expect(await manager.json('POST', '/api/kitchenhub/connect', {})).toMatchObject({ ok: true }); // re-reads GET /v2/providers/
    try {
      const id = await incomingOrder({ providerId: 'doordash' });
      const incoming = await manager.json('GET', '/api/kitchenhub/orders');
      expect(incoming.pending.find((h: { hub_order_id: string }) => h.hub_order_id === id)).toMatchObject({
        can_accept: true,
        can_reject: false,
      });
      const { hub_order } = await accept(id);
      await callState(id, 'accept', 'sent');
      await kitchen.advanceTo(hub_order.order_id, 'ready');
      const complete = await callState(id, 'complete', 'unsupported');
      expect(complete.last_error).toContain('DoorDash does not support complete_order');
      expect(statusCalls(id, 'complete')).toHaveLength(0);
    } finally {
      fake.hub.setCapability('doordash', 'complete_order', true);
      fake.hub.setCapability('doordash', 'cancel_order', true);
      await manager.json('POST', '/api/kitchenhub/connect', {});
    }
  });

  test('a ticket reaching ready completes the order once, even if a cook undoes and redoes ready', async () => {
    const id = await incomingOrder();
    const { hub_order } = await accept(id);
    await callState(id, 'accept', 'sent');
    await kitchen.advanceTo(hub_order.order_id, 'ready');
    await callState(id, 'complete', 'sent');
    const t = await kitchen.ticket(hub_order.order_id);
    await kitchen.json('POST', `/api/orders/${hub_order.order_id}/undo`, { version: t.version });
    await kitchen.advanceTo(hub_order.order_id, 'ready');
    await outboxCaughtUp();
    expect(statusCalls(id, 'complete')).toHaveLength(1);
    expect(statusCalls(id, 'complete')[0]?.body).toEqual({ status: 'complete' });
    // KitchenHub's "completed" echo leaves the ready ticket for its courier.
    // Recorded once our server has answered it, and a webhook is applied before the answer.
    await eventually(
      async () => fake.hub.sentWebhooks.filter((w) => w.hubOrderId === id && w.status === 'completed'),
      (w) => w.length === 1 && w[0]?.httpStatus === 200,
      'the completed echo, answered',
    );
    expect(await kitchen.ticket(hub_order.order_id)).toMatchObject({ status: 'ready' });
  });

  test("a kitchen cancel tells KitchenHub; the provider's own cancel is not echoed back", async () => {
    const a = await incomingOrder();
    const first = await accept(a);
    await callState(a, 'accept', 'sent');
    const t = await kitchen.ticket(first.hub_order.order_id);
    await kitchen.json('POST', `/api/orders/${first.hub_order.order_id}/cancel`, { version: t.version });
    await callState(a, 'cancel', 'sent');
    expect(statusCalls(a, 'cancel')[0]?.body).toEqual({ status: 'cancel' });

    const b = await incomingOrder();
    const second = await accept(b);
    await callState(b, 'accept', 'sent');
    await fake.hub.setStatus(b, 'cancelled');
    await eventually(
      () => kitchen.ticket(second.hub_order.order_id),
      (x) => x.status === 'canceled',
      'the provider cancel',
    );
    await outboxCaughtUp();
    expect(statusCalls(b, 'cancel')).toHaveLength(0);
    expect((await callsFor(b)).map((c) => c.action)).toEqual(['accept']);
  });

  test('a call queued before a restart is sent after it: nothing is lost', async () => {
    await connected(await server.restart({ KITCHENHUB_RETRY_BASE_MS: '3000' })); // a slow retry, so the stop lands between attempts
    const id = await incomingOrder();
    fake.hub.failNext({ status: 503, times: 100, path: `/v2/orders/${id}/status/` });
    await accept(id);
    await eventually(
      () => callsFor(id),
      (cs) => cs[0]?.last_status === 503,
      'a first failed attempt',
    );
    await server.stop();
    fake.hub.failures = [];
    await connected(await server.restart()); // same database, new process, the first options again
    await callState(id, 'accept', 'sent');
    expect(statusCalls(id).map((c) => c.status)).toEqual([503, 200]);
  });

  test('with KITCHENHUB_WEBHOOK_SECRET set, that is the secret registered, and it is rotated there, not on the console', async () => {
    const ours = [...fake.hub.webhooks.values()].filter((w) => w.url === `${server.url}/api/kitchenhub/webhook`);
    expect(ours.map((w) => w.authorization_headers?.[WEBHOOK_HEADER])).toEqual([HUB_SECRET]);
    const rotate = await manager.json('POST', '/api/kitchenhub/connect', { rotate_secret: true });
    expect(rotate).toMatchObject({ ok: false, error: expect.stringContaining('KITCHENHUB_WEBHOOK_SECRET') });
    expect((await manager.json('GET', '/api/kitchenhub/settings')).registration).toMatchObject({
      state: 'registered',
      secret_from_env: true,
      secret_hint: `…${HUB_SECRET.slice(-4)}`,
    });
  });

  test('bad call ids are 400/404 in the error shape; the calls list is for managers only', async () => {
    expect((await manager.send('POST', '/api/kitchenhub/calls/abc/retry')).status).toBe(400);
    const missing = await manager.send('POST', '/api/kitchenhub/calls/99999/retry');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
    expect((await kitchen.send('GET', '/api/kitchenhub/calls')).status).toBe(403);
    expect((await fetch(`${server.url}/api/kitchenhub/calls`)).status).toBe(401);
  });
});
