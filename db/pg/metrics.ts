// db/storage/metrics.ts's contract on PostgreSQL.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { pgDb } from './client';
import { orderEvents, orders } from './schema';
import type { MetricsEvent, MetricsOrder } from '../types/metrics';
import type { OrderStatus } from '../types/orders';

/** One business day's orders and their status events (oldest first), read in one transaction so they agree. */
export async function loadBusinessDay(date: string): Promise<{ orders: MetricsOrder[]; events: MetricsEvent[] }> {
  const db = await pgDb();
  // REPEATABLE READ: both reads see one snapshot (READ COMMITTED would take one per statement).
  // Read-only, so it never fails to serialize.
  return db.transaction(
    async (tx) => {
      const rows = await tx
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
        .orderBy(asc(orders.dailyNumber));
      const events = await tx
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
        .orderBy(asc(orderEvents.seq));
      return {
        orders: rows.map((r) => ({ ...r, extras: r.extras ?? [], items: r.items ?? null })),
        // The columns hold only statuses: written by db/pg/orders.ts from OrderStatus values.
        events: events.map((e) => ({
          ...e,
          fromStatus: e.fromStatus as OrderStatus | null,
          toStatus: e.toStatus as OrderStatus,
        })),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The most recent business days that have orders, newest first. */
export async function listBusinessDates(limit: number): Promise<string[]> {
  const db = await pgDb();
  const rows = await db
    .select({ date: orders.businessDate })
    .from(orders)
    .groupBy(orders.businessDate)
    .orderBy(sql`${orders.businessDate} collate "C" desc`) // byte order, as SQLite compares text
    .limit(limit);
  return rows.map((r) => r.date);
}

/** db/storage/metrics.ts's MetricsStorage on PostgreSQL (db/storage checks it against the contract). */
export const pgMetrics = {
  loadBusinessDay,
  listBusinessDates,
};
