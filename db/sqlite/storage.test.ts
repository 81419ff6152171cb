// SQLite-only checks of the prepared statements on the hot paths: what they write must be exactly
// what the query builder wrote before them (JSON NULL stays NULL, a reopened connection prepares
// again). The behaviour both databases share is in db/storage/*.contract.test.ts; this file runs in the
// SQLite pass only.
import { sql } from 'drizzle-orm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { DEMO_CLIENT_ID, newOrderId, newStoredOrder } from '@/test/storage-fixtures';
import { checkpointStats, closeDb, getDb, openSqlite } from '../client';
import { SAFETY_NET_PAGES, startCheckpointer } from './checkpointer';
import { storageConfig } from '../config';
import { rawRun } from '../storage/inspect';
import { changeOrder, createOrder, getOrder, listKitchenOrders, listOpenOrders, listQueue } from './orders';
import type { NewOrder } from '../types/orders';
import { hitRateLimit } from './rate-limits';

const newOrder = newStoredOrder;

async function place(over: Partial<NewOrder> = {}) {
  const created = await createOrder(newOrder(over), 'test');
  if (created.kind !== 'created') throw new Error(created.kind);
  return created;
}

/** How SQLite stores a JSON column: NULL must stay NULL, never the text 'null'. */
const storedJson = (id: string) =>
  getDb().get<{ extras: string | null; items: string | null; attention: string | null }>(
    sql`select extras, items, attention from orders where id = ${id}`,
  );

const onSqlite = !process.env.DATABASE_URL;
const getSqlitePath = () => storageConfig().DATABASE_PATH;

describe.runIf(onSqlite)('orders', () => {
  test('createOrder numbers the day, logs the created event and stores absent JSON as NULL', async () => {
    const first = await place({ businessDate: '2031-06-01' });
    const second = await place({ businessDate: '2031-06-01' });
    expect([first.order.dailyNumber, second.order.dailyNumber]).toEqual([1, 2]);
    expect(first.event).toMatchObject({
      orderId: first.order.id,
      type: 'created',
      action: 'create',
      fromStatus: null,
      toStatus: 'queued',
      version: 1,
      changes: null,
    });
    expect(first.order).toMatchObject({
      version: 1,
      attention: null,
      items: null,
      extras: ['honey'],
      updatedAt: first.order.createdAt,
      statusAt: first.order.createdAt,
    });
    expect(await getOrder(first.order.id)).toEqual(first.order);
    expect(storedJson(first.order.id)).toEqual({ extras: '["honey"]', items: null, attention: null });
  });

  test('an idempotent create replays the first response and writes nothing the second time', async () => {
    const claim = { clientId: DEMO_CLIENT_ID, key: `k-${newOrderId()}`, requestHash: 'h1' };
    const render = () => ({ status: 201, body: '{"first":true}' });
    const created = await createOrder(newOrder(), 'test', { claim, render });
    expect(created).toMatchObject({ kind: 'created', response: { status: 201, body: '{"first":true}' } });
    const before = (await listOpenOrders()).length;
    expect(await createOrder(newOrder(), 'test', { claim, render })).toEqual({
      kind: 'replay',
      response: { status: 201, body: '{"first":true}' },
    });
    expect(await createOrder(newOrder(), 'test', { claim: { ...claim, requestHash: 'h2' }, render })).toEqual({
      kind: 'mismatch',
    });
    expect(await listOpenOrders()).toHaveLength(before);
  });

  test('changeOrder writes what the change names and leaves every other column as it was', async () => {
    const { order } = await place({ extras: null as unknown as string[], notes: 'no crusts' }); // as a provider order may store it
    const moved = await changeOrder(order.id, () => ({
      type: 'status',
      action: 'advance',
      actor: 'test',
      at: order.createdAt + 5,
      status: 'prepping',
    }));
    expect(moved?.order).toMatchObject({
      status: 'prepping',
      statusAt: order.createdAt + 5,
      updatedAt: order.createdAt + 5,
      version: 2,
      notes: 'no crusts',
      attention: null,
    });
    expect(storedJson(order.id)).toEqual({ extras: null, items: null, attention: null });

    const edited = await changeOrder(order.id, () => ({
      type: 'edited',
      action: 'edit',
      actor: 'test',
      at: order.createdAt + 9,
      fields: { jelly: 'apricot', notes: undefined },
      changes: { jelly: { from: 'grape', to: 'apricot' } },
      attention: { kind: 'edited', changes: { jelly: { from: 'grape', to: 'apricot' } } },
    }));
    expect(edited?.order).toMatchObject({
      jelly: 'apricot',
      notes: 'no crusts',
      status: 'prepping',
      statusAt: order.createdAt + 5,
      version: 3,
    });
    expect(edited?.event).toMatchObject({
      type: 'edited',
      fromStatus: 'prepping',
      toStatus: 'prepping',
      version: 3,
      changes: { jelly: { from: 'grape', to: 'apricot' } },
    });

    const canceled = await changeOrder(order.id, () => ({
      type: 'status',
      action: 'cancel',
      actor: 'test',
      at: order.createdAt + 12,
      status: 'canceled',
      canceledBy: 'kitchen',
      attention: null,
    }));
    expect(canceled?.order).toMatchObject({ status: 'canceled', canceledBy: 'kitchen', attention: null, version: 4 });
    expect(storedJson(order.id)?.attention).toBeNull();
    expect((await listKitchenOrders()).map((o) => o.id)).not.toContain(order.id); // a kitchen cancel needs no acknowledgement
  });

  test('changeOrder: a decision of null writes nothing, a throw rolls back, an unknown id is undefined', async () => {
    const { order } = await place();
    expect(await changeOrder(order.id, () => null)).toEqual({ order, event: null });
    await expect(
      changeOrder(order.id, () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await getOrder(order.id)).toEqual(order);
    expect(await changeOrder('ord_unknown', () => null)).toBeUndefined();
  });

  test('listQueue is every open order with what the ETA needs', async () => {
    const { order } = await place({ toast: 'light' });
    await changeOrder(order.id, () => ({
      type: 'status',
      action: 'advance',
      actor: 'test',
      at: order.createdAt + 1,
      status: 'prepping',
    }));
    const queue = await listQueue();
    expect(queue.find((e) => e.id === order.id)).toEqual({
      id: order.id,
      status: 'prepping',
      toast: 'light',
      statusAt: order.createdAt + 1,
      createdAt: order.createdAt,
      rush: false,
    });
    expect(queue.map((e) => e.id).sort()).toEqual((await listOpenOrders()).map((o) => o.id).sort());
  });
});

// listQueue keeps its last read between requests (the ETA needs it on every order request). These
// prove it is never stale: the queue it returns always equals a fresh read of the open orders.
describe.runIf(onSqlite)('the cached queue', () => {
  /** The queue as a fresh read sees it (listOpenOrders is never cached), in the cache's terms. */
  const freshQueue = async () =>
    (await listOpenOrders())
      .map((o) => ({
        id: o.id,
        status: o.status,
        toast: o.toast,
        statusAt: o.statusAt,
        createdAt: o.createdAt,
        rush: o.rush,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
  const cachedQueue = async () => [...(await listQueue())].sort((a, b) => a.id.localeCompare(b.id));

  test("is reused while nothing changed, and follows this connection's own creates and changes", async () => {
    const { order } = await place({ toast: 'dark' });
    const first = await listQueue();
    expect(await listQueue()).toBe(first); // nothing changed: the same read, not a new one
    const second = await place();
    expect(await cachedQueue()).toEqual(await freshQueue());
    await changeOrder(order.id, () => ({
      type: 'rushed',
      action: 'rush',
      actor: 'test',
      at: order.createdAt + 1,
      fields: { rush: true },
    }));
    await changeOrder(second.order.id, () => ({
      type: 'status',
      action: 'advance',
      actor: 'test',
      at: order.createdAt + 2,
      status: 'prepping',
    }));
    expect((await listQueue()).find((e) => e.id === order.id)).toMatchObject({ rush: true });
    expect(await cachedQueue()).toEqual(await freshQueue());
    await changeOrder(order.id, () => ({
      type: 'status',
      action: 'cancel',
      actor: 'test',
      at: order.createdAt + 3,
      status: 'canceled',
      canceledBy: 'kitchen',
    }));
    expect((await listQueue()).some((e) => e.id === order.id)).toBe(false);
    expect(await cachedQueue()).toEqual(await freshQueue());
  });

  test('a refused change and an idempotent replay leave it right', async () => {
    const { order } = await place();
    await listQueue();
    await expect(
      changeOrder(order.id, () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const claim = { clientId: DEMO_CLIENT_ID, key: `k_${order.id}`, requestHash: 'h' };
    const render = () => ({ status: 201, body: '{}' });
    await createOrder(newOrder(), 'test', { claim, render });
    expect((await createOrder(newOrder(), 'test', { claim, render })).kind).toBe('replay');
    expect(await cachedQueue()).toEqual(await freshQueue());
  });

  test('sees what another connection to the file commits (another process, a script)', async () => {
    const { order } = await place();
    await listQueue();
    const other = openSqlite(getSqlitePath());
    try {
      other.sqlite.prepare("update orders set status = 'delivered' where id = ?").run(order.id);
      const { order: added } = await place(); // our own write on top of theirs: the cache must not paper over it
      expect((await listQueue()).some((e) => e.id === order.id)).toBe(false);
      other.sqlite.prepare('update orders set status_at = status_at + 5 where id = ?').run(added.id);
      expect((await listQueue()).find((e) => e.id === added.id)?.statusAt).toBe(added.statusAt + 5);
      expect(await cachedQueue()).toEqual(await freshQueue());
    } finally {
      other.sqlite.close();
    }
  });

  test('sees a raw fix-up on this connection (tests) and a reopened connection', async () => {
    const { order } = await place();
    await listQueue();
    await rawRun(`update orders set status = 'ready' where id = '${order.id}'`);
    expect((await listQueue()).find((e) => e.id === order.id)?.status).toBe('ready');
    closeDb();
    expect(await cachedQueue()).toEqual(await freshQueue());
  });
});

// Settings, menu, keys and rate limits: db/storage/*.contract.test.ts, on either database.
describe.runIf(onSqlite)('prepared statements', () => {
  test('statements are prepared again on a reopened connection', async () => {
    const { order } = await place();
    closeDb();
    expect(await getOrder(order.id)).toEqual(order);
    expect((await hitRateLimit(`test:${order.id}`, 60_000, 0)).count).toBe(1);
  });
});

describe.runIf(onSqlite)('WAL checkpoints', () => {
  test('the process connection leaves them to a worker thread, which copies what the requests wrote', async () => {
    closeDb();
    const pragma = (name: string) => getDb().get<Record<string, number>>(sql.raw(`PRAGMA ${name}`));
    expect(Object.values(pragma('wal_autocheckpoint') ?? {})).toEqual([SAFETY_NET_PAGES]); // far above what the writes below add
    for (let i = 0; i < 30; i++) await place();
    await vi.waitFor(() => expect(checkpointStats()?.pagesCopied).toBeGreaterThan(30), {
      timeout: 5_000,
      interval: 50,
    });
    expect(checkpointStats()?.failures).toBe(0);
    closeDb();
    expect(checkpointStats()).toBeUndefined();
  });

  test('a failing checkpoint is reported and retried, never fatal, and it recovers by itself', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kds-ckpt-')), 'later.sqlite');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const checkpointer = startCheckpointer(file, 20);
    try {
      await vi.waitFor(() => expect(checkpointer.stats().failures).toBeGreaterThan(2), {
        timeout: 5_000,
        interval: 20,
      });
      expect(errors.mock.calls.filter(([m]) => String(m).startsWith('WAL checkpointer:'))).toHaveLength(1); // said once, not every tick
      const db = openSqlite(file); // the file appears: the next ticks succeed
      db.sqlite.prepare('create table t (x)').run();
      await vi.waitFor(() => expect(checkpointer.stats().runs).toBeGreaterThan(0), { timeout: 5_000, interval: 20 });
      const { failures, runs } = checkpointer.stats();
      await vi.waitFor(() => expect(checkpointer.stats().runs).toBeGreaterThan(runs + 2), {
        timeout: 5_000,
        interval: 20,
      });
      expect(checkpointer.stats().failures).toBe(failures);
      db.sqlite.close();
    } finally {
      checkpointer.stop();
      errors.mockRestore();
    }
  });
});
