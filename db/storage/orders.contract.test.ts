// The orders storage contract, through db/storage: the same file runs on the SQLite file and (with
// TEST_DATABASE_URL) on PostgreSQL. The parallel tests are what several app instances do at once:
// on SQLite they run one after another, on PostgreSQL they fail without db/pg's locks.
import { describe, expect, test } from 'vitest';
import { DEMO_CLIENT_ID, newOrderId, newStoredOrder } from '@/test/storage-fixtures';
import type { Order } from '../types/orders';
import { insertApiKey } from './api-keys';
import {
  changeOrder,
  createOrder,
  eventsSince,
  findIdempotentResponse,
  getOrder,
  latestEventSeq,
  listClientOrders,
  listKitchenOrders,
  listOpenOrders,
  listQueue,
  listRecentlyClosed,
  listStaleOpenOrders,
  orderHistory,
  pruneIdempotencyKeys,
  readySince,
  type NewOrder,
  type OrderChange,
} from './orders';

const T0 = 1_900_000_000_000; // a fixed clock: ms times far from other tests' Date.now()
let days = 0;
/** A business day no other test uses (daily numbers restart on each). */
const freshDay = () => `2040-01-${String(++days).padStart(3, '0')}`;

const newOrder = (over: Partial<NewOrder> = {}): NewOrder =>
  newStoredOrder({ businessDate: '2040-02-01', createdAt: T0, ...over });

async function place(over: Partial<NewOrder> = {}) {
  const created = await createOrder(newOrder(over), 'test');
  if (created.kind !== 'created') throw new Error(created.kind);
  return created;
}

const to = (status: Order['status'], at: number, extra: Partial<OrderChange> = {}): OrderChange => ({
  type: 'status',
  action: 'advance',
  actor: 'test',
  at,
  status,
  ...extra,
});

let clients = 0;
/** A client of its own, so its order list holds only this test's orders. */
async function newClient(): Promise<string> {
  const id = `cli_contract_${++clients}_${newOrderId().slice(4, 10)}`;
  await insertApiKey({
    id: `key_${id}`,
    clientId: id,
    clientName: 'Contract',
    name: 't',
    keyHash: `hash_${id}`,
    prefix: 'pbj_test_c',
    mode: 'test',
    now: T0,
  });
  return id;
}

describe('createOrder and the idempotency record', () => {
  test('numbers the day from 1, logs the created event and reads back what it returned', async () => {
    const day = freshDay();
    const first = await place({
      businessDate: day,
      items: [{ name: 'PB&J', options: { jelly: 'grape' } }],
      notes: 'no crusts',
    });
    const second = await place({ businessDate: day });
    const other = await place({ businessDate: freshDay() });
    expect([first.order.dailyNumber, second.order.dailyNumber, other.order.dailyNumber]).toEqual([1, 2, 1]);
    expect(first.event).toEqual({
      seq: expect.any(Number),
      orderId: first.order.id,
      type: 'created',
      action: 'create',
      fromStatus: null,
      toStatus: 'queued',
      actor: 'test',
      changes: null,
      version: 1,
      at: T0,
    });
    expect(first.order).toMatchObject({
      version: 1,
      attention: null,
      rush: false,
      itemsDone: [],
      extras: ['honey'],
      items: [{ name: 'PB&J', options: { jelly: 'grape' } }],
      updatedAt: T0,
      statusAt: T0,
    });
    expect(first.response).toBeNull();
    expect(await getOrder(first.order.id)).toEqual(first.order);
    expect(await getOrder('ord_unknown')).toBeUndefined();
    expect(second.event.seq).toBeGreaterThan(first.event.seq);
  });

  test('a stored NULL list reads as []; an order with no extras keeps them absent through changes', async () => {
    const { order } = await place({ extras: null as unknown as string[] }); // as a provider order may store it
    expect(order.extras).toEqual([]);
    const moved = await changeOrder(order.id, () => to('prepping', T0 + 1));
    expect(moved?.order.extras).toEqual([]);
    expect(await getOrder(order.id)).toEqual(moved?.order);
  });

  test('an idempotent create replays the first response, refuses another request, and writes nothing more', async () => {
    const claim = { clientId: DEMO_CLIENT_ID, key: `k-${newOrderId()}`, requestHash: 'h1' };
    expect(await findIdempotentResponse(claim)).toBeUndefined();
    const render = (o: Order) => ({ status: 201, body: JSON.stringify({ id: o.id }) });
    const created = await createOrder(newOrder(), 'test', { claim, render });
    if (created.kind !== 'created') throw new Error(created.kind);
    const first = { status: 201, body: JSON.stringify({ id: created.order.id }) };
    expect(created.response).toEqual(first);
    const open = (await listOpenOrders()).length;
    expect(await createOrder(newOrder(), 'test', { claim, render })).toEqual({ kind: 'replay', response: first });
    expect(await createOrder(newOrder(), 'test', { claim: { ...claim, requestHash: 'h2' }, render })).toEqual({
      kind: 'mismatch',
    });
    expect(await findIdempotentResponse(claim)).toEqual({ kind: 'replay', response: first });
    expect(await findIdempotentResponse({ ...claim, requestHash: 'h2' })).toEqual({ kind: 'mismatch' });
    expect(await findIdempotentResponse({ ...claim, clientId: 'cli_other' })).toBeUndefined(); // keys are per client
    expect(await listOpenOrders()).toHaveLength(open);
  });

  test('a render that throws rolls the order back', async () => {
    const day = freshDay();
    const claim = { clientId: DEMO_CLIENT_ID, key: `k-${newOrderId()}`, requestHash: 'h' };
    const input = newOrder({ businessDate: day });
    await expect(
      createOrder(input, 'test', {
        claim,
        render: () => {
          throw new Error('render failed');
        },
      }),
    ).rejects.toThrow('render failed');
    expect(await getOrder(input.id)).toBeUndefined();
    expect(await findIdempotentResponse(claim)).toBeUndefined();
    expect((await place({ businessDate: day })).order.dailyNumber).toBe(1);
  });

  test('pruneIdempotencyKeys drops records older than the cut and counts them', async () => {
    const render = () => ({ status: 201, body: '{}' });
    for (const createdAt of [1_000, 2_000, 3_000]) {
      await createOrder(newOrder({ createdAt }), 'test', {
        claim: { clientId: DEMO_CLIENT_ID, key: `old-${createdAt}-${newOrderId()}`, requestHash: 'h' },
        render,
      });
    }
    expect(await pruneIdempotencyKeys(2_500)).toBe(2);
    expect(await pruneIdempotencyKeys(2_500)).toBe(0);
    expect(await pruneIdempotencyKeys(3_001)).toBe(1);
  });

  test('20 orders placed at once on one day take the numbers 1 to 20, each once', async () => {
    const day = freshDay();
    const created = await Promise.all(Array.from({ length: 20 }, () => place({ businessDate: day })));
    expect(created.map((c) => c.order.dailyNumber).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  test('one idempotency key sent 10 times at once creates one order; the others replay its response', async () => {
    const day = freshDay();
    const claim = { clientId: DEMO_CLIENT_ID, key: `k-${newOrderId()}`, requestHash: 'same' };
    const render = (o: Order) => ({ status: 201, body: o.id });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => createOrder(newOrder({ businessDate: day }), 'test', { claim, render })),
    );
    const created = results.filter((r) => r.kind === 'created');
    expect(created).toHaveLength(1);
    const id = created[0]?.order.id;
    expect(results.filter((r) => r.kind === 'replay')).toEqual(
      Array.from({ length: 9 }, () => ({ kind: 'replay', response: { status: 201, body: id } })),
    );
    expect((await place({ businessDate: day })).order.dailyNumber).toBe(2);
  });
});

describe('changeOrder', () => {
  test('writes what the change names and leaves every other column as it was', async () => {
    const { order } = await place({ notes: 'no crusts', toast: 'light' });
    const moved = await changeOrder(order.id, () => to('prepping', T0 + 5));
    expect(moved?.order).toEqual({ ...order, status: 'prepping', statusAt: T0 + 5, updatedAt: T0 + 5, version: 2 });
    expect(moved?.event).toMatchObject({
      orderId: order.id,
      type: 'status',
      action: 'advance',
      fromStatus: 'queued',
      toStatus: 'prepping',
      version: 2,
      at: T0 + 5,
      changes: null,
    });

    const changes = { jelly: { from: 'grape', to: 'apricot' }, extras: { from: ['honey'], to: [] } };
    const edited = await changeOrder(order.id, () => ({
      type: 'edited',
      action: 'edit',
      actor: 'staff:1',
      at: T0 + 9,
      fields: { jelly: 'apricot', extras: [], notes: undefined },
      changes,
      attention: { kind: 'edited', changes },
    }));
    expect(edited?.order).toEqual({
      ...moved?.order,
      jelly: 'apricot',
      extras: [],
      updatedAt: T0 + 9,
      version: 3,
      attention: { kind: 'edited', changes },
    });
    expect(edited?.event).toMatchObject({
      type: 'edited',
      action: 'edit',
      actor: 'staff:1',
      fromStatus: 'prepping',
      toStatus: 'prepping',
      version: 3,
      changes,
    });

    const rushed = await changeOrder(order.id, () => ({
      type: 'rushed',
      action: 'rush',
      actor: 'test',
      at: T0 + 10,
      fields: { rush: true, itemsDone: [0] },
    }));
    expect(rushed?.order).toMatchObject({
      rush: true,
      itemsDone: [0],
      attention: { kind: 'edited', changes },
      statusAt: T0 + 5,
      version: 4,
    });

    const canceled = await changeOrder(order.id, () =>
      to('canceled', T0 + 12, { action: 'cancel', canceledBy: 'kitchen', attention: null }),
    );
    expect(canceled?.order).toMatchObject({
      status: 'canceled',
      canceledBy: 'kitchen',
      attention: null,
      statusAt: T0 + 12,
      version: 5,
      rush: true,
    });
    expect(await getOrder(order.id)).toEqual(canceled?.order);
    expect((await listKitchenOrders()).map((o) => o.id)).not.toContain(order.id); // a kitchen cancel needs no acknowledgement
  });

  test('a decision of null writes nothing, a throw rolls back, an unknown id is undefined', async () => {
    const { order } = await place();
    const seq = await latestEventSeq();
    expect(await changeOrder(order.id, () => null)).toEqual({ order, event: null });
    await expect(
      changeOrder(order.id, () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await getOrder(order.id)).toEqual(order);
    expect(await changeOrder('ord_unknown', () => to('prepping', T0))).toBeUndefined();
    expect(await latestEventSeq()).toBe(seq);
  });

  test('decide sees the order as it is now: 10 taps at once on one ticket move it once', async () => {
    const { order } = await place();
    const seen: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        changeOrder(order.id, (current) => {
          seen.push(current.version);
          return current.status === 'queued' ? to('prepping', T0 + 1) : null;
        }),
      ),
    );
    expect(results.filter((r) => r?.event)).toHaveLength(1);
    expect(await getOrder(order.id)).toMatchObject({ status: 'prepping', version: 2 });
    expect((await orderHistory(order.id)).map((e) => e.toStatus)).toEqual(['queued', 'prepping']);
  });

  test('10 edits at once each apply to the version before them', async () => {
    const { order } = await place();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        changeOrder(order.id, (current) => ({
          type: 'item',
          action: 'item',
          actor: 'test',
          at: T0 + i,
          fields: { itemsDone: [...current.itemsDone, i] },
        })),
      ),
    );
    const after = await getOrder(order.id);
    expect(after?.version).toBe(11);
    expect([...(after?.itemsDone ?? [])].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect((await orderHistory(order.id)).map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});

describe('reading orders', () => {
  test('listClientOrders pages a client’s orders newest first, filters, and refuses a foreign cursor', async () => {
    const client = await newClient();
    const ids: string[] = [];
    for (const [i, at] of [T0 + 1, T0 + 2, T0 + 2, T0 + 3, T0 + 4].entries()) {
      ids.push((await place({ clientId: client, createdAt: at, customerId: i % 2 ? 'cus_odd' : 'cus_even' })).order.id);
    }
    const tie = [ids[1], ids[2]].sort().reverse(); // the same createdAt: the greater id first
    const expected = [ids[4], ids[3], ...tie, ids[0]];
    const all = await listClientOrders({ clientId: client, limit: 10 });
    expect(all?.map((o) => o.id)).toEqual(expected);
    const page1 = await listClientOrders({ clientId: client, limit: 2 });
    expect(page1?.map((o) => o.id)).toEqual(expected.slice(0, 3)); // limit + 1
    const page2 = await listClientOrders({ clientId: client, limit: 2, startingAfter: expected[1] });
    expect(page2?.map((o) => o.id)).toEqual(expected.slice(2, 5));
    const page3 = await listClientOrders({ clientId: client, limit: 2, startingAfter: expected[2] });
    expect(page3?.map((o) => o.id)).toEqual(expected.slice(3, 5));

    expect((await listClientOrders({ clientId: client, limit: 10, customerId: 'cus_odd' }))?.map((o) => o.id)).toEqual(
      expected.filter((id) => [ids[1], ids[3]].includes(id)),
    );
    await changeOrder(ids[0]!, () => to('prepping', T0 + 9));
    expect((await listClientOrders({ clientId: client, limit: 10, status: 'prepping' }))?.map((o) => o.id)).toEqual([
      ids[0],
    ]);
    const theirs = (await place({ createdAt: T0 + 3 })).order.id; // the demo client's
    expect(await listClientOrders({ clientId: client, limit: 10, startingAfter: theirs })).toBeUndefined();
    expect(await listClientOrders({ clientId: client, limit: 10, startingAfter: 'ord_unknown' })).toBeUndefined();
  });

  test('open orders: oldest first; the queue has what the ETA needs; the kitchen shows rush first and unacknowledged cancels', async () => {
    const base = T0 + 100_000;
    const a = (await place({ createdAt: base + 2, toast: 'light' })).order;
    const b = (await place({ createdAt: base + 1 })).order;
    const c = (await place({ createdAt: base + 3 })).order;
    const d = (await place({ createdAt: base + 4 })).order;
    const e = (await place({ createdAt: base + 5 })).order;
    await changeOrder(a.id, () => to('prepping', base + 10));
    await changeOrder(c.id, () => ({
      type: 'rushed',
      action: 'rush',
      actor: 'test',
      at: base + 11,
      fields: { rush: true },
    }));
    await changeOrder(d.id, () =>
      to('canceled', base + 12, {
        action: 'hub_cancel',
        canceledBy: 'provider',
        attention: { kind: 'canceled', by: 'provider' },
      }),
    );
    await changeOrder(e.id, () =>
      to('canceled', base + 13, { action: 'cancel', canceledBy: 'customer', attention: null }),
    );
    const mine = new Set([a.id, b.id, c.id, d.id, e.id]);

    expect((await listOpenOrders()).filter((o) => mine.has(o.id)).map((o) => o.id)).toEqual([b.id, a.id, c.id]);
    const queue = (await listQueue()).filter((q) => mine.has(q.id));
    expect(queue.find((q) => q.id === a.id)).toEqual({
      id: a.id,
      status: 'prepping',
      toast: 'light',
      statusAt: base + 10,
      createdAt: base + 2,
      rush: false,
    });
    expect(queue.map((q) => q.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect((await listQueue()).map((q) => q.id).sort()).toEqual((await listOpenOrders()).map((o) => o.id).sort());
    const kitchen = (await listKitchenOrders()).filter((o) => mine.has(o.id));
    expect(kitchen.map((o) => o.id)).toEqual([c.id, b.id, a.id, d.id]);
    expect(kitchen[3]).toMatchObject({ status: 'canceled', attention: { kind: 'canceled', by: 'provider' } });
  });

  test('listRecentlyClosed: delivered and canceled since a time, newest first, at most `limit`', async () => {
    const base = T0 + 5_000_000;
    const made = [];
    for (let i = 0; i < 4; i++) made.push((await place({ createdAt: base })).order);
    const [a, b, c, d] = made as [Order, Order, Order, Order];
    await changeOrder(a.id, () => to('delivered', base + 10));
    await changeOrder(b.id, () => to('canceled', base + 30, { canceledBy: 'customer' }));
    await changeOrder(c.id, () => to('ready', base + 40));
    await changeOrder(d.id, () => to('delivered', base + 20));
    expect((await listRecentlyClosed(base + 5, 10)).map((o) => o.id)).toEqual([b.id, d.id, a.id]);
    expect((await listRecentlyClosed(base + 5, 2)).map((o) => o.id)).toEqual([b.id, d.id]);
    expect((await listRecentlyClosed(base + 20, 10)).map((o) => o.id)).toEqual([b.id]);
  });

  test('readySince: each ticket once, with when it was placed and when it first got to ready', async () => {
    const base = T0 + 9_000_000;
    const a = (await place({ createdAt: base })).order;
    const b = (await place({ createdAt: base + 1 })).order;
    await changeOrder(a.id, () => to('ready', base + 10));
    await changeOrder(a.id, () => to('prepping', base + 11, { action: 'undo' }));
    await changeOrder(a.id, () => to('ready', base + 12));
    await changeOrder(b.id, () => to('ready', base + 20));
    const since = (await readySince(base)).filter((r) => r.createdAt >= base);
    expect(since.sort((x, y) => x.createdAt - y.createdAt)).toEqual([
      { createdAt: base, readyAt: base + 10 },
      { createdAt: base + 1, readyAt: base + 20 },
    ]);
    expect(
      (await readySince(base + 10)).filter((r) => r.createdAt >= base).sort((x, y) => x.createdAt - y.createdAt),
    ).toEqual([
      { createdAt: base, readyAt: base + 12 },
      { createdAt: base + 1, readyAt: base + 20 },
    ]);
  });

  test('listStaleOpenOrders: open orders from days before today, oldest first', async () => {
    const a = (await place({ businessDate: '2001-01-02', createdAt: 2 })).order;
    const b = (await place({ businessDate: '2001-01-01', createdAt: 1 })).order;
    const c = (await place({ businessDate: '2001-01-01', createdAt: 3 })).order;
    await place({ businessDate: '2001-01-03', createdAt: 0 }); // today: not stale
    await changeOrder(c.id, () => to('delivered', 4));
    expect((await listStaleOpenOrders('2001-01-03')).map((o) => o.id)).toEqual([b.id, a.id]);
    expect((await listStaleOpenOrders('2001-01-02')).map((o) => o.id)).toEqual([b.id]);
  });
});

describe('the event log', () => {
  test('eventsSince: oldest first, each with its order as it is now, by order, up to a limit; orderHistory', async () => {
    const start = await latestEventSeq();
    const a = (await place()).order;
    const b = (await place()).order;
    await changeOrder(a.id, () => to('prepping', T0 + 1));
    const all = await eventsSince(start, 10);
    expect(all.map((r) => [r.event.orderId, r.event.toStatus])).toEqual([
      [a.id, 'queued'],
      [b.id, 'queued'],
      [a.id, 'prepping'],
    ]);
    expect(all[0]?.order).toMatchObject({ id: a.id, status: 'prepping', version: 2 }); // as it is now
    expect(all.map((r) => r.event.seq)).toEqual([start + 1, start + 2, start + 3]);
    expect(await latestEventSeq()).toBe(start + 3);
    expect((await eventsSince(start, 2)).map((r) => r.event.seq)).toEqual([start + 1, start + 2]);
    expect((await eventsSince(start, 10, a.id)).map((r) => r.event.seq)).toEqual([start + 1, start + 3]);
    expect(await eventsSince(start + 3, 10)).toEqual([]);
    expect(await orderHistory(a.id)).toEqual(all.filter((r) => r.event.orderId === a.id).map((r) => r.event));
    expect(await orderHistory('ord_unknown')).toEqual([]);
  });

  test('a reader following the log while 40 writes land at once misses none, and the log has no gaps', async () => {
    const tickets = await Promise.all(Array.from({ length: 20 }, () => place({ businessDate: freshDay() })));
    const start = await latestEventSeq();
    let done = false;
    let last = start;
    const read: number[] = [];
    const follower = (async () => {
      // As a live stream does: resume after the highest seq seen, never look back.
      while (!done) {
        for (const { event } of await eventsSince(last, 1000)) {
          read.push(event.seq);
          last = event.seq;
        }
        await new Promise((r) => setTimeout(r, 0));
      }
    })();
    // render runs between a create's event and its commit: a slow one holds that event uncommitted
    // while later ones commit (on PostgreSQL, without the log's lock, the follower would skip it).
    // Every write is on its own ticket and day, so nothing else makes them wait for each other.
    const slowRender = (o: Order) => {
      for (const until = performance.now() + 1; performance.now() < until;);
      return { status: 201, body: o.id };
    };
    // Four lanes of two writes at a time: fewer than the pool's connections, so the follower keeps reading.
    const lane = async (n: number) => {
      for (let i = n; i < 20; i += 4) {
        await Promise.all([
          changeOrder(tickets[i]!.order.id, () => to('prepping', T0 + i)),
          createOrder(newOrder({ businessDate: freshDay() }), 'test', {
            claim: { clientId: DEMO_CLIENT_ID, key: newOrderId(), requestHash: 'h' },
            render: slowRender,
          }),
        ]);
      }
    };
    await Promise.all(Array.from({ length: 4 }, (_, n) => lane(n)));
    done = true;
    await follower;
    for (const { event } of await eventsSince(last, 1000)) read.push(event.seq);
    const end = await latestEventSeq();
    expect(end - start).toBe(40);
    expect(read).toEqual(Array.from({ length: 40 }, (_, i) => start + 1 + i));
  });
});
