// db/storage/screens.ts's contract on PostgreSQL.
import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import { inTx, pgDb } from './client';
import { orders, orderSightings, screens } from './schema';
import { OPEN_STATUSES } from '../types/orders';
import type { ScreenRow, Sighting, UnseenOrder } from '../types/screens';

/** Records a heartbeat: upserts the screen and notes the first sighting of each order it shows. */
export async function recordHeartbeat(
  screen: Omit<ScreenRow, 'createdAt'>,
  shown: readonly string[],
  now: number,
): Promise<void> {
  await inTx(async (tx) => {
    const { id, ...rest } = screen;
    await tx
      .insert(screens)
      .values({ ...screen, createdAt: now })
      .onConflictDoUpdate({ target: screens.id, set: rest });
    if (shown.length === 0) return;
    // Only real orders (an id a screen made up changes nothing); the first sighting wins, also against
    // another instance's heartbeat. Inserted in id order, so two screens showing the same orders wait
    // on each other in one order rather than deadlocking.
    await tx.execute(sql`insert into ${orderSightings} (order_id, first_shown_at, screen_id)
      select ${orders.id}, ${now}::bigint, ${id}::text from ${orders}
      where ${orders.id} in (select jsonb_array_elements_text(${JSON.stringify(shown)}::jsonb))
      order by ${orders.id}
      on conflict (order_id) do nothing`);
  });
}

/** Screens heard from since `since`, most recently heard first. */
export async function listScreens(since: number): Promise<ScreenRow[]> {
  const db = await pgDb();
  return db.select().from(screens).where(gt(screens.lastSeenAt, since)).orderBy(desc(screens.lastSeenAt));
}

/** Open orders placed at or before `placedBy` that no screen has shown yet, oldest first. */
export async function unseenOpenOrders(placedBy: number, limit: number): Promise<UnseenOrder[]> {
  const db = await pgDb();
  return db
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
    .limit(limit);
}

/** When (and by which screen) an order was first shown, if it was. */
export async function sightingOf(orderId: string): Promise<Sighting | undefined> {
  const db = await pgDb();
  const [row] = await db
    .select({ firstShownAt: orderSightings.firstShownAt, screenId: orderSightings.screenId })
    .from(orderSightings)
    .where(eq(orderSightings.orderId, orderId))
    .limit(1);
  return row;
}

/** db/storage/screens.ts's ScreensStorage on PostgreSQL (db/storage checks it against the contract). */
export const pgScreens = {
  recordHeartbeat,
  listScreens,
  unseenOpenOrders,
  sightingOf,
};
