// The outbox of calls to KitchenHub, on PostgreSQL: db/storage/outbox.ts's contract. Calls are written
// inside the transaction of the decision that causes them; a worker claims one due call at a time with
// a lease. Several instances claim at once here, so a claim locks its row and skips rows another
// instance is claiming (FOR UPDATE SKIP LOCKED), and the lease keeps it from the others after commit.
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { inTx, pgDb, type PgTx } from './client';
import { hubOrders, hubOutbox } from './schema';
import type { CallQuery, CallResult, CallWithOrder, HubCall, OutboxCall } from '../types/outbox';

type Row = typeof hubOutbox.$inferSelect;
const toCall = (r: Row): OutboxCall => ({ ...r, payload: r.payload });

/** Adds a call unless this order already has one for this action (each is made once). Returns whether it was added. */
export async function enqueueHubCallIn(
  tx: PgTx,
  hubOrderId: string,
  call: HubCall,
  createdBy: string,
  now: number,
): Promise<boolean> {
  const added = await tx
    .insert(hubOutbox)
    .values({
      hubOrderId,
      action: call.action,
      payload: call.payload,
      state: 'pending',
      nextAttemptAt: now,
      createdBy,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
  return (added.rowCount ?? 0) > 0;
}

/** enqueueHubCallIn for the KitchenHub order behind a kitchen ticket (none for our own orders). */
export async function enqueueHubCallForTicketIn(
  tx: PgTx,
  orderId: string,
  call: HubCall,
  createdBy: string,
  now: number,
): Promise<boolean> {
  const [hub] = await tx.select({ id: hubOrders.hubOrderId }).from(hubOrders).where(eq(hubOrders.orderId, orderId));
  return hub ? enqueueHubCallIn(tx, hub.id, call, createdBy, now) : false;
}

/**
 * Claims the oldest due call, leasing it for `leaseMs` and counting the attempt. A call waits while an
 * older call for the same order is still pending (accept goes before complete).
 */
export async function claimDueCall(now: number, leaseMs: number): Promise<OutboxCall | undefined> {
  return inTx(async (tx) => {
    // A row another instance is claiming right now is skipped (it will carry that instance's lease);
    // an older pending call it holds still counts in `not exists`, so order per hub order is kept.
    const [row] = await tx
      .select()
      .from(hubOutbox)
      .where(
        and(
          eq(hubOutbox.state, 'pending'),
          lte(hubOutbox.nextAttemptAt, now),
          lte(hubOutbox.lockedUntil, now),
          sql`not exists (select 1 from hub_outbox older where older.hub_order_id = ${hubOutbox.hubOrderId} and older.state = 'pending' and older.id < ${hubOutbox.id})`,
        ),
      )
      .orderBy(asc(hubOutbox.nextAttemptAt), asc(hubOutbox.id))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!row) return undefined;
    const [claimed] = await tx
      .update(hubOutbox)
      .set({ lockedUntil: now + leaseMs, attempts: row.attempts + 1, updatedAt: now })
      .where(eq(hubOutbox.id, row.id))
      .returning();
    if (!claimed) throw new Error(`claiming outbox call ${row.id} returned no row`);
    return toCall(claimed);
  });
}

/** Records how an attempt went and releases the lease. */
export async function finishCall(id: number, result: CallResult, now: number): Promise<void> {
  const db = await pgDb();
  await db
    .update(hubOutbox)
    .set({ ...result, lockedUntil: 0, updatedAt: now })
    .where(eq(hubOutbox.id, id));
}

/** A failed or waiting call goes again now, with a fresh run of attempts. Returns it, or undefined if unknown. */
export async function retryCallNow(id: number, now: number): Promise<OutboxCall | undefined> {
  const db = await pgDb();
  const [row] = await db
    .update(hubOutbox)
    .set({ state: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: 0, updatedAt: now })
    .where(and(eq(hubOutbox.id, id), inArray(hubOutbox.state, ['pending', 'failed'])))
    .returning();
  return row ? toCall(row) : undefined;
}

export async function getCall(id: number): Promise<OutboxCall | undefined> {
  const db = await pgDb();
  const [row] = await db.select().from(hubOutbox).where(eq(hubOutbox.id, id));
  return row ? toCall(row) : undefined;
}

/** When the next pending call comes due (null when none is pending). */
export async function nextDueAt(): Promise<number | null> {
  const db = await pgDb();
  const [row] = await db
    .select({
      at: sql<number | null>`min(greatest(${hubOutbox.nextAttemptAt}, ${hubOutbox.lockedUntil}))`.mapWith(Number),
    })
    .from(hubOutbox)
    .where(eq(hubOutbox.state, 'pending'));
  return row?.at ?? null;
}

/** Calls, newest first, with the order they are about; `open` keeps the pending and failed ones only. */
export async function listCalls(opts: CallQuery = {}): Promise<CallWithOrder[]> {
  const filters = [
    opts.id !== undefined ? eq(hubOutbox.id, opts.id) : undefined,
    opts.open ? inArray(hubOutbox.state, ['pending', 'failed']) : undefined,
    opts.hubOrderId !== undefined ? eq(hubOutbox.hubOrderId, opts.hubOrderId) : undefined,
  ].filter((f) => f !== undefined);
  const db = await pgDb();
  const rows = await db
    .select({
      call: hubOutbox,
      providerName: hubOrders.providerName,
      number: hubOrders.number,
      customerName: hubOrders.customerName,
      orderId: hubOrders.orderId,
    })
    .from(hubOutbox)
    .innerJoin(hubOrders, eq(hubOrders.hubOrderId, hubOutbox.hubOrderId))
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(hubOutbox.id))
    .limit(opts.limit ?? 100);
  return rows.map((r) => ({
    ...toCall(r.call),
    providerName: r.providerName,
    number: r.number,
    customerName: r.customerName,
    orderId: r.orderId,
  }));
}

/** How many calls are stuck: failed, or waiting after a failure. */
export async function countStuckCalls(): Promise<number> {
  const db = await pgDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(hubOutbox)
    .where(
      sql`${hubOutbox.state} = 'failed' or (${hubOutbox.state} = 'pending' and ${hubOutbox.lastError} is not null)`,
    );
  return row?.n ?? 0;
}

/** db/storage/outbox.ts's OutboxStorage on PostgreSQL (db/storage checks it against the contract). */
export const pgOutbox = {
  claimDueCall,
  finishCall,
  retryCallNow,
  getCall,
  nextDueAt,
  listCalls,
  countStuckCalls,
};
