// Orders and their event log: every change one transaction that bumps the version and appends one
// event (see pick.ts). lib/orders decides; storage reads, locks, writes.
import { sqliteOrders } from '../sqlite/orders';
import { pgOrders } from '../pg/orders';
import type {
  CreateResult,
  IdempotencyClaim,
  ListQuery,
  MaybeChanged,
  NewOrder,
  Order,
  OrderChange,
  OrderEvent,
  QueueEntry,
  StoredResponse,
} from '../types/orders';
import { pick } from './pick';

export type { NewOrder, StoredResponse, IdempotencyClaim, CreateResult, OrderChange, ListQuery } from '../types/orders';

export interface OrdersStorage {
  /** The first answer to an idempotent request: `replay` for the same request, `mismatch` for another. */
  findIdempotentResponse: (claim: IdempotencyClaim) => Promise<Exclude<CreateResult, { kind: 'created' }> | undefined>;
  /**
   * Inserts an order with the next daily number, its `created` event and, with an idempotency claim,
   * the response `render` makes of it, all in one transaction. A key seen before returns its first
   * response (same request) or `mismatch` (different request) and writes nothing.
   */
  createOrder: (
    input: NewOrder,
    actor: string,
    idempotency?: { claim: IdempotencyClaim; render: (order: Order) => StoredResponse },
  ) => Promise<CreateResult>;
  /**
   * Reads the order, lets `decide` judge it (a throw rolls everything back; null changes nothing),
   * then writes the change, bumps `version` and appends one order_events row, in one transaction.
   * Returns undefined for an unknown id; `event` is null when `decide` changed nothing.
   */
  changeOrder: (id: string, decide: (current: Order) => OrderChange | null) => Promise<MaybeChanged | undefined>;
  getOrder: (id: string) => Promise<Order | undefined>;
  /**
   * A client's orders, newest first, `limit + 1` rows so the caller can tell `has_more`.
   * Returns undefined when `startingAfter` is not one of this client's orders.
   */
  listClientOrders: (q: ListQuery) => Promise<Order[] | undefined>;
  /** Every open order, oldest first: the kitchen's queue (ETA, tickets). */
  listOpenOrders: () => Promise<Order[]>;
  /** Every open order, in no particular order, with only what the ETA needs: read on every order request. */
  listQueue: () => Promise<readonly QueueEntry[]>;
  /** What a kitchen screen shows: open orders and canceled ones not yet acknowledged, oldest first. */
  listKitchenOrders: () => Promise<Order[]>;
  /** Orders finished (delivered or canceled) since `since`, newest first: the kitchen's recall list. */
  listRecentlyClosed: (since: number, limit: number) => Promise<Order[]>;
  /** Events after `seq`, oldest first, with each one's order as it is now (only `orderId`'s when given). */
  eventsSince: (seq: number, limit: number, orderId?: string) => Promise<Array<{ event: OrderEvent; order: Order }>>;
  /** The newest event's sequence number (0 for an empty log). */
  latestEventSeq: () => Promise<number>;
  /** The full event history of one order, oldest first. */
  orderHistory: (orderId: string) => Promise<OrderEvent[]>;
  /** Drops idempotency records older than `before` (they are promised for at least 24 hours). */
  pruneIdempotencyKeys: (before: number) => Promise<number>;
  /** Tickets that first reached ready since `since`: when each was placed and when it was ready. */
  readySince: (since: number) => Promise<Array<{ createdAt: number; readyAt: number }>>;
  /** Open orders from business days before `today` (left on the line past the day's close), oldest first. */
  listStaleOpenOrders: (today: string) => Promise<Order[]>;
}

export const ordersStorage = pick<OrdersStorage>(sqliteOrders, pgOrders);
export const {
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
} = ordersStorage;
