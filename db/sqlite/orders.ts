// Units of work on orders and their event log. Each is one transaction (better-sqlite3 transactions are
// synchronous: nothing is awaited inside), async so that a PostgreSQL twin can meet the same contract.
import { and, asc, desc, eq, gt, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { idempotencyKeys, orderEvents, orders } from '../schema';
import type { Changed, FieldChanges, Order, OrderEvent } from '@/lib/orders/types';
import type { OrderStatus } from '@/lib/orders/status';

type OrderRow = typeof orders.$inferSelect;
type EventRow = typeof orderEvents.$inferSelect;

const toOrder = (r: OrderRow): Order => ({ ...r, extras: r.extras ?? [], items: r.items ?? null, attention: r.attention ?? null });
const toEvent = (r: EventRow): OrderEvent => ({
  ...r,
  fromStatus: r.fromStatus as OrderStatus | null,
  toStatus: r.toStatus as OrderStatus,
  changes: r.changes ?? null,
});

export type NewOrder = Omit<Order, 'dailyNumber' | 'version' | 'updatedAt' | 'statusAt' | 'attention'>;
export type StoredResponse = { status: number; body: string };
export type IdempotencyClaim = { clientId: string; key: string; requestHash: string };

export type CreateResult =
  | { kind: 'created'; order: Order; event: OrderEvent; response: StoredResponse | null }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'mismatch' };

/** The first answer to an idempotent request: `replay` for the same request, `mismatch` for another. */
export async function findIdempotentResponse(claim: IdempotencyClaim): Promise<Exclude<CreateResult, { kind: 'created' }> | undefined> {
  const seen = getDb()
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.clientId, claim.clientId), eq(idempotencyKeys.key, claim.key)))
    .get();
  if (!seen) return undefined;
  return seen.requestHash === claim.requestHash
    ? { kind: 'replay', response: { status: seen.responseStatus, body: seen.responseBody } }
    : { kind: 'mismatch' };
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
  const db = getDb();
  return db.transaction(
    (tx): CreateResult => {
      if (idempotency) {
        const { clientId, key, requestHash } = idempotency.claim;
        const seen = tx
          .select()
          .from(idempotencyKeys)
          .where(and(eq(idempotencyKeys.clientId, clientId), eq(idempotencyKeys.key, key)))
          .get();
        if (seen) {
          return seen.requestHash === requestHash
            ? { kind: 'replay', response: { status: seen.responseStatus, body: seen.responseBody } }
            : { kind: 'mismatch' };
        }
      }
      const last = tx
        .select({ n: sql<number>`coalesce(max(${orders.dailyNumber}), 0)` })
        .from(orders)
        .where(eq(orders.businessDate, input.businessDate))
        .get();
      const row = tx
        .insert(orders)
        .values({ ...input, dailyNumber: (last?.n ?? 0) + 1, version: 1, updatedAt: input.createdAt, statusAt: input.createdAt })
        .returning()
        .get();
      const event = tx
        .insert(orderEvents)
        .values({ orderId: row.id, type: 'created', action: 'create', fromStatus: null, toStatus: row.status, actor, version: 1, at: row.createdAt })
        .returning()
        .get();
      const order = toOrder(row);
      let response: StoredResponse | null = null;
      if (idempotency) {
        response = idempotency.render(order);
        tx.insert(idempotencyKeys)
          .values({ ...idempotency.claim, responseStatus: response.status, responseBody: response.body, createdAt: row.createdAt })
          .run();
      }
      return { kind: 'created', order, event: toEvent(event), response };
    },
    { behavior: 'immediate' },
  );
}

/** What a decision changes: a new status, new field values, or both. */
export type OrderChange = {
  type: 'status' | 'edited' | 'acknowledged';
  action: string;
  actor: string;
  at: number;
  status?: OrderStatus;
  canceledBy?: Order['canceledBy'];
  /** Set or clear what the kitchen must acknowledge; undefined leaves it as it is. */
  attention?: Order['attention'];
  fields?: Partial<Pick<Order, 'bread' | 'peanutButter' | 'jelly' | 'toast' | 'cut' | 'extras' | 'notes'>>;
  changes?: FieldChanges;
};

/**
 * Reads the order, lets `decide` judge it (a throw rolls everything back; null changes nothing),
 * then writes the change, bumps `version` and appends one order_events row, in one transaction.
 * Returns undefined for an unknown id; `event` is null when `decide` changed nothing.
 */
export async function changeOrder(
  id: string,
  decide: (current: Order) => OrderChange | null,
): Promise<{ order: Order; event: OrderEvent | null } | undefined> {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const row = tx.select().from(orders).where(eq(orders.id, id)).get();
      if (!row) return undefined;
      const current = toOrder(row);
      const change = decide(current);
      if (!change) return { order: current, event: null };
      const version = current.version + 1;
      const status = change.status ?? current.status;
      const statusAt = status !== current.status ? change.at : current.statusAt;
      const updated = tx
        .update(orders)
        .set({
          ...change.fields,
          status,
          statusAt,
          version,
          updatedAt: change.at,
          ...(change.canceledBy !== undefined ? { canceledBy: change.canceledBy } : {}),
          ...(change.attention !== undefined ? { attention: change.attention } : {}),
        })
        .where(eq(orders.id, id))
        .returning()
        .get();
      const event = tx
        .insert(orderEvents)
        .values({
          orderId: id,
          type: change.type,
          action: change.action,
          fromStatus: current.status,
          toStatus: status,
          actor: change.actor,
          changes: change.changes ?? null,
          version,
          at: change.at,
        })
        .returning()
        .get();
      return { order: toOrder(updated), event: toEvent(event) } satisfies Changed;
    },
    { behavior: 'immediate' },
  );
}

export async function getOrder(id: string): Promise<Order | undefined> {
  const row = getDb().select().from(orders).where(eq(orders.id, id)).get();
  return row ? toOrder(row) : undefined;
}

export type ListQuery = { clientId: string; limit: number; startingAfter?: string; status?: OrderStatus; customerId?: string };

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
    const older = or(lt(orders.createdAt, cursor.createdAt), and(eq(orders.createdAt, cursor.createdAt), lt(orders.id, cursor.id)));
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
  const rows = getDb()
    .select()
    .from(orders)
    .where(inArray(orders.status, ['queued', 'prepping', 'toasting', 'ready']))
    .orderBy(asc(orders.createdAt), asc(orders.id))
    .all();
  return rows.map(toOrder);
}

/** What a kitchen screen shows: open orders and canceled ones not yet acknowledged, oldest first. */
export async function listKitchenOrders(): Promise<Order[]> {
  const rows = getDb()
    .select()
    .from(orders)
    .where(or(inArray(orders.status, ['queued', 'prepping', 'toasting', 'ready']), and(eq(orders.status, 'canceled'), isNotNull(orders.attention))))
    .orderBy(asc(orders.createdAt), asc(orders.id))
    .all();
  return rows.map(toOrder);
}

/** Orders finished (delivered or canceled) since `since`, newest first: the kitchen's recall list. */
export async function listRecentlyClosed(since: number, limit: number): Promise<Order[]> {
  const rows = getDb()
    .select()
    .from(orders)
    .where(and(inArray(orders.status, ['delivered', 'canceled']), gt(orders.statusAt, since)))
    .orderBy(desc(orders.statusAt))
    .limit(limit)
    .all();
  return rows.map(toOrder);
}

/** Events after `seq`, oldest first, with each one's order as it is now. */
export async function eventsSince(seq: number, limit: number, orderId?: string): Promise<Array<{ event: OrderEvent; order: Order }>> {
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
  const row = getDb().select({ seq: sql<number>`coalesce(max(${orderEvents.seq}), 0)` }).from(orderEvents).get();
  return row?.seq ?? 0;
}

/** The full event history of one order, oldest first. */
export async function orderHistory(orderId: string): Promise<OrderEvent[]> {
  return getDb().select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.seq)).all().map(toEvent);
}

/** Drops idempotency records older than `before` (they are promised for at least 24 hours). */
export async function pruneIdempotencyKeys(before: number): Promise<number> {
  return getDb().delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).run().changes;
}
