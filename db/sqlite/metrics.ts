// The manager's numbers read a business day's orders and their status history from the event log.
// Plain rows out; every figure is computed in lib/manager/metrics.ts (pure, tested without a database).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { orderEvents, orders } from '../schema';
import type { MetricsEvent, MetricsOrder } from '../types/metrics';
import type { OrderStatus } from '../types/orders';

/** One business day's orders and their status events (oldest first), read in one transaction so they agree. */
export async function loadBusinessDay(date: string): Promise<{ orders: MetricsOrder[]; events: MetricsEvent[] }> {
  const db = getDb();
  return db.transaction((tx) => {
    const rows = tx
      .select({
        id: orders.id,
        dailyNumber: orders.dailyNumber,
        source: orders.source,
        provider: orders.provider,
        status: orders.status,
        createdAt: orders.createdAt,
        canceledBy: orders.canceledBy,
        bread: orders.bread,
        peanutButter: orders.peanutButter,
        jelly: orders.jelly,
        toast: orders.toast,
        cut: orders.cut,
        extras: orders.extras,
        items: orders.items,
      })
      .from(orders)
      .where(eq(orders.businessDate, date))
      .orderBy(asc(orders.dailyNumber))
      .all();
    const events = tx
      .select({
        seq: orderEvents.seq,
        orderId: orderEvents.orderId,
        fromStatus: orderEvents.fromStatus,
        toStatus: orderEvents.toStatus,
        actor: orderEvents.actor,
        at: orderEvents.at,
      })
      .from(orderEvents)
      .innerJoin(orders, eq(orders.id, orderEvents.orderId))
      .where(and(eq(orders.businessDate, date), inArray(orderEvents.type, ['created', 'status'])))
      .orderBy(asc(orderEvents.seq))
      .all();
    return {
      orders: rows.map((r) => ({ ...r, extras: r.extras ?? [], items: r.items ?? null })),
      // The columns hold only statuses: written by db/sqlite/orders.ts from OrderStatus values.
      events: events.map((e) => ({
        ...e,
        fromStatus: e.fromStatus as OrderStatus | null,
        toStatus: e.toStatus as OrderStatus,
      })),
    };
  });
}

/** The most recent business days that have orders, newest first. */
export async function listBusinessDates(limit: number): Promise<string[]> {
  const rows = getDb()
    .select({ date: orders.businessDate, n: sql<number>`count(*)` })
    .from(orders)
    .groupBy(orders.businessDate)
    .orderBy(desc(orders.businessDate))
    .limit(limit)
    .all();
  return rows.map((r) => r.date);
}

/** db/storage/metrics.ts's MetricsStorage on the SQLite file (db/storage checks it against the contract). */
export const sqliteMetrics = {
  loadBusinessDay,
  listBusinessDates,
};
