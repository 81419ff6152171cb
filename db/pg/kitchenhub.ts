// KitchenHub storage on PostgreSQL: db/storage/kitchenhub.ts's contract. Each delivery is recorded in
// the same transaction as its effects (hub order, ticket created or moved), and the same body twice is
// recognised by its hash. Every unit of work on one hub order first takes that hub order's lock, so
// deliveries, a manager's decision and scheduled firings on several instances decide one at a time,
// each on what the one before it wrote (the first delivery has no row yet to lock).
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { inTx, lockIn, pgDb, type PgTx } from './client';
import { hubDeliveries, hubOrders } from './schema';
import type {
  Delivery,
  DeliveryLogEntry,
  DeliveryOutcome,
  HubOrder,
  HubPlan,
  HubState,
  HubStatus,
  StoredDelivery,
} from '../types/kitchenhub';
import type { Changed, Order } from '../types/orders';
import { changeOrderIn, getOrderIn, insertOrderIn, lockOrderIn } from './orders';
import { enqueueHubCallIn } from './outbox';

type HubRow = typeof hubOrders.$inferSelect;
const toHub = (r: HubRow): HubOrder => ({ ...r, hubStatus: r.hubStatus as HubStatus, state: r.state as HubState });

export async function recordDelivery(
  d: Delivery & { outcome: DeliveryOutcome; error: string | null },
): Promise<number> {
  const db = await pgDb();
  const [row] = await db.insert(hubDeliveries).values(d).returning({ id: hubDeliveries.id });
  if (!row) throw new Error('recording a delivery returned no row');
  return row.id;
}

/** Writes what a plan says, in the caller's transaction. */
async function apply(
  tx: PgTx,
  plan: HubPlan,
  current: HubOrder | undefined,
  order: Order | undefined,
  now: number,
): Promise<{ changed: Changed[]; orderId: string | null }> {
  const changed: Changed[] = [];
  let orderId = current?.orderId ?? null;
  if (plan.createTicket && !orderId) {
    const created = await insertOrderIn(tx, plan.createTicket, plan.actor);
    changed.push(created);
    orderId = created.order.id;
  }
  if (plan.hub) {
    const values = { ...plan.hub, orderId, updatedAt: now };
    if (current) await tx.update(hubOrders).set(values).where(eq(hubOrders.hubOrderId, plan.hub.hubOrderId));
    else await tx.insert(hubOrders).values(values as typeof hubOrders.$inferInsert);
  }
  const move = plan.moveTicket;
  if (move && order) {
    const canceled = move.to === 'canceled';
    const moved = await changeOrderIn(tx, order.id, () => ({
      type: 'status',
      action: move.action,
      actor: plan.actor,
      at: now,
      status: move.to,
      // The provider's cancel stays on the kitchen screen, loudly, until a cook acknowledges it.
      ...(canceled
        ? { canceledBy: 'provider' as const, attention: { kind: 'canceled' as const, by: 'provider' as const } }
        : {}),
    }));
    if (moved?.event) changed.push({ order: moved.order, event: moved.event });
  }
  for (const call of plan.calls ?? [])
    await enqueueHubCallIn(tx, plan.hub?.hubOrderId ?? current!.hubOrderId, call, plan.actor, now);
  return { changed, orderId };
}

/**
 * The hub order and its ticket, after taking the hub order's lock; the ticket's row stays locked too,
 * so a cook's bump cannot slip in between what `decide` sees and what `apply` writes.
 */
async function readCurrent(tx: PgTx, hubOrderId: string): Promise<{ hub?: HubOrder; order?: Order }> {
  await lockIn(tx, `hub:${hubOrderId}`);
  const [row] = await tx.select().from(hubOrders).where(eq(hubOrders.hubOrderId, hubOrderId));
  const hub = row ? toHub(row) : undefined;
  if (!hub?.orderId) return { hub, order: undefined };
  await lockOrderIn(tx, hub.orderId);
  return { hub, order: await getOrderIn(tx, hub.orderId) };
}

/**
 * Records a delivery of an Order and applies `decide`'s plan for it, in one transaction. A body
 * already applied (same hash) is recorded as a duplicate and changes nothing.
 */
export async function ingestHubOrder(
  delivery: Delivery,
  decide: (current: { hub?: HubOrder; order?: Order }) => HubPlan,
): Promise<{ outcome: DeliveryOutcome; changed: Changed[]; orderId: string | null; deliveryId: number }> {
  return inTx(async (tx) => {
    // The lock comes first: the same body delivered twice at once is then seen by the second.
    const current = await readCurrent(tx, delivery.hubOrderId!);
    const [seen] = await tx
      .select({ id: hubDeliveries.id })
      .from(hubDeliveries)
      .where(
        and(
          eq(hubDeliveries.bodyHash, delivery.bodyHash),
          inArray(hubDeliveries.outcome, ['applied', 'stale', 'duplicate']),
        ),
      )
      .limit(1);
    if (seen) {
      const id = await insertDeliveryIn(tx, { ...delivery, outcome: 'duplicate', error: null });
      return { outcome: 'duplicate' as const, changed: [], orderId: current.hub?.orderId ?? null, deliveryId: id };
    }
    const plan = decide(current);
    const { changed, orderId } =
      plan.outcome === 'applied'
        ? await apply(tx, plan, current.hub, current.order, delivery.receivedAt)
        : { changed: [], orderId: current.hub?.orderId ?? null };
    const id = await insertDeliveryIn(tx, { ...delivery, outcome: plan.outcome, error: null });
    return { outcome: plan.outcome, changed, orderId, deliveryId: id };
  });
}

async function insertDeliveryIn(
  tx: PgTx,
  d: Delivery & { outcome: DeliveryOutcome; error: string | null },
): Promise<number> {
  const [row] = await tx.insert(hubDeliveries).values(d).returning({ id: hubDeliveries.id });
  if (!row) throw new Error('recording a delivery returned no row');
  return row.id;
}

/** A manager's decision (accept, reject) or a scheduled firing on one hub order, in one transaction. */
export async function decideHubOrder(
  hubOrderId: string,
  decide: (current: { hub: HubOrder; order?: Order }) => HubPlan,
  now: number,
): Promise<{ hub: HubOrder; changed: Changed[] } | undefined> {
  return inTx(async (tx) => {
    const current = await readCurrent(tx, hubOrderId);
    if (!current.hub) return undefined;
    const plan = decide({ hub: current.hub, order: current.order });
    const { changed } = await apply(tx, plan, current.hub, current.order, now);
    const [row] = await tx.select().from(hubOrders).where(eq(hubOrders.hubOrderId, hubOrderId));
    if (!row) throw new Error(`hub order ${hubOrderId} vanished in its own transaction`);
    return { hub: toHub(row), changed };
  });
}

/** Hub orders in these states, oldest first (the Incoming and Scheduled lists). */
export async function listHubOrders(states: readonly HubState[], limit = 100): Promise<HubOrder[]> {
  const db = await pgDb();
  const rows = await db
    .select()
    .from(hubOrders)
    .where(inArray(hubOrders.state, [...states]))
    .orderBy(asc(hubOrders.createdAt))
    .limit(limit);
  return rows.map(toHub);
}

export async function getHubOrder(hubOrderId: string): Promise<HubOrder | undefined> {
  const db = await pgDb();
  const [row] = await db.select().from(hubOrders).where(eq(hubOrders.hubOrderId, hubOrderId));
  return row ? toHub(row) : undefined;
}

/** Scheduled hub orders whose firing time has come. */
export async function dueScheduledHubOrders(now: number): Promise<string[]> {
  const db = await pgDb();
  const rows = await db
    .select({ id: hubOrders.hubOrderId })
    .from(hubOrders)
    .where(and(eq(hubOrders.state, 'scheduled'), lte(hubOrders.fireAt, now)))
    .orderBy(asc(hubOrders.fireAt), asc(hubOrders.createdAt)); // SQLite reads them off its (state, fire_at) index
  return rows.map((r) => r.id);
}

const logColumns = {
  id: hubDeliveries.id,
  receivedAt: hubDeliveries.receivedAt,
  headers: hubDeliveries.headers,
  eventType: hubDeliveries.eventType,
  hubOrderId: hubDeliveries.hubOrderId,
  hubStatus: hubDeliveries.hubStatus,
  outcome: hubDeliveries.outcome,
  error: hubDeliveries.error,
  source: hubDeliveries.source,
};
// The column is plain text; only ingest writes it, always with a DeliveryOutcome.
const asOutcome = <R extends { outcome: string }>(r: R): R & { outcome: DeliveryOutcome } =>
  r as R & { outcome: DeliveryOutcome };

/** The newest deliveries first, for the manager's log; `outcomes` narrows it (all when omitted). */
export async function listDeliveries(
  opts: { limit?: number; outcomes?: readonly DeliveryOutcome[] } = {},
): Promise<DeliveryLogEntry[]> {
  const db = await pgDb();
  const where = opts.outcomes ? inArray(hubDeliveries.outcome, [...opts.outcomes]) : undefined;
  const rows = await db
    .select(logColumns)
    .from(hubDeliveries)
    .where(where)
    .orderBy(desc(hubDeliveries.id))
    .limit(opts.limit ?? 100);
  return rows.map(asOutcome);
}

/** One delivery with its raw body, for a replay. */
export async function getDelivery(id: number): Promise<StoredDelivery | undefined> {
  const db = await pgDb();
  const [row] = await db
    .select({ ...logColumns, body: hubDeliveries.body, bodyHash: hubDeliveries.bodyHash })
    .from(hubDeliveries)
    .where(eq(hubDeliveries.id, id));
  return row ? asOutcome(row) : undefined;
}

export async function countRecovered(): Promise<number> {
  const db = await pgDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(hubDeliveries)
    .where(and(eq(hubDeliveries.source, 'reconciliation'), eq(hubDeliveries.outcome, 'applied')));
  return row?.n ?? 0;
}

/** db/storage/kitchenhub.ts's KitchenhubStorage on PostgreSQL (db/storage checks it against the contract). */
export const pgKitchenhub = {
  recordDelivery,
  ingestHubOrder,
  decideHubOrder,
  listHubOrders,
  getHubOrder,
  dueScheduledHubOrders,
  listDeliveries,
  getDelivery,
  countRecovered,
};
