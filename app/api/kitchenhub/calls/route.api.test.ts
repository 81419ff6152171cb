// Our calls to KitchenHub, end to end over real HTTP: the fake KitchenHub (scripts/fake-kitchenhub.ts)
// sends orders to the real server by webhook, managers and cooks act, and the outbox tells the fake,
// retrying, renewing tokens, re-reading after a 409 and surviving a restart.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startFakeKitchenHub, type RunningFake } from '@/scripts/fake-kitchenhub';
import { signInStaff, type StaffClient } from '@/test/api';
import { HUB_SECRET } from '@/test/kitchenhub';
import { eventually } from '@/test/eventually';
import { startServer, type TestServer } from '@/test/server';

let fake: RunningFake;
let server: TestServer;
let manager: StaffClient;
let kitchen: StaffClient;

async function boot(extra: Record<string, string> = {}) {
  server = await startServer({
    KITCHENHUB_WEBHOOK_SECRET: HUB_SECRET,
    KITCHENHUB_API_URL: fake.url,
    KITCHENHUB_CLIENT_ID: 'fake-client',
    KITCHENHUB_CLIENT_SECRET: 'fake-secret',
    KITCHENHUB_RETRY_BASE_MS: '100',
    KITCHENHUB_MAX_ATTEMPTS: '4',
    JOB_INTERVAL_MS: '200',
    ...extra,
  });
  fake.sendWebhooksTo(`${server.url}/api/kitchenhub/webhook`, HUB_SECRET);
  manager = await signInStaff(server.url, 'manager');
  kitchen = await signInStaff(server.url, 'kitchen');
}

beforeAll(async () => {
  fake = await startFakeKitchenHub();
  await boot();
});
afterAll(async () => {
  await server?.stop();
  await fake?.close();
});
beforeEach(() => {
  fake.hub.failures = [];
});

type CallView = { id: number; hub_order_id: string; action: string; state: string; attempts: number; last_status: number | null; last_error: string | null; payload: Record<string, unknown> };

/** The fake sends a new order; returns its KitchenHub id once our server has it as pending. */
async function incomingOrder(opts: { status?: 'new' | 'scheduled' } = {}): Promise<string> {
  const { order, webhook } = await fake.hub.createOrder({ status: opts.status ?? 'new', type: 'pickup' });
  expect(webhook).toMatchObject({ httpStatus: 200, error: null });
  return order.order.id;
}
const accept = (id: string, minutes = 15) => manager.json('POST', `/api/kitchenhub/orders/${id}/accept`, { prep_time_minutes: minutes });
const callsFor = async (id: string): Promise<CallView[]> => (await manager.json('GET', `/api/kitchenhub/calls?hub_order_id=${id}`)).calls;
const fakeCalls = (id: string, action?: string) => fake.hub.calls.filter((c) => c.path === `/v1/orders/${id}${action ? `/${action}` : ''}`);

const callState = (id: string, action: string, state: string) =>
  eventually(async () => (await callsFor(id)).find((c) => c.action === action), (c) => c?.state === state, `${action} ${state}`) as Promise<CallView>;

describe('calls to KitchenHub', () => {
  test('accepting tells KitchenHub the prep time, with a bearer token from the client credentials', async () => {
    const id = await incomingOrder();
    await accept(id, 20);
    const call = await callState(id, 'accept', 'sent');
    expect(call).toMatchObject({ attempts: 1, last_status: 200, last_error: null, payload: { prep_time_minutes: 20 } });
    expect(fakeCalls(id, 'accept')).toEqual([expect.objectContaining({ method: 'POST', authorized: true, body: { prep_time_minutes: 20 }, status: 200 })]);
    expect(fake.hub.orders.get(id)?.order).toMatchObject({ status: 'accepted', prep_time_minutes: 20 });
    expect(fake.hub.calls.some((c) => c.path === '/oauth/token' && (c.body as { grant_type?: string }).grant_type === 'client_credentials')).toBe(true);
  });

  test('failures are retried with backoff until KitchenHub takes the call; the error shows meanwhile', async () => {
    const id = await incomingOrder();
    fake.hub.failNext({ status: 503, times: 2, path: `/v1/orders/${id}/accept` });
    await accept(id);
    const waiting = await eventually(() => callsFor(id), (cs) => cs[0]?.last_status === 503, 'the first failure to show');
    expect(waiting[0]).toMatchObject({ state: 'pending', last_error: expect.stringContaining('KitchenHub answered 503') });
    const call = await callState(id, 'accept', 'sent');
    expect(call.attempts).toBe(3);
    expect(fakeCalls(id, 'accept').map((c) => c.status)).toEqual([503, 503, 200]);
  });

  test('a refused call (422) is marked failed at once; "retry now" sends it again', async () => {
    const id = await incomingOrder();
    fake.hub.failNext({ status: 422, times: 1, path: `/v1/orders/${id}/accept` });
    await accept(id);
    const failed = await callState(id, 'accept', 'failed');
    expect(failed).toMatchObject({ attempts: 1, last_status: 422, last_error: expect.stringContaining('422') });
    expect((await manager.json('GET', '/api/kitchenhub/calls?open=true')).calls.map((c: CallView) => c.id)).toContain(failed.id);

    const retried = await manager.json('POST', `/api/kitchenhub/calls/${failed.id}/retry`);
    expect(retried.call.id).toBe(failed.id);
    expect(['pending', 'sent']).toContain(retried.call.state); // the worker may already have it
    await callState(id, 'accept', 'sent');
    expect(fakeCalls(id, 'accept').map((c) => c.status)).toEqual([422, 200]);
    const again = await manager.send('POST', `/api/kitchenhub/calls/${failed.id}/retry`);
    expect(again.status).toBe(409); // already through: nothing to retry
  });

  test('after too many retryable failures the call is failed, with the reason', async () => {
    const id = await incomingOrder();
    fake.hub.failNext({ status: 500, times: 10, path: `/v1/orders/${id}/accept` });
    await accept(id);
    const failed = await callState(id, 'accept', 'failed');
    expect(failed).toMatchObject({ attempts: 4, last_status: 500, last_error: expect.stringContaining('Gave up after 4 attempts') });
  });

  test('a 409 means re-read, not retry: the order cancelled on KitchenHub is canceled here, loudly', async () => {
    const id = await incomingOrder();
    await fake.hub.setStatus(id, 'cancelled', false); // the customer canceled; that webhook never reached us
    const { hub_order } = await accept(id);
    const call = await callState(id, 'accept', 'conflict');
    expect(call).toMatchObject({ last_status: 409, attempts: 1 });
    expect(fakeCalls(id, 'accept')).toHaveLength(1);
    expect(fakeCalls(id).filter((c) => c.method === 'GET')).toHaveLength(1);
    const hub = await eventually(() => manager.json('GET', `/api/kitchenhub/orders/${id}`), (h) => h.hub_order.state === 'canceled', 'the re-read to apply');
    expect(hub.hub_order.order_id).toBe(hub_order.order_id);
    const ticket = await kitchen.ticket(hub_order.order_id);
    expect(ticket).toMatchObject({ status: 'canceled' });
    const board = await kitchen.json('GET', '/api/tickets');
    const flagged = [...board.tickets, ...board.recent].find((t: { order_id: string }) => t.order_id === hub_order.order_id);
    expect(flagged.attention).toMatchObject({ kind: 'canceled', by: 'provider' });
  });

  test('an expired token is renewed with the rotating refresh token', async () => {
    const id = await incomingOrder();
    fake.hub.expireTokens();
    const before = fake.hub.calls.length;
    await accept(id);
    await callState(id, 'accept', 'sent');
    const since = fake.hub.calls.slice(before);
    expect(since.map((c) => `${c.path} ${c.status}`)).toEqual([`/v1/orders/${id}/accept 401`, '/oauth/token 200', `/v1/orders/${id}/accept 200`]);
    expect(since[1]?.body).toMatchObject({ grant_type: 'refresh_token' });
  });

  test('rejecting tells KitchenHub the reason', async () => {
    const id = await incomingOrder();
    await manager.json('POST', `/api/kitchenhub/orders/${id}/reject`, { reason: 'Out of bread' });
    await callState(id, 'reject', 'sent');
    expect(fakeCalls(id, 'reject')[0]?.body).toEqual({ reason: 'Out of bread' });
    expect(fake.hub.orders.get(id)?.order.status).toBe('cancelled');
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
    await new Promise((r) => setTimeout(r, 400));
    expect(fakeCalls(id, 'complete')).toHaveLength(1);
    // KitchenHub's "completed" echo leaves the ready ticket for its courier.
    await eventually(async () => fake.hub.webhooks.filter((w) => w.hubOrderId === id && w.status === 'completed'), (w) => w.length === 1, 'the completed echo');
    await new Promise((r) => setTimeout(r, 200));
    expect(await kitchen.ticket(hub_order.order_id)).toMatchObject({ status: 'ready' });
  });

  test("a kitchen cancel tells KitchenHub; the provider's own cancel is not echoed back", async () => {
    const a = await incomingOrder();
    const first = await accept(a);
    const t = await kitchen.ticket(first.hub_order.order_id);
    await kitchen.json('POST', `/api/orders/${first.hub_order.order_id}/cancel`, { version: t.version });
    await callState(a, 'cancel', 'sent');
    expect(fakeCalls(a, 'cancel')[0]?.body).toEqual({ reason: 'Canceled by the kitchen.' });

    const b = await incomingOrder();
    const second = await accept(b);
    await callState(b, 'accept', 'sent');
    await fake.hub.setStatus(b, 'cancelled');
    await eventually(() => kitchen.ticket(second.hub_order.order_id), (x) => x.status === 'canceled', 'the provider cancel');
    await new Promise((r) => setTimeout(r, 300));
    expect(fakeCalls(b, 'cancel')).toHaveLength(0);
    expect((await callsFor(b)).map((c) => c.action)).toEqual(['accept']);
  });

  test('a call queued before a restart is sent after it: nothing is lost', async () => {
    await server.stop();
    await boot({ KITCHENHUB_RETRY_BASE_MS: '3000' }); // a slow retry, so the stop lands between attempts
    const id = await incomingOrder();
    fake.hub.failNext({ status: 503, times: 100, path: `/v1/orders/${id}/accept` });
    await accept(id);
    await eventually(() => callsFor(id), (cs) => cs[0]?.last_status === 503, 'a first failed attempt');
    await server.stop();
    fake.hub.failures = [];
    await boot(); // same database file, new process
    await callState(id, 'accept', 'sent');
    expect(fakeCalls(id, 'accept').map((c) => c.status)).toEqual([503, 200]);
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
