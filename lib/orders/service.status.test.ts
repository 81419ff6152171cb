// The services against the status machine, on the real database: for every status an order can reach
// and every action a service offers, the order ends where transition() says, or the service refuses
// exactly where transition() says no. So no service has a status rule of its own.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { listCalls } from '@/db/storage/outbox';
import { getOrder, orderHistory } from '@/db/storage/orders';
import { ApiError } from '../errors';
import { processDelivery } from '../kitchenhub/ingest';
import { cancelOrder, markItem, moveOrder, placeOrder, resolveStaleOrder } from './service';
import { stepsFor, transition, type OrderAction, type OrderStatus } from './status';
import type { Order } from './types';

// transition() itself, watched: the services must ask it (and it answers as always).
vi.mock('./status', async (importOriginal) => {
  const real = await importOriginal<typeof import('./status')>();
  return { ...real, transition: vi.fn(real.transition) };
});
const asked = () => vi.mocked(transition).mock.calls.map(([o, action]) => `${o.status} ${action}`);
beforeEach(() => {
  vi.mocked(transition).mockClear(); // (a hook must not return the mock: vitest would call it as a clean-up)
});

const kitchen = { actor: 'staff:stf_kitchen' };
const DAY = 86_400_000;

/** Every status an order with this toast can be in. */
const reachable = (toast: string | null): OrderStatus[] => [...stepsFor({ toast }), 'canceled'];

async function apiOrder(toast = 'light'): Promise<string> {
  const placed = await placeOrder({
    clientId: 'cli_demo',
    body: { customer_id: 'cus_status', bread: 'brioche', peanut_butter: 'smooth', jelly: 'grape', toast },
    origin: 'http://x',
  });
  expect(placed.status).toBe(201);
  return (JSON.parse(placed.body) as { order_id: string }).order_id;
}

let hubIds = 7_100_000_000_000_000; // KitchenHub ids of this file's own (beyond 2^53, as KitchenHub's can be)
/** A delivery-app ticket with `items` items, as KitchenHub's "accepted" webhook makes one (toast null). */
async function hubTicket(items = 2): Promise<{ orderId: string; hubOrderId: string }> {
  const hubOrderId = String(++hubIds);
  const done = await processDelivery({ body: hubBody(hubOrderId, 'accepted', items), headers: {} });
  expect(done.outcome).toBe('applied');
  return { orderId: done.orderId!, hubOrderId };
}
const hubBody = (hubOrderId: string, status: string, items = 2) =>
  JSON.stringify({
    order: { id: hubOrderId, type: 'pickup', status, asap: true },
    provider: { id: 'grubhub', name: 'Grubhub' },
    customer: { name: 'Ada Lovelace' },
    items: Array.from({ length: items }, (_, i) => ({ name: `Item ${i + 1}`, quantity: 1 })),
  });

/** Takes a queued or prepping order to `target` as the kitchen would: taps along its line, or a cancel. */
async function bringTo(orderId: string, target: OrderStatus): Promise<void> {
  if (target === 'canceled') {
    await cancelOrder({ ...kitchen, orderId, canceledBy: 'kitchen' });
    return;
  }
  let o = (await getOrder(orderId))!;
  const line = stepsFor(o);
  expect(line).toContain(target);
  while (o.status !== target)
    o = await moveOrder({
      ...kitchen,
      orderId,
      action: line.indexOf(target) > line.indexOf(o.status) ? 'advance' : 'undo',
    });
}

/** The status a service call leaves the order in, or the code it refused with. */
async function outcome(call: Promise<Order>): Promise<string> {
  try {
    return (await call).status;
  } catch (err) {
    if (err instanceof ApiError) return err.code;
    throw err;
  }
}

describe('the order service moves orders only as transition() says', () => {
  test('kitchen taps (advance, undo) and cancels, from every status of a toasted order', async () => {
    const seen: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const status of reachable('light'))
      for (const action of ['advance', 'undo', 'cancel'] as const) {
        const orderId = await apiOrder('light');
        await bringTo(orderId, status);
        vi.mocked(transition).mockClear();
        const call =
          action === 'cancel'
            ? cancelOrder({ ...kitchen, orderId, canceledBy: 'customer' })
            : moveOrder({ ...kitchen, orderId, action });
        seen[`${status} ${action}`] = await outcome(call);
        expect(asked()).toEqual([`${status} ${action}`]); // asked once, of the row it changes
        expected[`${status} ${action}`] =
          transition({ status, toast: 'light' }, action) ?? (action === 'cancel' ? 'order_not_cancelable' : 'conflict');
      }
    expect(seen).toEqual(expected);
  });

  test("a manager's close and void of an order left open from an earlier day", async () => {
    const seen: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const status of reachable('none'))
      for (const action of ['close', 'void'] as const) {
        const orderId = await apiOrder('none');
        await bringTo(orderId, status);
        const call = resolveStaleOrder(
          { ...kitchen, orderId, outcome: action === 'close' ? 'delivered' : 'canceled' },
          Date.now() + 2 * DAY, // two days on, the order is from an earlier day
        );
        seen[`${status} ${action}`] = await outcome(call);
        expected[`${status} ${action}`] = transition({ status, toast: 'none' }, action) ?? 'conflict';
      }
    expect(seen).toEqual(expected);
  });

  test('item marks on a delivery-app order: item_done, item_undone and the last item (items_done), from every status', async () => {
    const seen: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const status of reachable(null))
      for (const mark of ['item_done', 'item_undone', 'items_done'] as const satisfies OrderAction[]) {
        const { orderId } = await hubTicket(2);
        // Item 0 is the one marked below; for an undo it must be done first, for the last item the other one.
        if (mark === 'item_undone') await markItem({ ...kitchen, orderId, index: 0, done: true });
        if (mark === 'items_done') await markItem({ ...kitchen, orderId, index: 1, done: true });
        await bringTo(orderId, status);
        const key = `${status} ${mark}`;
        seen[key] = await outcome(markItem({ ...kitchen, orderId, index: 0, done: mark !== 'item_undone' }));
        const to = transition({ status, toast: null }, mark);
        expected[key] = to ?? 'conflict';
        if (to === null) continue;
        // A mark that moves the order is a status event; one that does not is an item event.
        const last = (await orderHistory(orderId)).at(-1)!;
        expect([key, last.type, last.fromStatus, last.toStatus]).toEqual(
          to === status ? [key, 'item', status, status] : [key, 'status', status, to],
        );
      }
    expect(seen).toEqual(expected);
  });

  test('all items marked before anyone tapped Start: queued straight to ready, and KitchenHub hears "complete" once', async () => {
    const { orderId, hubOrderId } = await hubTicket(2);
    await markItem({ ...kitchen, orderId, index: 1, done: true }); // queued → prepping
    await moveOrder({ ...kitchen, orderId, action: 'undo' }); // a cook's undo: back to queued, item 1 still done
    vi.mocked(transition).mockClear();
    const order = await markItem({ ...kitchen, orderId, index: 0, done: true });
    expect([order.status, order.itemsDone]).toEqual(['ready', [0, 1]]);
    expect(asked()).toEqual(['queued items_done']); // the machine decided, not markItem
    const history = await orderHistory(orderId);
    expect(history.map((e) => [e.type, e.action, e.fromStatus, e.toStatus])).toEqual([
      ['created', 'create', null, 'queued'],
      ['status', 'item_done', 'queued', 'prepping'],
      ['status', 'undo', 'prepping', 'queued'],
      ['status', 'item_done', 'queued', 'ready'],
    ]);
    expect((await listCalls({ hubOrderId })).map((c) => c.action)).toEqual(['complete']);

    const single = await hubTicket(1); // one item: its mark is the last one
    const done = await markItem({ ...kitchen, orderId: single.orderId, index: 0, done: true });
    expect(done.status).toBe('ready');
    expect((await listCalls({ hubOrderId: single.hubOrderId })).map((c) => c.action)).toEqual(['complete']);
  });

  test("KitchenHub's completed and canceled move a ticket in every status as hub_complete and hub_cancel say", async () => {
    const seen: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const status of reachable(null))
      for (const [hubStatus, action] of [
        ['completed', 'hub_complete'],
        ['canceled', 'hub_cancel'],
      ] as const) {
        const { orderId, hubOrderId } = await hubTicket(2);
        await bringTo(orderId, status);
        await processDelivery({ body: hubBody(hubOrderId, hubStatus), headers: {} });
        seen[`${status} ${action}`] = (await getOrder(orderId))!.status;
        expected[`${status} ${action}`] = transition({ status, toast: null }, action) ?? status; // refused: stays
      }
    expect(seen).toEqual(expected);
  });
});
