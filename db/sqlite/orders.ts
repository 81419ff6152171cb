// Units of work on orders and their event log. Each is one transaction (better-sqlite3 transactions are
// synchronous: nothing is awaited inside), async so that a PostgreSQL twin can meet the same contract.
import { and, asc, desc, eq, gt, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import { getDb, preparedOnce } from '../client';
import { idempotencyKeys, orderEvents, orders } from '../schema';
import {
  CLOSED_STATUSES,
  OPEN_STATUSES,
  type Changed,
  type CreateResult,
  type IdempotencyClaim,
  type ListQuery,
  type MaybeChanged,
  type NewOrder,
  type Order,
  type OrderChange,
  type OrderEvent,
  type OrderStatus,
  type QueueEntry,
  type StoredResponse,
} from '../types/orders';
import { enqueueHubCallForTicketIn } from './outbox';
import { applyChange, toEvent, toOrder, type NewEventRow, type OrderRow } from '../order-rows';

// Every column a prepared insert names (NewEventRow), so a new column cannot be left out of one unnoticed.
type IdempotencyRow = typeof idempotencyKeys.$inferSelect;
const OPEN: readonly OrderStatus[] = OPEN_STATUSES;

/**
 * A placeholder for a JSON column. drizzle encodes a placeholder's value without its usual null
 * check, and JSON.stringify(null) is the text 'null', not NULL (`attention is not null` would match).
 */
const json = (name: string) =>
  sql`${sql.param(sql.placeholder(name), { mapToDriverValue: (v: unknown) => (v == null ? null : JSON.stringify(v)) })}`;
/** A placeholder in an UPDATE's SET (drizzle's types take SQL there, not a bare placeholder). */
const value = (name: string) => sql`${sql.placeholder(name)}`;
/** A placeholder for a boolean column (SQLite stores 0/1; better-sqlite3 binds no booleans). */
const flag = (name: string) =>
  sql`${sql.param(sql.placeholder(name), { mapToDriverValue: (v: unknown) => (v ? 1 : 0) })}`;

// The statements of the order paths every API request takes, prepared once per connection. They are
// prepared on the connection, so inside a transaction they run in it (better-sqlite3 has one connection).
const statements = preparedOnce('orders', (db) => ({
  byId: db
    .select()
    .from(orders)
    .where(eq(orders.id, sql.placeholder('id')))
    .prepare(),
  open: db
    .select()
    .from(orders)
    .where(inArray(orders.status, OPEN))
    .orderBy(asc(orders.createdAt), asc(orders.id))
    .prepare(),
  queue: db
    .select({
      id: orders.id,
      status: orders.status,
      toast: orders.toast,
      statusAt: orders.statusAt,
      createdAt: orders.createdAt,
      rush: orders.rush,
    })
    .from(orders)
    .where(inArray(orders.status, OPEN))
    .prepare(),
  kitchen: db
    .select()
    .from(orders)
    .where(or(inArray(orders.status, OPEN), and(eq(orders.status, 'canceled'), isNotNull(orders.attention))))
    .orderBy(desc(orders.rush), asc(orders.createdAt), asc(orders.id))
    .prepare(),
  lastDailyNumber: db
    .select({ n: sql<number>`coalesce(max(${orders.dailyNumber}), 0)` })
    .from(orders)
    .where(eq(orders.businessDate, sql.placeholder('businessDate')))
    .prepare(),
  insert: db
    .insert(orders)
    .values({
      id: sql.placeholder('id'),
      source: sql.placeholder('source'),
      clientId: sql.placeholder('clientId'),
      provider: sql.placeholder('provider'),
      customerId: sql.placeholder('customerId'),
      customerName: sql.placeholder('customerName'),
      orderType: sql.placeholder('orderType'),
      businessDate: sql.placeholder('businessDate'),
      dailyNumber: sql.placeholder('dailyNumber'),
      status: sql.placeholder('status'),
      bread: sql.placeholder('bread'),
      peanutButter: sql.placeholder('peanutButter'),
      jelly: sql.placeholder('jelly'),
      toast: sql.placeholder('toast'),
      cut: sql.placeholder('cut'),
      extras: json('extras'),
      items: json('items'),
      notes: sql.placeholder('notes'),
      canceledBy: sql.placeholder('canceledBy'),
      attention: json('attention'),
      version: sql.placeholder('version'),
      createdAt: sql.placeholder('createdAt'),
      updatedAt: sql.placeholder('updatedAt'),
      statusAt: sql.placeholder('statusAt'),
    })
    .returning()
    .prepare(),
  // Writes every column a change may touch; changeOrder passes the row it read with the change applied.
  update: db
    .update(orders)
    .set({
      bread: value('bread'),
      peanutButter: value('peanutButter'),
      jelly: value('jelly'),
      toast: value('toast'),
      cut: value('cut'),
      extras: json('extras'),
      notes: value('notes'),
      status: value('status'),
      statusAt: value('statusAt'),
      version: value('version'),
      updatedAt: value('updatedAt'),
      canceledBy: value('canceledBy'),
      attention: json('attention'),
      rush: flag('rush'),
      itemsDone: json('itemsDone'),
    })
    .where(eq(orders.id, sql.placeholder('id')))
    .returning()
    .prepare(),
  insertEvent: db
    .insert(orderEvents)
    .values({
      orderId: sql.placeholder('orderId'),
      type: sql.placeholder('type'),
      action: sql.placeholder('action'),
      fromStatus: sql.placeholder('fromStatus'),
      toStatus: sql.placeholder('toStatus'),
      actor: sql.placeholder('actor'),
      changes: json('changes'),
      version: sql.placeholder('version'),
      at: sql.placeholder('at'),
    })
    .returning()
    .prepare(),
  latestSeq: db
    .select({ seq: sql<number>`coalesce(max(${orderEvents.seq}), 0)` })
    .from(orderEvents)
    .prepare(),
  idempotent: db
    .select()
    .from(idempotencyKeys)
    .where(
      and(eq(idempotencyKeys.clientId, sql.placeholder('clientId')), eq(idempotencyKeys.key, sql.placeholder('key'))),
    )
    .prepare(),
  remember: db
    .insert(idempotencyKeys)
    .values({
      clientId: sql.placeholder('clientId'),
      key: sql.placeholder('key'),
      requestHash: sql.placeholder('requestHash'),
      responseStatus: sql.placeholder('responseStatus'),
      responseBody: sql.placeholder('responseBody'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare(),
}));

/** The first answer to an idempotent request: `replay` for the same request, `mismatch` for another. */
export async function findIdempotentResponse(
  claim: IdempotencyClaim,
): Promise<Exclude<CreateResult, { kind: 'created' }> | undefined> {
  return idempotentAnswerIn(claim);
}

/** findIdempotentResponse's read, inside the caller's transaction. */
function idempotentAnswerIn(claim: IdempotencyClaim): Exclude<CreateResult, { kind: 'created' }> | undefined {
  const seen = statements().idempotent.get({ clientId: claim.clientId, key: claim.key });
  if (!seen) return undefined;
  return seen.requestHash === claim.requestHash
    ? { kind: 'replay', response: { status: seen.responseStatus, body: seen.responseBody } }
    : { kind: 'mismatch' };
}

/**
 * Inserts an order with the next daily number and its `created` event. Runs inside the caller's
 * transaction (createOrder's, or another unit of work's in db/, such as a KitchenHub delivery).
 */
export function insertOrderIn(input: NewOrder, actor: string): Changed {
  const q = statements();
  forgetQueue(); // createOrder puts it back after its commit; other units of work leave it to the next read
  const last = q.lastDailyNumber.get({ businessDate: input.businessDate });
  const row = q.insert.get({
    ...input,
    dailyNumber: (last?.n ?? 0) + 1,
    attention: null,
    rush: false,
    itemsDone: null,
    version: 1,
    updatedAt: input.createdAt,
    statusAt: input.createdAt,
  } satisfies OrderRow);
  if (!row) throw new Error(`inserting order ${input.id} returned no row`);
  const event = q.insertEvent.get({
    orderId: row.id,
    type: 'created',
    action: 'create',
    fromStatus: null,
    toStatus: row.status,
    actor,
    changes: null,
    version: 1,
    at: row.createdAt,
  } satisfies NewEventRow);
  if (!event) throw new Error(`inserting order ${input.id}'s created event returned no row`);
  return { order: toOrder(row), event: toEvent(event) };
}

/**
 * Inserts an order with the next daily number, its `created` event and, with an idempotency claim,
 * the response `render` makes of it, all in one transaction. A key seen before returns its first
 * response (same request) or `mismatch` (different request) and writes nothing.
 */
export async function createOrder(
  input: NewOrder,
  actor: string,
  idempotency?: { claim: IdempotencyClaim; render: (order: Order) => StoredResponse },
): Promise<CreateResult> {
  const q = statements();
  const before = queueCache().snapshot;
  const result = getDb().transaction(
    (): CreateResult => {
      const seen = idempotency && idempotentAnswerIn(idempotency.claim);
      if (seen) return seen;
      const { order, event } = insertOrderIn(input, actor);
      let response: StoredResponse | null = null;
      if (idempotency) {
        response = idempotency.render(order);
        q.remember.run({
          ...idempotency.claim,
          responseStatus: response.status,
          responseBody: response.body,
          createdAt: order.createdAt,
        } satisfies IdempotencyRow);
      }
      return { kind: 'created', order, event, response };
    },
    { behavior: 'immediate' },
  );
  if (result.kind === 'created') keepQueue(before, result.order);
  return result;
}

/**
 * Reads the order, lets `decide` judge it (a throw rolls everything back; null changes nothing),
 * then writes the change, bumps `version` and appends one order_events row, in one transaction.
 * Returns undefined for an unknown id; `event` is null when `decide` changed nothing.
 */
export async function changeOrder(
  id: string,
  decide: (current: Order) => OrderChange | null,
): Promise<MaybeChanged | undefined> {
  const before = queueCache().snapshot;
  const result = getDb().transaction(() => changeOrderIn(id, decide), { behavior: 'immediate' });
  if (result?.event) keepQueue(before, result.order);
  return result;
}

/** changeOrder's work, inside the caller's transaction (for other units of work in db/). */
export function changeOrderIn(id: string, decide: (current: Order) => OrderChange | null): MaybeChanged | undefined {
  const q = statements();
  const row = q.byId.get({ id });
  if (!row) return undefined;
  const change = decide(toOrder(row));
  if (!change) return { order: toOrder(row), event: null };
  // The row was read in this transaction, which holds the write lock.
  const { next, event: entry } = applyChange(row, change);
  forgetQueue(); // as in insertOrderIn: changeOrder puts it back after its commit
  const updated = q.update.get(next);
  if (!updated) throw new Error(`updating order ${id} returned no row`);
  const event = q.insertEvent.get(entry);
  if (!event) throw new Error(`appending order ${id}'s event returned no row`);
  if (change.hubCall) enqueueHubCallForTicketIn(id, change.hubCall, change.actor, change.at);
  return { order: toOrder(updated), event: toEvent(event) } satisfies Changed;
}

export async function getOrder(id: string): Promise<Order | undefined> {
  return getOrderIn(id);
}

/** An order by id, read inside the caller's transaction. */
export function getOrderIn(id: string): Order | undefined {
  const row = statements().byId.get({ id });
  return row ? toOrder(row) : undefined;
}

/**
 * A client's orders, newest first, `limit + 1` rows so the caller can tell `has_more`.
 * Returns undefined when `startingAfter` is not one of this client's orders.
 */
export async function listClientOrders(q: ListQuery): Promise<Order[] | undefined> {
  const db = getDb();
  const filters = [eq(orders.clientId, q.clientId)];
  if (q.status) filters.push(eq(orders.status, q.status));
  if (q.customerId) filters.push(eq(orders.customerId, q.customerId));
  if (q.startingAfter) {
    const cursor = db
      .select({ createdAt: orders.createdAt, id: orders.id })
      .from(orders)
      .where(and(eq(orders.id, q.startingAfter), eq(orders.clientId, q.clientId)))
      .get();
    if (!cursor) return undefined;
    const older = or(
      lt(orders.createdAt, cursor.createdAt),
      and(eq(orders.createdAt, cursor.createdAt), lt(orders.id, cursor.id)),
    );
    if (older) filters.push(older);
  }
  const rows = db
    .select()
    .from(orders)
    .where(and(...filters))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(q.limit + 1)
    .all();
  return rows.map(toOrder);
}

/** Every open order, oldest first: the kitchen's queue (ETA, tickets). */
export async function listOpenOrders(): Promise<Order[]> {
  return statements().open.all().map(toOrder);
}

/**
 * The open queue as last read on this connection, and when it can be trusted. Every order request
 * needs the queue for its ETA, and reading it (~100 µs at 80 open orders) was the largest read of
 * POST and GET /v1/orders. The copy is a cache, not state: it is used only while `PRAGMA
 * data_version` says no other connection (another process: a second server, a script) has committed
 * since it was read, and this connection's own order writes keep it current (createOrder,
 * changeOrder) or drop it (writes inside other units of work, raw fix-ups). Kept on the connection's
 * handle, so every module copy shares it and a reopened connection starts without one.
 */
type QueueSnapshot = { dataVersion: number; entries: readonly QueueEntry[] };
const queueCache = preparedOnce('orders-queue-cache', (_db, sqlite) => {
  const version = sqlite.prepare<[], number>('PRAGMA data_version').pluck();
  return { dataVersion: (): number => version.get() ?? 0, snapshot: null as QueueSnapshot | null };
});

/** Forgets the cached queue: after a write to orders that does not keep it current. */
export function forgetQueue(): void {
  queueCache().snapshot = null;
}

const queueEntry = (o: Order): QueueEntry => ({
  id: o.id,
  status: o.status,
  toast: o.toast,
  statusAt: o.statusAt,
  createdAt: o.createdAt,
  rush: o.rush,
});

/**
 * After this connection committed `order` (created or changed): the cached queue with that order as
 * it now is, if the cache was current before the write (`before`) and still is. Otherwise no cache.
 */
function keepQueue(before: QueueSnapshot | null, order: Order): void {
  const cache = queueCache();
  if (!before || cache.dataVersion() !== before.dataVersion) {
    cache.snapshot = null;
    return;
  }
  const others = before.entries.filter((e) => e.id !== order.id);
  cache.snapshot = {
    dataVersion: before.dataVersion,
    entries: OPEN.includes(order.status) ? [...others, queueEntry(order)] : others,
  };
}

/** Every open order, in no particular order, with only what the ETA needs: read on every order request. */
export async function listQueue(): Promise<readonly QueueEntry[]> {
  const cache = queueCache();
  const dataVersion = cache.dataVersion();
  const cached = cache.snapshot;
  if (cached?.dataVersion === dataVersion) return cached.entries;
  const entries = statements().queue.all();
  cache.snapshot = { dataVersion, entries };
  return entries;
}

/** What a kitchen screen shows: open orders and canceled ones not yet acknowledged, oldest first. */
export async function listKitchenOrders(): Promise<Order[]> {
  return statements().kitchen.all().map(toOrder);
}

/** Orders finished (delivered or canceled) since `since`, newest first: the kitchen's recall list. */
export async function listRecentlyClosed(since: number, limit: number): Promise<Order[]> {
  const rows = getDb()
    .select()
    .from(orders)
    .where(and(inArray(orders.status, CLOSED_STATUSES), gt(orders.statusAt, since)))
    .orderBy(desc(orders.statusAt))
    .limit(limit)
    .all();
  return rows.map(toOrder);
}

/** Events after `seq`, oldest first, with each one's order as it is now. */
export async function eventsSince(
  seq: number,
  limit: number,
  orderId?: string,
): Promise<Array<{ event: OrderEvent; order: Order }>> {
  const where = orderId ? and(gt(orderEvents.seq, seq), eq(orderEvents.orderId, orderId)) : gt(orderEvents.seq, seq);
  const rows = getDb()
    .select({ event: orderEvents, order: orders })
    .from(orderEvents)
    .innerJoin(orders, eq(orders.id, orderEvents.orderId))
    .where(where)
    .orderBy(asc(orderEvents.seq))
    .limit(limit)
    .all();
  return rows.map((r) => ({ event: toEvent(r.event), order: toOrder(r.order) }));
}

/** The newest event's sequence number (0 for an empty log). */
export async function latestEventSeq(): Promise<number> {
  return statements().latestSeq.get()?.seq ?? 0;
}

/** The full event history of one order, oldest first. */
export async function orderHistory(orderId: string): Promise<OrderEvent[]> {
  return getDb()
    .select()
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.seq))
    .all()
    .map(toEvent);
}

/** Drops idempotency records older than `before` (they are promised for at least 24 hours). */
export async function pruneIdempotencyKeys(before: number): Promise<number> {
  return getDb().delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).run().changes;
}

/** Tickets that first reached ready since `since`: when each was placed and when it was ready. */
export async function readySince(since: number): Promise<Array<{ createdAt: number; readyAt: number }>> {
  return getDb()
    .select({ createdAt: orders.createdAt, readyAt: sql<number>`min(${orderEvents.at})` })
    .from(orderEvents)
    .innerJoin(orders, eq(orders.id, orderEvents.orderId))
    .where(and(eq(orderEvents.toStatus, 'ready'), gt(orderEvents.at, since)))
    .groupBy(orderEvents.orderId)
    .all();
}

/** Open orders from business days before `today` (left on the line past the day's close), oldest first. */
export async function listStaleOpenOrders(today: string): Promise<Order[]> {
  return getDb()
    .select()
    .from(orders)
    .where(and(inArray(orders.status, OPEN), lt(orders.businessDate, today)))
    .orderBy(asc(orders.createdAt))
    .limit(100)
    .all()
    .map(toOrder);
}

/** db/storage/orders.ts's OrdersStorage on the SQLite file (db/storage checks it against the contract). */
export const sqliteOrders = {
  findIdempotentResponse,
  createOrder,
  changeOrder,
  getOrder,
  listClientOrders,
  listOpenOrders,
  listQueue,
  listKitchenOrders,
  listRecentlyClosed,
  eventsSince,
  latestEventSeq,
  orderHistory,
  pruneIdempotencyKeys,
  readySince,
  listStaleOpenOrders,
};
