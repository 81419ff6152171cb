// The KitchenHub connection a manager sets in the console (webhook secret, outbound API, auto-accept),
// the environment's precedence over it, and the demo's sandbox KitchenHub with "simulate incoming order".
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeKitchenHub, type RunningFake } from '@/scripts/fake-kitchenhub';
import { signInStaff, type StaffClient } from '@/test/api';
import { HUB_SECRET, hubOrder } from '@/test/kitchenhub';
import { eventually } from '@/test/eventually';
import { startServer, type TestServer } from '@/test/server';

type Settings = {
  webhook_url: string;
  webhook_secret: { set: boolean; source: string | null; hint: string | null };
  api_url: { value: string | null; source: string | null };
  client_id: { value: string | null; source: string | null };
  client_secret: { set: boolean; source: string | null; hint: string | null };
  calls_go_to: { url: string; source: string } | null;
  sandbox: boolean;
  auto_accept: boolean;
  auto_accept_prep_minutes: number;
  new_webhook_secret?: string | null;
};

const signWith = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const postSigned = (url: string, body: string, secret: string) =>
  fetch(`${url}/api/kitchenhub/webhook`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-KitchenHub-Signature': signWith(secret, body) }, body });

let nextId = 8_100_000_000_000_000;
const newId = () => String(++nextId);

describe('KitchenHub settings set in the console (nothing in the environment)', () => {
  let server: TestServer;
  let manager: StaffClient;
  let fake: RunningFake;
  const settings = async (): Promise<Settings> => manager.json('GET', '/api/kitchenhub/settings');
  const put = (body: unknown) => manager.send('PUT', '/api/kitchenhub/settings', body);

  beforeAll(async () => {
    fake = await startFakeKitchenHub({ clientId: 'console-client', clientSecret: 'console-secret' });
    server = await startServer({ SEED_DEMO: 'false', KITCHENHUB_RETRY_BASE_MS: '100', JOB_INTERVAL_MS: '200' });
    manager = await signInStaff(server.url, 'manager');
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  test('with no secret every webhook is refused, and the console says so', async () => {
    const s = await settings();
    expect(s).toMatchObject({ webhook_secret: { set: false, source: null }, calls_go_to: null, sandbox: false, auto_accept: false });
    expect(s.webhook_url).toBe(`${server.url}/api/kitchenhub/webhook`);
    const res = await postSigned(server.url, hubOrder(newId(), 'new'), HUB_SECRET);
    expect(res.status).toBe(401);
    expect((await res.json()).message).toMatch(/No KitchenHub webhook secret/);
  });

  test('a generated secret is shown once, then only as a hint; webhooks signed with it (or with it as ?token=) are accepted', async () => {
    const res = await put({ generate_webhook_secret: true });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Settings;
    const secret = body.new_webhook_secret!;
    expect(secret.length).toBeGreaterThanOrEqual(24);
    expect(body.webhook_secret).toEqual({ set: true, source: 'console', hint: `…${secret.slice(-4)}` });
    expect(JSON.stringify(await settings())).not.toContain(secret);

    expect((await postSigned(server.url, hubOrder(newId(), 'new'), secret)).status).toBe(200);
    expect((await postSigned(server.url, hubOrder(newId(), 'new'), HUB_SECRET)).status).toBe(401);
    const viaToken = await fetch(`${server.url}/api/kitchenhub/webhook?token=${encodeURIComponent(secret)}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: hubOrder(newId(), 'new') });
    expect(viaToken.status).toBe(200);

    // The manager's own secret replaces it.
    expect((await put({ webhook_secret: HUB_SECRET })).status).toBe(200);
    expect((await postSigned(server.url, hubOrder(newId(), 'new'), HUB_SECRET)).status).toBe(200);
    expect((await postSigned(server.url, hubOrder(newId(), 'new'), secret)).status).toBe(401);
  });

  test('bad values are 400 in the error shape and change nothing', async () => {
    const before = await settings();
    for (const body of [{ webhook_secret: 'short' }, { api_url: 'ftp://example.com' }, { api_url: 'not a url' }, { auto_accept_prep_minutes: 0 }, { auto_accept_prep_minutes: 241 }, { auto_accept: 'yes' }, { surprise: 1 }, []]) {
      const res = await put(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request', message: expect.any(String) });
    }
    expect(await settings()).toEqual(before);
    const kitchen = await signInStaff(server.url, 'kitchen');
    expect((await kitchen.send('PUT', '/api/kitchenhub/settings', { auto_accept: true })).status).toBe(403);
    expect((await kitchen.send('GET', '/api/kitchenhub/settings')).status).toBe(403);
  });

  test('calls wait, visibly, until the API is configured; "check connection" proves the credentials; then they go', async () => {
    const { order } = await fake.hub.createOrder({ send: false });
    const id = order.order.id;
    // KitchenHub's webhook for it, signed with the console secret.
    const webhookBody = JSON.stringify({ version: '2.0.0', event_data: { event_type: 'Order', status: 'OrderCreated' }, order });
    expect((await postSigned(server.url, webhookBody, HUB_SECRET)).status).toBe(200);
    await manager.json('POST', `/api/kitchenhub/orders/${id}/accept`, { prep_time_minutes: 25 });
    const waiting = await eventually(async () => (await manager.json('GET', `/api/kitchenhub/calls?hub_order_id=${id}`)).calls[0], (c) => c?.last_error !== null, 'the not-configured error');
    expect(waiting).toMatchObject({ state: 'pending', last_error: expect.stringContaining('not configured') });
    expect((await manager.json('GET', '/api/kitchenhub/orders')).stuck_calls).toBeGreaterThanOrEqual(1);

    expect(await manager.json('POST', '/api/kitchenhub/settings/check')).toMatchObject({ ok: false, error: expect.stringContaining('Set the API URL') });
    expect((await put({ api_url: `${fake.url}/`, client_id: 'console-client', client_secret: 'wrong-secret' })).status).toBe(200);
    const bad = await manager.json('POST', '/api/kitchenhub/settings/check');
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('401') });
    expect((await put({ client_secret: 'console-secret' })).status).toBe(200);
    expect(await manager.json('POST', '/api/kitchenhub/settings/check')).toEqual({ ok: true, error: null, url: fake.url });
    const s = await settings();
    expect(s).toMatchObject({ api_url: { value: fake.url, source: 'console' }, client_id: { value: 'console-client' }, client_secret: { set: true, hint: '…cret' }, calls_go_to: { url: fake.url, source: 'console' } });
    expect(JSON.stringify(s)).not.toContain('console-secret');

    // The waiting call goes on its next retry by itself; "Retry now" only hurries it (409 if it already went).
    expect([200, 409]).toContain((await manager.send('POST', `/api/kitchenhub/calls/${waiting.id}/retry`)).status);
    await eventually(async () => (await manager.json('GET', `/api/kitchenhub/calls?hub_order_id=${id}`)).calls[0], (c) => c.state === 'sent', 'the call to go');
    expect(fake.hub.orders.get(id)?.order).toMatchObject({ status: 'accepted', prep_time_minutes: 25 });
  });

  test('auto-accept makes a new order a kitchen ticket at once with the default prep time, and tells KitchenHub', async () => {
    expect((await put({ auto_accept: true, auto_accept_prep_minutes: 12 })).status).toBe(200);
    fake.sendWebhooksTo(`${server.url}/api/kitchenhub/webhook`, HUB_SECRET);
    const { order, webhook } = await fake.hub.createOrder({ status: 'new' });
    expect(webhook?.httpStatus).toBe(200);
    const id = order.order.id;
    const { hub_order } = await manager.json('GET', `/api/kitchenhub/orders/${id}`);
    expect(hub_order).toMatchObject({ state: 'accepted', prep_time_minutes: 12, decided_by: 'auto-accept', order_id: expect.any(String) });
    const kitchen = await signInStaff(server.url, 'kitchen');
    expect(await kitchen.ticket(hub_order.order_id)).toMatchObject({ status: 'queued' });
    await eventually(async () => (await manager.json('GET', `/api/kitchenhub/calls?hub_order_id=${id}`)).calls[0], (c) => c?.state === 'sent', 'the accept call');
    expect(fake.hub.orders.get(id)?.order.prep_time_minutes).toBe(12);
    expect((await manager.json('GET', '/api/kitchenhub/orders')).pending.map((h: { hub_order_id: string }) => h.hub_order_id)).not.toContain(id);
    await put({ auto_accept: false });
  });

  test('no sandbox outside demo mode', async () => {
    expect((await manager.send('POST', '/api/kitchenhub/simulate', { kind: 'asap' })).status).toBe(404);
    expect((await fetch(`${server.url}/api/kitchenhub/sandbox/oauth/token`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});

describe('the environment wins; the demo sandbox', () => {
  let server: TestServer;
  let manager: StaffClient;

  beforeAll(async () => {
    server = await startServer({ SEED_DEMO: 'true', KITCHENHUB_WEBHOOK_SECRET: HUB_SECRET, JOB_INTERVAL_MS: '200' });
    manager = await signInStaff(server.url, 'manager');
    await manager.json('PUT', '/api/kitchenhub/settings', { api_url: null, client_id: null, client_secret: null }); // what the first server saved
  });
  afterAll(() => server?.stop());

  test('a value set in the environment is shown as such and cannot be changed in the console', async () => {
    const s = (await manager.json('GET', '/api/kitchenhub/settings')) as Settings;
    expect(s.webhook_secret).toEqual({ set: true, source: 'env', hint: `…${HUB_SECRET.slice(-4)}` });
    const res = await manager.send('PUT', '/api/kitchenhub/settings', { generate_webhook_secret: true });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', message: expect.stringContaining('KITCHENHUB_WEBHOOK_SECRET') });
  });

  test('"simulate incoming order" has the sandbox KitchenHub send a realistic order; accepting it reaches the sandbox', async () => {
    const s = (await manager.json('GET', '/api/kitchenhub/settings')) as Settings;
    expect(s.calls_go_to).toMatchObject({ source: 'sandbox', url: expect.stringContaining('/api/kitchenhub/sandbox') });
    const sim = await manager.send('POST', '/api/kitchenhub/simulate', { kind: 'asap' });
    expect(sim.status).toBe(201);
    const { hub_order_id, webhook_status } = await sim.json();
    expect(webhook_status).toBe(200);
    const incoming = await manager.json('GET', '/api/kitchenhub/orders');
    expect(incoming.can_simulate).toBe(true);
    const pending = incoming.pending.find((h: { hub_order_id: string }) => h.hub_order_id === hub_order_id);
    expect(pending).toMatchObject({ state: 'pending', asap: true, items: expect.arrayContaining([expect.objectContaining({ name: expect.any(String), options: expect.any(Array) })]) });
    expect(BigInt(hub_order_id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true); // the id arrived as a bare JSON number beyond 2^53, kept exact

    await manager.json('POST', `/api/kitchenhub/orders/${hub_order_id}/accept`, { prep_time_minutes: 10 });
    const call = await eventually(async () => (await manager.json('GET', `/api/kitchenhub/calls?hub_order_id=${hub_order_id}`)).calls[0], (c) => c?.state === 'sent', 'the sandbox to take the call');
    expect(call).toMatchObject({ action: 'accept', last_status: 200 });

    const scheduled = await (await manager.send('POST', '/api/kitchenhub/simulate', { kind: 'scheduled' })).json();
    const later = (await manager.json('GET', '/api/kitchenhub/orders')).pending.find((h: { hub_order_id: string }) => h.hub_order_id === scheduled.hub_order_id);
    expect(later).toMatchObject({ asap: false, scheduled_for: expect.any(Number) });
  });
});
