// Kitchen screens' heartbeats and which orders a screen has shown: the storage behind "no silent
// missing orders". A heartbeat is one transaction: the screen's row and its sightings.
import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { orders, orderSightings, screens } from '../schema';
import { OPEN_STATUSES } from '../types/orders';
import type { ScreenRow, Sighting, UnseenOrder } from '../types/screens';

/** Records a heartbeat: upserts the screen and notes the first sighting of each order it shows. */
export async function recordHeartbeat(
  screen: Omit<ScreenRow, 'createdAt'>,
  shown: readonly string[],
  now: number,
): Promise<void> {
  const db = getDb();
  db.transaction(
    (tx) => {
      const { id, ...rest } = screen;
      tx.insert(screens)
        .values({ ...screen, createdAt: now })
        .onConflictDoUpdate({ target: screens.id, set: rest })
        .run();
      if (shown.length === 0) return;
      // Only real orders (an id a screen made up changes nothing); the first sighting wins.
      tx.run(sql`insert or ignore into ${orderSightings} (order_id, first_shown_at, screen_id)
        select ${orders.id}, ${now}, ${id} from ${orders} where ${orders.id} in (select value from json_each(${JSON.stringify(shown)}))`);
    },
    { behavior: 'immediate' },
  );
}

/** Screens heard from since `since`, most recently heard first. */
export async function listScreens(since: number): Promise<ScreenRow[]> {
  return getDb().select().from(screens).where(gt(screens.lastSeenAt, since)).orderBy(desc(screens.lastSeenAt)).all();
}

/** Open orders placed at or before `placedBy` that no screen has shown yet, oldest first. */
export async function unseenOpenOrders(placedBy: number, limit: number): Promise<UnseenOrder[]> {
  return getDb()
    .select({
      id: orders.id,
      dailyNumber: orders.dailyNumber,
      customerName: orders.customerName,
      status: orders.status,
      createdAt: orders.createdAt,
      source: orders.source,
    })
    .from(orders)
    .leftJoin(orderSightings, eq(orderSightings.orderId, orders.id))
    .where(and(inArray(orders.status, OPEN_STATUSES), lte(orders.createdAt, placedBy), isNull(orderSightings.orderId)))
    .orderBy(asc(orders.createdAt))
    .limit(limit)
    .all();
}

/** When (and by which screen) an order was first shown, if it was. */
export async function sightingOf(orderId: string): Promise<Sighting | undefined> {
  return getDb()
    .select({ firstShownAt: orderSightings.firstShownAt, screenId: orderSightings.screenId })
    .from(orderSightings)
    .where(eq(orderSightings.orderId, orderId))
    .get();
}

/** db/storage/screens.ts's ScreensStorage on the SQLite file (db/storage checks it against the contract). */
export const sqliteScreens = {
  recordHeartbeat,
  listScreens,
  unseenOpenOrders,
  sightingOf,
};
