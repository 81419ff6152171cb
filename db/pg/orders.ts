// Units of work on orders and their event log, on PostgreSQL: db/storage/orders.ts's contract, with
// the same results. SQLite decides under its single writer; here each decision that depends on a read
// takes a lock first (a row lock on the order, or an advisory lock on a name), inside one inTx.
import { and, asc, desc, eq, gt, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import { inTx, lockIn, pgDb, type PgRunner, type PgTx } from './client';
import { EVENTS_CHANNEL } from './events';
import { idempotencyKeys, orderEvents, orders } from './schema';
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

const OPEN: readonly OrderStatus[] = OPEN_STATUSES;

/**
 * Appends one order_events row. Every insert into the log goes through here: identity values are
 * drawn at insert but become visible at commit, so two writers could commit seq 8 before seq 7 and a
 * reader resuming from 8 would never see 7. The lock, held until commit, makes seq order commit order.
 */
export async function appendEventIn(tx: PgTx, values: NewEventRow): Promise<OrderEvent> {
  await lockIn(tx, 'order_events');
  const [event] = await tx.insert(orderEvents).values(values).returning();
  if (!event) throw new Error(`appending order ${values.orderId}'s event returned no row`);
  // Every instance's feed hears of it when (and only if) this transaction commits (db/pg/events.ts).
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${String(event.seq)})`);
  return toEvent(event);
}

/** The first answer to an idempotent request: `replay` for the same request, `mismatch` for another. */
export async function findIdempotentResponse(
  claim: IdempotencyClaim,
): Promise<Exclude<CreateResult, { kind: 'created' }> | undefined> {
  return idempotentAnswerIn(await pgDb(), claim);
}

/** findIdempotentResponse's read, on the pool or inside the caller's transaction. */
async function idempotentAnswerIn(
  db: PgRunner,
  claim: IdempotencyClaim,
): Promise<Exclude<CreateResult, { kind: 'created' }> | undefined> {
  const [seen] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.clientId, claim.clientId), eq(idempotencyKeys.key, claim.key)));
  if (!seen) return undefined;
  return seen.requestHash === claim.requestHash
    ? { kind: 'replay', response: { status: seen.responseStatus, body: seen.responseBody } }
    : { kind: 'mismatch' };
}

/**
 * Inserts an order with the next daily number and its `created` event, inside the caller's
 * transaction. The day's lock is taken before reading its highest number, so two instances placing
 * orders on one day cannot both take the same number.
 */
export async function insertOrderIn(tx: PgTx, input: NewOrder, actor: string): Promise<Changed> {
  await lockIn(tx, `daily:${input.businessDate}`);
  const [last] = await tx
    .select({ n: sql<number>`coalesce(max(${orders.dailyNumber}), 0)`.mapWith(Number) })
    .from(orders)
    .where(eq(orders.businessDate, input.businessDate));
  const [row] = await tx
    .insert(orders)
    .values({
      ...input,
      dailyNumber: (last?.n ?? 0) + 1,
      attention: null,
      rush: false,
      itemsDone: null,
      version: 1,
      updatedAt: input.createdAt,
      statusAt: input.createdAt,
    } satisfies OrderRow)
    .returning();
  if (!row) throw new Error(`inserting order ${input.id} returned no row`);
  const event = await appendEventIn(tx, {
    orderId: row.id,
    type: 'created',
    action: 'create',
    fromStatus: null,
    toStatus: row.status,
    actor,
    changes: null,
    version: 1,
    at: row.createdAt,
  });
  return { order: toOrder(row), event };
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
  return inTx(async (tx): Promise<CreateResult> => {
    if (idempotency) {
      // The same key sent twice at once: the second waits here, then finds the first's answer.
      const { clientId, key } = idempotency.claim;
      await lockIn(tx, `idem:${clientId}:${key}`);
      const seen = await idempotentAnswerIn(tx, idempotency.claim);
      if (seen) return seen;
    }
    const { order, event } = await insertOrderIn(tx, input, actor);
    let response: StoredResponse | null = null;
    if (idempotency) {
      response = idempotency.render(order);
      await tx.insert(idempotencyKeys).values({
        ...idempotency.claim,
        responseStatus: response.status,
        responseBody: response.body,
        createdAt: order.createdAt,
      });
    }
    return { kind: 'created', order, event, response };
  });
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
  return inTx((tx) => changeOrderIn(tx, id, decide));
}

/** The order row, locked until the caller's transaction ends: what `decide` sees stays true until it is written. */
export async function lockOrderIn(tx: PgTx, id: string): Promise<OrderRow | undefined> {
  const [row] = await tx.select().from(orders).where(eq(orders.id, id)).for('update');
  return row;
}

/** changeOrder's work, inside the caller's transaction (for other units of work in db/). */
export async function changeOrderIn(
  tx: PgTx,
  id: string,
  decide: (current: Order) => OrderChange | null,
): Promise<MaybeChanged | undefined> {
  const row = await lockOrderIn(tx, id);
  if (!row) return undefined;
  const change = decide(toOrder(row));
  if (!change) return { order: toOrder(row), event: null };
  // The row is locked until the transaction ends.
  const { next, event: entry } = applyChange(row, change);
  const [updated] = await tx
    .update(orders)
    .set({
      bread: next.bread,
      peanutButter: next.peanutButter,
      jelly: next.jelly,
      toast: next.toast,
      cut: next.cut,
      extras: next.extras,
      notes: next.notes,
      status: next.status,
      statusAt: next.statusAt,
      version: next.version,
      updatedAt: next.updatedAt,
      canceledBy: next.canceledBy,
      attention: next.attention,
      rush: next.rush,
      itemsDone: next.itemsDone,
    })
    .where(eq(orders.id, id))
    .returning();
  if (!updated) throw new Error(`updating order ${id} returned no row`);
  const event = await appendEventIn(tx, entry);
  if (change.hubCall) await enqueueHubCallForTicketIn(tx, id, change.hubCall, change.actor, change.at);
  return { order: toOrder(updated), event } satisfies Changed;
}

export async function getOrder(id: string): Promise<Order | undefined> {
  return getOrderIn(await pgDb(), id);
}

/** An order by id, on the pool or inside the caller's transaction. */
export async function getOrderIn(db: PgRunner, id: string): Promise<Order | undefined> {
  const [row] = await db.select().from(orders).where(eq(orders.id, id));
  return row ? toOrder(row) : undefined;
}

/**
 * A client's orders, newest first, `limit + 1` rows so the caller can tell `has_more`.
 * Returns undefined when `startingAfter` is not one of this client's orders.
 */
export async function listClientOrders(q: ListQuery): Promise<Order[] | undefined> {
  const db = await pgDb();
  const filters = [eq(orders.clientId, q.clientId)];
  if (q.status) filters.push(eq(orders.status, q.status));
  if (q.customerId) filters.push(eq(orders.customerId, q.customerId));
  if (q.startingAfter) {
    const [cursor] = await db
      .select({ createdAt: orders.createdAt, id: orders.id })
      .from(orders)
      .where(and(eq(orders.id, q.startingAfter), eq(orders.clientId, q.clientId)));
    if (!cursor) return undefined;
    const older = or(
      lt(orders.createdAt, cursor.createdAt),
      and(eq(orders.createdAt, cursor.createdAt), lt(orders.id, cursor.id)),
    );
    if (older) filters.push(older);
  }
  const rows = await db
    .select()
    .from(orders)
    .where(and(...filters))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(q.limit + 1);
  return rows.map(toOrder);
}

/** Every open order, oldest first: the kitchen's queue (ETA, tickets). */
export async function listOpenOrders(): Promise<Order[]> {
  const db = await pgDb();
  const rows = await db
    .select()
    .from(orders)
    .where(inArray(orders.status, OPEN))
    .orderBy(asc(orders.createdAt), asc(orders.id));
  return rows.map(toOrder);
}

/** Every open order, in no particular order, with only what the ETA needs: read on every order request. */
export async function listQueue(): Promise<QueueEntry[]> {
  const db = await pgDb();
  return db
    .select({
      id: orders.id,
      status: orders.status,
      toast: orders.toast,
      statusAt: orders.statusAt,
      createdAt: orders.createdAt,
      rush: orders.rush,
    })
    .from(orders)
    .where(inArray(orders.status, OPEN));
}

/** What a kitchen screen shows: open orders and canceled ones not yet acknowledged, oldest first. */
export async function listKitchenOrders(): Promise<Order[]> {
  const db = await pgDb();
  const rows = await db
    .select()
    .from(orders)
    .where(or(inArray(orders.status, OPEN), and(eq(orders.status, 'canceled'), isNotNull(orders.attention))))
    .orderBy(desc(orders.rush), asc(orders.createdAt), asc(orders.id));
  return rows.map(toOrder);
}

/** Orders finished (delivered or canceled) since `since`, newest first: the kitchen's recall list. */
export async function listRecentlyClosed(since: number, limit: number): Promise<Order[]> {
  const db = await pgDb();
  const rows = await db
    .select()
    .from(orders)
    .where(and(inArray(orders.status, CLOSED_STATUSES), gt(orders.statusAt, since)))
    .orderBy(desc(orders.statusAt))
    .limit(limit);
  return rows.map(toOrder);
}

/** Events after `seq`, oldest first, with each one's order as it is now. */
export async function eventsSince(
  seq: number,
  limit: number,
  orderId?: string,
): Promise<Array<{ event: OrderEvent; order: Order }>> {
  const db = await pgDb();
  const where = orderId ? and(gt(orderEvents.seq, seq), eq(orderEvents.orderId, orderId)) : gt(orderEvents.seq, seq);
  const rows = await db
    .select({ event: orderEvents, order: orders })
    .from(orderEvents)
    .innerJoin(orders, eq(orders.id, orderEvents.orderId))
    .where(where)
    .orderBy(asc(orderEvents.seq))
    .limit(limit);
  return rows.map((r) => ({ event: toEvent(r.event), order: toOrder(r.order) }));
}

/** The newest event's sequence number (0 for an empty log). */
export async function latestEventSeq(): Promise<number> {
  const db = await pgDb();
  const [row] = await db
    .select({ seq: sql<number>`coalesce(max(${orderEvents.seq}), 0)`.mapWith(Number) })
    .from(orderEvents);
  return row?.seq ?? 0;
}

/** The full event history of one order, oldest first. */
export async function orderHistory(orderId: string): Promise<OrderEvent[]> {
  const db = await pgDb();
  const rows = await db
    .select()
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.seq));
  return rows.map(toEvent);
}

/** Drops idempotency records older than `before` (they are promised for at least 24 hours). */
export async function pruneIdempotencyKeys(before: number): Promise<number> {
  const db = await pgDb();
  const result = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before));
  return result.rowCount ?? 0;
}

/** Tickets that first reached ready since `since`: when each was placed and when it was ready. */
export async function readySince(since: number): Promise<Array<{ createdAt: number; readyAt: number }>> {
  const db = await pgDb();
  return (
    db
      .select({ createdAt: orders.createdAt, readyAt: sql<number>`min(${orderEvents.at})`.mapWith(Number) })
      .from(orderEvents)
      .innerJoin(orders, eq(orders.id, orderEvents.orderId))
      .where(and(eq(orderEvents.toStatus, 'ready'), gt(orderEvents.at, since)))
      // By the order's key, not the event's order_id as SQLite does: PostgreSQL then knows created_at
      // is one value per group (the join makes them the same id).
      .groupBy(orders.id)
      .orderBy(asc(orders.id))
  ); // SQLite's grouping returns the groups in id order
}

/** Open orders from business days before `today` (left on the line past the day's close), oldest first. */
export async function listStaleOpenOrders(today: string): Promise<Order[]> {
  const db = await pgDb();
  const rows = await db
    .select()
    .from(orders)
    .where(and(inArray(orders.status, OPEN), lt(orders.businessDate, today)))
    .orderBy(asc(orders.createdAt))
    .limit(100);
  return rows.map(toOrder);
}

/** db/storage/orders.ts's OrdersStorage on PostgreSQL (db/storage checks it against the contract). */
export const pgOrders = {
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
