// Reconciliation over real HTTP against the spec-validating fake KitchenHub: a webhook lost on
// purpose is recovered by the poll (GET /v2/orders/, date_from, paged until an empty page) exactly
// once, a status change whose webhook was lost is applied, and the console counts what was recovered.
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { RunningFake } from '@/scripts/fake-kitchenhub';
import { signInStaff, type StaffClient } from '@/test/api';
import { connectHub, startFakeHub } from '@/test/kitchenhub';
import { eventually } from '@/test/eventually';
import { startServer, type TestServer } from '@/test/server';

let fake: RunningFake;
let server: TestServer;
let manager: StaffClient;
let kitchen: StaffClient;

type Delivery = { hub_order_id: string | null; hub_status: string | null; outcome: string; source: string };
const deliveriesFor = async (id: string): Promise<Delivery[]> =>
  ((await manager.json('GET', '/api/kitchenhub/deliveries?limit=200')).deliveries as Delivery[]).filter(
    (d) => d.hub_order_id === id,
  );
const pendingIds = async (): Promise<string[]> =>
  (await manager.json('GET', '/api/kitchenhub/orders')).pending.map((h: { hub_order_id: string }) => h.hub_order_id);
const polls = () => fake.hub.calls.filter((c) => c.operation === 'GET /v2/orders/');

beforeAll(async () => {
  fake = await startFakeHub({ pageSize: 2 });
  server = await startServer(
    { KITCHENHUB_POLL_SECONDS: '1', JOB_INTERVAL_MS: '200', KITCHENHUB_RETRY_BASE_MS: '100' },
    { hub: fake },
  );
  manager = await signInStaff(server.url, 'manager');
  kitchen = await signInStaff(server.url, 'kitchen');
  expect(await connectHub(manager, server.url)).toMatchObject({ ok: true });
});
afterEach(() => {
  expect(fake.hub.violations).toEqual([]);
});

describe('reconciliation', () => {
  test('an order whose webhook was lost is recovered by the poll, exactly once, and counted', async () => {
    const before = (await manager.json('GET', '/api/kitchenhub/settings')).poll.recovered as number;
    const { order, webhooks } = await fake.hub.createOrder({ status: 'new', send: false });
    expect(webhooks).toEqual([]);
    const id = order.order.id;
    await eventually(pendingIds, (ids) => ids.includes(id), 'the poll to find it');
    const seen = await deliveriesFor(id);
    expect(seen).toEqual([
      expect.objectContaining({ source: 'reconciliation', outcome: 'applied', hub_status: 'new' }),
    ]);
    const pollsSoFar = polls().length;
    await eventually(
      async () => polls().length,
      (n) => n >= pollsSoFar + 2,
      'two more polls',
    ); // they see it again
    expect(await deliveriesFor(id)).toHaveLength(1); // and ingest nothing twice
    expect((await manager.json('GET', '/api/kitchenhub/settings')).poll).toMatchObject({
      recovered: before + 1,
      last_error: null,
      every_seconds: 1,
    });
  });

  test('the poll reads from the last poll minus a margin, page after page until an empty one', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await fake.hub.createOrder({ status: 'new', send: false })).order.order.id);
    await eventually(pendingIds, (p) => ids.every((id) => p.includes(id)), 'all five');
    const start = fake.hub.calls.length;
    const r = await manager.json('POST', '/api/kitchenhub/reconcile', {});
    expect(r).toMatchObject({ ran: true, error: null, ingested: 0 });
    const pages = fake.hub.calls.slice(start).filter((c) => c.operation === 'GET /v2/orders/');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.map((c) => c.query.page)).toEqual(pages.map((_, i) => String(i + 1)));
    expect(pages.every((c) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(String(c.query.date_from)))).toBe(true);
    expect(pages.at(-1)?.status).toBe(200);
  });

  test('a status change whose webhook was lost (the customer cancelled) is applied by the poll', async () => {
    const { order } = await fake.hub.createOrder({ status: 'new', type: 'pickup' });
    const id = order.order.id;
    const { hub_order } = await manager.json('POST', `/api/kitchenhub/orders/${id}/accept`, { prep_time_minutes: 15 });
    await eventually(
      () => kitchen.ticket(hub_order.order_id),
      (t) => t?.status === 'queued',
      'the ticket',
    );
    await fake.hub.settled();
    await fake.hub.setStatus(id, 'cancelled', false);
    await eventually(
      () => kitchen.ticket(hub_order.order_id),
      (t) => t?.status === 'canceled',
      'the poll to cancel it',
    );
    expect((await deliveriesFor(id)).filter((d) => d.source === 'reconciliation')).toEqual([
      expect.objectContaining({ outcome: 'applied', hub_status: 'canceled' }),
    ]);
  });

  test('reconcile is for managers only', async () => {
    expect((await kitchen.send('POST', '/api/kitchenhub/reconcile', {})).status).toBe(403);
    expect((await fetch(`${server.url}/api/kitchenhub/reconcile`, { method: 'POST' })).status).toBe(401);
  });
});
