// The KitchenHub storage contract, through db/storage: the same file runs on the SQLite file and (with
// TEST_DATABASE_URL) on PostgreSQL. Plans are written by hand here: what lib/kitchenhub decides is
// tested there; this checks that storage carries a plan out whole, once.
import { describe, expect, test, vi } from 'vitest';
import { newOrderId } from '@/test/storage-fixtures';
import type { Delivery, HubOrder, HubPlan } from '../types/kitchenhub';
import type { NewOrderInput } from '../types/orders';
import {
  countRecovered,
  decideHubOrder,
  dueScheduledHubOrders,
  getDelivery,
  getHubOrder,
  ingestHubOrder,
  listDeliveries,
  listHubOrders,
  recordDelivery,
} from './kitchenhub';
import { changeOrder, getOrder, listKitchenOrders, orderHistory } from './orders';
import { listCalls } from './outbox';

const T0 = 1_950_000_000_000;
let n = 0;
/** A KitchenHub order id as KitchenHub sends them: past 2^53, kept as exact text. */
const hubId = () => `${18_446_744_073_709_551_000n + BigInt(++n)}`;

const delivery = (hubOrderId: string, over: Partial<Delivery> = {}): Delivery => ({
  receivedAt: T0 + n,
  body: `{"id":${hubOrderId},"n":${n}}`,
  headers: { 'content-type': 'application/json', 'user-agent': 'KitchenHub' },
  bodyHash: `hash-${hubOrderId}-${Math.random()}`,
  eventType: 'Order',
  hubOrderId,
  hubStatus: 'new',
  ...over,
});

const newHub = (hubOrderId: string, over: Partial<HubOrder> = {}): HubPlan['hub'] => ({
  hubOrderId,
  state: 'pending',
  hubStatus: 'new',
  providerId: 'prv_1',
  providerName: 'Grubby',
  number: 'G-12',
  hubDailyNumber: 12,
  orderType: 'pickup',
  asap: true,
  customerName: 'Ann Lee',
  notes: null,
  placedAt: T0,
  pickupAt: null,
  scheduledFor: null,
  data: { id: hubOrderId, items: [{ name: 'PB&J', quantity: 1 }] },
  prepTimeMinutes: null,
  fireAt: null,
  decidedBy: null,
  decidedAt: null,
  rejectReason: null,
  createdAt: T0 + n,
  ...over,
});

const ticket = (over: Partial<NewOrderInput> = {}): NewOrderInput => ({
  id: newOrderId(),
  source: 'kitchenhub',
  clientId: null,
  provider: 'Grubby',
  customerId: null,
  customerName: 'Ann',
  orderType: 'pickup',
  businessDate: '2041-03-01',
  status: 'queued',
  bread: null,
  peanutButter: null,
  jelly: null,
  toast: null,
  cut: null,
  extras: [],
  items: [{ name: 'PB&J', quantity: 1 }],
  notes: null,
  canceledBy: null,
  createdAt: T0,
  ...over,
});

/** A new hub order through its first delivery (pending, no ticket yet). */
async function arrive(over: Partial<HubOrder> = {}) {
  const id = hubId();
  const result = await ingestHubOrder(delivery(id), () => ({
    outcome: 'applied',
    actor: 'kitchenhub',
    hub: newHub(id, over),
  }));
  return { id, ...result };
}

const accept =
  (now: number): Parameters<typeof decideHubOrder>[1] =>
  ({ hub }) => ({
    outcome: 'applied',
    actor: 'staff:mgr',
    hub: { hubOrderId: hub.hubOrderId, state: 'accepted', prepTimeMinutes: 10, decidedBy: 'staff:mgr', decidedAt: now },
    createTicket: ticket({ createdAt: now }),
    calls: [{ action: 'accept', payload: { status: 'accept', prep_time: 10 } }],
  });

describe('deliveries', () => {
  test('recordDelivery keeps a delivery that changed nothing; the log lists newest first without the body', async () => {
    const first = await recordDelivery({ ...delivery(hubId()), outcome: 'invalid', error: 'not JSON' });
    const second = await recordDelivery({
      ...delivery('x'),
      hubOrderId: null,
      eventType: null,
      hubStatus: null,
      outcome: 'unauthorized',
      error: null,
    });
    expect(second).toBeGreaterThan(first);
    const log = await listDeliveries({ limit: 2 });
    expect(log.map((d) => d.id)).toEqual([second, first]);
    expect(log[1]).toEqual({
      id: first,
      receivedAt: expect.any(Number),
      headers: { 'content-type': 'application/json', 'user-agent': 'KitchenHub' },
      eventType: 'Order',
      hubOrderId: expect.any(String),
      hubStatus: 'new',
      outcome: 'invalid',
      error: 'not JSON',
      source: 'webhook',
    });
    expect((await listDeliveries({ outcomes: ['unauthorized'] })).map((d) => d.id)).toContain(second);
    expect((await listDeliveries({ outcomes: ['unauthorized'] })).map((d) => d.id)).not.toContain(first);
    expect(await listDeliveries({ outcomes: [] })).toEqual([]);
    const stored = await getDelivery(first);
    expect(stored).toMatchObject({
      ...log[1],
      body: expect.stringContaining('"id":'),
      bodyHash: expect.stringMatching(/^hash-/),
    });
    expect(await getDelivery(second + 1000)).toBeUndefined();
  });

  test('a delivery keeps how it came; countRecovered counts the applied ones reconciliation found, nothing else', async () => {
    const before = await countRecovered();
    const found = await recordDelivery({
      ...delivery(hubId()),
      source: 'reconciliation',
      outcome: 'applied',
      error: null,
    });
    await recordDelivery({ ...delivery(hubId()), source: 'reconciliation', outcome: 'stale', error: null });
    await recordDelivery({ ...delivery(hubId()), outcome: 'applied', error: null }); // a webhook
    await recordDelivery({ ...delivery(hubId()), source: 'replay', outcome: 'applied', error: null });
    expect(await countRecovered()).toBe(before + 1);
    expect((await listDeliveries({ limit: 4 })).map((d) => [d.id === found, d.source])).toEqual([
      [false, 'replay'],
      [false, 'webhook'],
      [false, 'reconciliation'],
      [true, 'reconciliation'],
    ]);
  });

  test('a first delivery stores the hub order with its big id and data exactly; the same body again is a duplicate', async () => {
    const id = hubId();
    const d = delivery(id);
    const plan = vi.fn((): HubPlan => ({ outcome: 'applied', actor: 'kitchenhub', hub: newHub(id) }));
    const first = await ingestHubOrder(d, plan);
    expect(first).toEqual({ outcome: 'applied', changed: [], orderId: null, deliveryId: expect.any(Number) });
    const hub = await getHubOrder(id);
    expect(hub).toEqual({ ...newHub(id), orderId: null, updatedAt: d.receivedAt });
    expect(hub?.data).toEqual({ id, items: [{ name: 'PB&J', quantity: 1 }] });

    const again = await ingestHubOrder({ ...d, receivedAt: d.receivedAt + 1 }, plan);
    expect(again).toEqual({ outcome: 'duplicate', changed: [], orderId: null, deliveryId: expect.any(Number) });
    expect(plan).toHaveBeenCalledTimes(1);
    expect((await getDelivery(again.deliveryId))?.outcome).toBe('duplicate');
    expect(await getHubOrder(id)).toEqual(hub);
    expect(await getHubOrder('404')).toBeUndefined();
  });

  test('a stale or ignored plan writes the delivery only; a stale body again is a duplicate, an ignored one is decided again', async () => {
    const { id } = await arrive();
    const before = await getHubOrder(id);
    const stale = delivery(id, { hubStatus: 'new' });
    expect(
      await ingestHubOrder(stale, () => ({
        outcome: 'stale',
        actor: 'kitchenhub',
        hub: newHub(id, { state: 'rejected' }),
      })),
    ).toMatchObject({ outcome: 'stale', changed: [] });
    expect(await getHubOrder(id)).toEqual(before);
    expect((await ingestHubOrder(stale, () => ({ outcome: 'applied', actor: 'kitchenhub' }))).outcome).toBe(
      'duplicate',
    );
    const ignored = delivery(id);
    expect((await ingestHubOrder(ignored, () => ({ outcome: 'ignored', actor: 'kitchenhub' }))).outcome).toBe(
      'ignored',
    );
    expect((await ingestHubOrder(ignored, () => ({ outcome: 'ignored', actor: 'kitchenhub' }))).outcome).toBe(
      'ignored',
    );
  });

  test('a decide that throws records nothing', async () => {
    const id = hubId();
    const d = delivery(id);
    await expect(
      ingestHubOrder(d, () => {
        throw new Error('bad plan');
      }),
    ).rejects.toThrow('bad plan');
    expect(await getHubOrder(id)).toBeUndefined();
    expect((await listDeliveries({ limit: 5 })).map((x) => x.hubOrderId)).not.toContain(id);
  });

  test('the same delivery 6 times at once is applied once; the rest are duplicates', async () => {
    const id = hubId();
    const d = delivery(id);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        ingestHubOrder(d, () => ({ outcome: 'applied', actor: 'kitchenhub', hub: newHub(id) })),
      ),
    );
    expect(results.map((r) => r.outcome).sort()).toEqual([
      'applied',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
  });

  test('different first deliveries of one hub order at once: each decides on what the one before it wrote', async () => {
    const id = hubId();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        ingestHubOrder(delivery(id), ({ hub }) =>
          hub
            ? {
                outcome: 'applied',
                actor: 'kitchenhub',
                hub: { hubOrderId: id, hubDailyNumber: (hub.hubDailyNumber ?? 0) + 1 },
              }
            : { outcome: 'applied', actor: 'kitchenhub', hub: newHub(id, { hubDailyNumber: 0 }) },
        ),
      ),
    );
    expect(results.every((r) => r.outcome === 'applied')).toBe(true);
    expect((await getHubOrder(id))?.hubDailyNumber).toBe(4);
  });
});

describe('tickets from hub orders', () => {
  test('accepting creates the ticket and queues the accept call; KitchenHub’s cancel moves the ticket loudly', async () => {
    const { id } = await arrive();
    const accepted = await decideHubOrder(id, accept(T0 + 100), T0 + 100);
    expect(accepted?.hub).toMatchObject({
      state: 'accepted',
      prepTimeMinutes: 10,
      decidedBy: 'staff:mgr',
      decidedAt: T0 + 100,
      updatedAt: T0 + 100,
    });
    const orderId = accepted?.hub.orderId;
    expect(orderId).toEqual(expect.stringMatching(/^ord_/));
    expect(accepted?.changed).toHaveLength(1);
    expect(accepted?.changed[0]).toMatchObject({
      order: { id: orderId, source: 'kitchenhub', status: 'queued', dailyNumber: expect.any(Number) },
      event: { type: 'created', actor: 'staff:mgr' },
    });
    expect((await listCalls({ hubOrderId: id })).map((c) => [c.action, c.state, c.payload, c.orderId])).toEqual([
      ['accept', 'pending', { status: 'accept', prep_time: 10 }, orderId],
    ]);

    // A ticket created once: accepting again does not make a second one.
    const again = await decideHubOrder(id, accept(T0 + 101), T0 + 101);
    expect(again?.changed).toEqual([]);
    expect(again?.hub.orderId).toBe(orderId);
    expect(await listCalls({ hubOrderId: id })).toHaveLength(1);

    const canceled = await ingestHubOrder(
      delivery(id, { hubStatus: 'canceled', receivedAt: T0 + 200 }),
      ({ hub, order }) => {
        expect(hub?.state).toBe('accepted');
        expect(order?.id).toBe(orderId);
        return {
          outcome: 'applied',
          actor: 'kitchenhub',
          hub: { hubOrderId: id, state: 'canceled', hubStatus: 'canceled' },
          moveTicket: { to: 'canceled', action: 'hub_cancel' },
        };
      },
    );
    expect(canceled).toMatchObject({ outcome: 'applied', orderId });
    expect(canceled.changed.map((c) => c.event)).toEqual([
      expect.objectContaining({
        type: 'status',
        action: 'hub_cancel',
        fromStatus: 'queued',
        toStatus: 'canceled',
        actor: 'kitchenhub',
        at: T0 + 200,
      }),
    ]);
    const order = await getOrder(orderId!);
    expect(order).toMatchObject({
      status: 'canceled',
      canceledBy: 'provider',
      attention: { kind: 'canceled', by: 'provider' },
      version: 2,
    });
    expect((await listKitchenOrders()).map((o) => o.id)).toContain(orderId);
    expect((await getHubOrder(id))?.state).toBe('canceled');
  });

  test('a kitchen change with a hub call queues it for the ticket’s hub order, once', async () => {
    const { id } = await arrive();
    const orderId = (await decideHubOrder(id, accept(T0 + 300), T0 + 300))!.hub.orderId!;
    const complete = {
      type: 'status' as const,
      action: 'advance',
      actor: 'staff:k',
      at: T0 + 301,
      status: 'ready' as const,
      hubCall: { action: 'complete' as const, payload: { status: 'complete' as const } },
    };
    await changeOrder(orderId, () => complete);
    await changeOrder(orderId, () => ({ ...complete, at: T0 + 302 }));
    expect((await listCalls({ hubOrderId: id })).map((c) => [c.action, c.createdBy])).toEqual([
      ['complete', 'staff:k'],
      ['accept', 'staff:mgr'],
    ]);
    expect((await orderHistory(orderId)).map((e) => e.version)).toEqual([1, 2, 3]);
  });

  test('decideHubOrder: an unknown id is undefined; a reject queues its call and creates no ticket', async () => {
    expect(
      await decideHubOrder(
        '404',
        () => {
          throw new Error('not called');
        },
        T0,
      ),
    ).toBeUndefined();
    const { id } = await arrive();
    const rejected = await decideHubOrder(
      id,
      ({ hub }) => ({
        outcome: 'applied',
        actor: 'staff:mgr',
        hub: {
          hubOrderId: hub.hubOrderId,
          state: 'rejected',
          rejectReason: 'closed',
          decidedBy: 'staff:mgr',
          decidedAt: T0 + 400,
        },
        calls: [{ action: 'reject', payload: { status: 'cancel' } }],
      }),
      T0 + 400,
    );
    expect(rejected).toEqual({
      hub: expect.objectContaining({ state: 'rejected', rejectReason: 'closed', orderId: null }),
      changed: [],
    });
    expect((await listCalls({ hubOrderId: id })).map((c) => c.action)).toEqual(['reject']);
  });

  test('listHubOrders: these states, oldest first, up to a limit; dueScheduledHubOrders: fire time come', async () => {
    const base = T0 + 10_000_000;
    const later = await arrive({ state: 'scheduled', createdAt: base + 2, fireAt: base + 50, scheduledFor: base + 60 });
    const sooner = await arrive({
      state: 'scheduled',
      createdAt: base + 1,
      fireAt: base + 40,
      scheduledFor: base + 50,
    });
    const pending = await arrive({ createdAt: base + 3 });
    const mine = new Set([later.id, sooner.id, pending.id]);
    const listed = (await listHubOrders(['scheduled', 'pending'])).filter((h) => mine.has(h.hubOrderId));
    expect(listed.map((h) => h.hubOrderId)).toEqual([sooner.id, later.id, pending.id]);
    expect((await listHubOrders(['scheduled'])).filter((h) => mine.has(h.hubOrderId)).map((h) => h.hubOrderId)).toEqual(
      [sooner.id, later.id],
    );
    expect(
      await listHubOrders(['scheduled', 'pending', 'accepted', 'rejected', 'canceled', 'completed'], 2),
    ).toHaveLength(2);

    expect((await dueScheduledHubOrders(base + 39)).filter((h) => mine.has(h))).toEqual([]);
    expect((await dueScheduledHubOrders(base + 40)).filter((h) => mine.has(h))).toEqual([sooner.id]);
    expect((await dueScheduledHubOrders(base + 50)).filter((h) => mine.has(h))).toEqual([sooner.id, later.id]);
  });

  test('a scheduled order fired by 5 workers at once gets one ticket', async () => {
    const { id } = await arrive({ state: 'scheduled', fireAt: T0 + 500 });
    const fire: Parameters<typeof decideHubOrder>[1] = ({ hub }) =>
      hub.state === 'scheduled'
        ? {
            outcome: 'applied',
            actor: 'system',
            hub: { hubOrderId: hub.hubOrderId, state: 'accepted' },
            createTicket: ticket({ createdAt: T0 + 500 }),
          }
        : { outcome: 'stale', actor: 'system' };
    const results = await Promise.all(Array.from({ length: 5 }, () => decideHubOrder(id, fire, T0 + 500)));
    expect(results.filter((r) => r?.changed.length)).toHaveLength(1);
    expect(results.every((r) => r?.hub.state === 'accepted' && r.hub.orderId === results[0]?.hub.orderId)).toBe(true);
    expect(await dueScheduledHubOrders(T0 + 500)).not.toContain(id);
  });
});
