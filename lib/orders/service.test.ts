import { afterEach, describe, expect, test } from 'vitest';
import { eventually } from '@/test/eventually';
import { SEED_EXAMPLE_ORDER } from '@/test/seed-order';
import { getOrder, orderHistory } from '@/db/storage/orders';
import { setStock } from '@/db/storage/menu';
import { ApiError } from '../errors';
import { orderFeed, type FeedItem } from '../live/feed';
import { businessDate, cancelOrder, editOrder, moveOrder, placeOrder } from './service';
import type { CreateOrderBody } from './schemas';

const BODY: CreateOrderBody = SEED_EXAMPLE_ORDER;
const client = 'cli_demo';
const place = async (body: Partial<CreateOrderBody> = {}, idempotencyKey?: string) => {
  const placed = await placeOrder({ clientId: client, body: { ...BODY, ...body }, idempotencyKey, origin: 'http://x' });
  return { ...placed, view: JSON.parse(placed.body) as { order_id: string; version: number; eta_minutes: number } };
};
const staff = (seenVersion: number) => ({ actor: 'staff:stf_kitchen', seenVersion });

const rejects = async (p: Promise<unknown>, code: string) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  expect((err as ApiError).code).toBe(code);
  return err as ApiError;
};

afterEach(async () => {
  await setStock('jelly', 'grape', true, Date.now());
});

describe('order service', () => {
  test('every change bumps the version and appends exactly one event', async () => {
    const { view } = await place();
    const id = view.order_id;
    await moveOrder({ ...staff(1), orderId: id, action: 'advance' });
    await editOrder({ actor: 'api:cli_demo', clientId: client, orderId: id, changes: { jelly: 'strawberry' } });
    await moveOrder({ ...staff(3), orderId: id, action: 'undo' });
    const history = await orderHistory(id);
    expect(history.map((e) => [e.type, e.fromStatus, e.toStatus, e.version])).toEqual([
      ['created', null, 'queued', 1],
      ['status', 'queued', 'prepping', 2],
      ['edited', 'prepping', 'prepping', 3],
      ['status', 'prepping', 'queued', 4],
    ]);
    expect(history[2]?.changes).toEqual({ jelly: { from: 'grape', to: 'strawberry' } });
    expect((await getOrder(id))?.version).toBe(4);
  });

  test('two screens tapping with the same version: the second gets 409 conflict with the current ticket, and only one move happens', async () => {
    const { view } = await place();
    await moveOrder({ ...staff(1), orderId: view.order_id, action: 'advance' });
    const err = await rejects(moveOrder({ ...staff(1), orderId: view.order_id, action: 'advance' }), 'conflict');
    expect(err.extra.order).toMatchObject({ order_id: view.order_id, status: 'prepping', version: 2 });
    expect((await getOrder(view.order_id))?.status).toBe('prepping');
  });

  test('a refused cancel writes nothing', async () => {
    const { view } = await place();
    const id = view.order_id;
    await moveOrder({ ...staff(1), orderId: id, action: 'advance' });
    await moveOrder({ ...staff(2), orderId: id, action: 'advance' }); // toasting
    await rejects(cancelOrder({ actor: 'tracker', orderId: id, canceledBy: 'customer' }), 'order_not_cancelable');
    expect(await orderHistory(id)).toHaveLength(3);
    expect(await getOrder(id)).toMatchObject({ status: 'toasting', version: 3, canceledBy: null });
  });

  test('an edit that changes nothing makes no new version', async () => {
    const { view } = await place();
    const order = await editOrder({
      actor: 'api:cli_demo',
      clientId: client,
      orderId: view.order_id,
      changes: { jelly: 'grape', bread: 'brioche' },
    });
    expect(order.version).toBe(1);
    expect(await orderHistory(view.order_id)).toHaveLength(1);
  });

  test("another client's order is not found, for edits and cancels alike", async () => {
    const { view } = await place();
    await rejects(
      editOrder({ actor: 'api:x', clientId: 'cli_other', orderId: view.order_id, changes: { jelly: 'apricot' } }),
      'not_found',
    );
    await rejects(
      cancelOrder({ actor: 'api:x', clientId: 'cli_other', orderId: view.order_id, canceledBy: 'customer' }),
      'not_found',
    );
  });

  test('an 86d option refuses new orders with the seed message and creates nothing', async () => {
    await setStock('jelly', 'grape', false, Date.now());
    const err = await rejects(place(), 'out_of_stock');
    expect(err.message).toBe('Grape jelly is out of stock.');
    expect(err.extra).toEqual({ item: { type: 'jelly', option: 'grape' } });
  });

  test('daily numbers count up within the business day', async () => {
    const a = await place();
    const b = await place();
    const [oa, ob] = [await getOrder(a.view.order_id), await getOrder(b.view.order_id)];
    expect(ob!.dailyNumber).toBe(oa!.dailyNumber + 1);
    expect(oa!.businessDate).toBe(businessDate(Date.now(), 'UTC'));
  });

  test('the business day follows the store time zone', () => {
    const lateEvening = Date.UTC(2026, 10, 24, 3, 30); // 22:30 on the 23rd in New York
    expect(businessDate(lateEvening, 'America/New_York')).toBe('2026-11-23');
    expect(businessDate(lateEvening, 'UTC')).toBe('2026-11-24');
  });

  test('an idempotent retry replays the first answer and creates no second order', async () => {
    const first = await place({}, 'retry-1');
    const again = await place({}, 'retry-1');
    expect(again.replayed).toBe(true);
    expect(again.body).toBe(first.body);
    await rejects(place({ jelly: 'apricot' }, 'retry-1'), 'idempotency_conflict');
  });

  test('changes are published to the kitchen topic and to the order topic after commit', async () => {
    const kitchen: FeedItem[] = [];
    const unsubscribe = orderFeed.subscribe('kitchen', (i) => kitchen.push(i));
    await orderFeed.ready();
    try {
      const { view } = await place();
      // Delivered before the order's own topic is followed (on PostgreSQL delivery comes a moment later).
      await eventually(
        () => kitchen.length,
        (n) => n === 1,
        'the first order to be delivered',
        5_000,
      );
      const mine: FeedItem[] = [];
      const off = orderFeed.subscribe(`order:${view.order_id}`, (i) => mine.push(i));
      const other = await place();
      await moveOrder({ ...staff(1), orderId: view.order_id, action: 'advance' });
      // On SQLite delivery is immediate; on PostgreSQL it comes from the event log a moment later.
      await eventually(
        () => kitchen.length + mine.length,
        (n) => n >= 4,
        'the changes to be delivered',
        5_000,
      );
      off();
      expect(kitchen.map((i) => i.order.id)).toEqual([view.order_id, other.view.order_id, view.order_id]);
      expect(mine.map((i) => [i.event.toStatus, i.order.status])).toEqual([['prepping', 'prepping']]);
      for (const i of kitchen) expect((await getOrder(i.order.id))?.version).toBeGreaterThanOrEqual(i.event.version);
    } finally {
      unsubscribe();
    }
  });
});
