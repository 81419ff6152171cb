// What both databases do with an order's row, whatever the dialect: reading it into an Order, and working
// out the row and the log entry a change makes (db/sqlite/orders.ts and db/pg/orders.ts then write them).
import type { orderEvents, orders } from './schema';
import type { Order, OrderChange, OrderEvent, OrderStatus } from './types/orders';

export type OrderRow = typeof orders.$inferSelect;
export type EventRow = typeof orderEvents.$inferSelect;
export type NewEventRow = Omit<EventRow, 'seq'>;

export const toOrder = (r: OrderRow): Order => ({
  ...r,
  extras: r.extras ?? [],
  items: r.items ?? null,
  attention: r.attention ?? null,
  itemsDone: r.itemsDone ?? [],
});
export const toEvent = (r: EventRow): OrderEvent => ({
  ...r,
  fromStatus: r.fromStatus as OrderStatus | null,
  toStatus: r.toStatus as OrderStatus,
  changes: r.changes ?? null,
});

/**
 * The row after `change` and the event it logs, from the row as stored (read in the caller's
 * transaction, under its lock). Every changeable column is written back, the untouched ones as read,
 * so exactly what the change names changes.
 */
export function applyChange(row: OrderRow, change: OrderChange): { next: OrderRow; event: NewEventRow } {
  const current = toOrder(row);
  const version = current.version + 1;
  const status = change.status ?? current.status;
  const statusAt = status !== current.status ? change.at : current.statusAt;
  const fields = Object.fromEntries(Object.entries(change.fields ?? {}).filter(([, v]) => v !== undefined));
  const next = {
    ...row, // as stored (toOrder turns a NULL extras into []; writing it back must not)
    ...fields,
    status,
    statusAt,
    version,
    updatedAt: change.at,
    canceledBy: change.canceledBy !== undefined ? change.canceledBy : row.canceledBy,
    attention: change.attention !== undefined ? change.attention : row.attention,
  } satisfies OrderRow;
  const event: NewEventRow = {
    orderId: row.id,
    type: change.type,
    action: change.action,
    fromStatus: current.status,
    toStatus: status,
    actor: change.actor,
    changes: change.changes ?? null,
    version,
    at: change.at,
  };
  return { next, event };
}
