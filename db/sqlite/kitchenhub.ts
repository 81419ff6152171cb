// KitchenHub storage: the raw delivery log and hub orders. Each delivery is recorded in the same
// transaction as its effects (hub order, ticket created or moved), so a crash never leaves one without
// the other, and the same body twice is recognised by its hash.
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { hubDeliveries, hubOrders } from '../schema';
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
import { changeOrderIn, getOrderIn, insertOrderIn } from './orders';
import { enqueueHubCallIn } from './outbox';

type HubRow = typeof hubOrders.$inferSelect;
const toHub = (r: HubRow): HubOrder => ({ ...r, hubStatus: r.hubStatus as HubStatus, state: r.state as HubState });

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

export async function recordDelivery(
  d: Delivery & { outcome: DeliveryOutcome; error: string | null },
): Promise<number> {
  return getDb().insert(hubDeliveries).values(d).returning({ id: hubDeliveries.id }).get().id;
}

/** Writes what a plan says, in the caller's transaction. */
function apply(
  tx: Tx,
  plan: HubPlan,
  current: HubOrder | undefined,
  order: Order | undefined,
  now: number,
): { changed: Changed[]; orderId: string | null } {
  const changed: Changed[] = [];
  let orderId = current?.orderId ?? null;
  if (plan.createTicket && !orderId) {
    const created = insertOrderIn(plan.createTicket, plan.actor);
    changed.push(created);
    orderId = created.order.id;
  }
  if (plan.hub) {
    const values = { ...plan.hub, orderId, updatedAt: now };
    if (current) tx.update(hubOrders).set(values).where(eq(hubOrders.hubOrderId, plan.hub.hubOrderId)).run();
    else
      tx.insert(hubOrders)
        .values(values as typeof hubOrders.$inferInsert)
        .run();
  }
  const move = plan.moveTicket;
  if (move && order) {
    const canceled = move.to === 'canceled';
    const moved = changeOrderIn(order.id, () => ({
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
    enqueueHubCallIn(plan.hub?.hubOrderId ?? current!.hubOrderId, call, plan.actor, now);
  return { changed, orderId };
}

function readCurrent(tx: Tx, hubOrderId: string): { hub?: HubOrder; order?: Order } {
  const row = tx.select().from(hubOrders).where(eq(hubOrders.hubOrderId, hubOrderId)).get();
  const hub = row ? toHub(row) : undefined;
  return { hub, order: hub?.orderId ? getOrderIn(hub.orderId) : undefined };
}

/**
 * Records a delivery of an Order and applies `decide`'s plan for it, in one transaction. A body
 * already applied (same hash) is recorded as a duplicate and changes nothing.
 */
export async function ingestHubOrder(
  delivery: Delivery,
  decide: (current: { hub?: HubOrder; order?: Order }) => HubPlan,
): Promise<{ outcome: DeliveryOutcome; changed: Changed[]; orderId: string | null; deliveryId: number }> {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const seen = tx
        .select({ id: hubDeliveries.id })
        .from(hubDeliveries)
        .where(
          and(
            eq(hubDeliveries.bodyHash, delivery.bodyHash),
            inArray(hubDeliveries.outcome, ['applied', 'stale', 'duplicate']),
          ),
        )
        .limit(1)
        .get();
      const current = readCurrent(tx, delivery.hubOrderId!);
      if (seen) {
        const { id } = tx
          .insert(hubDeliveries)
          .values({ ...delivery, outcome: 'duplicate', error: null })
          .returning({ id: hubDeliveries.id })
          .get();
        return { outcome: 'duplicate' as const, changed: [], orderId: current.hub?.orderId ?? null, deliveryId: id };
      }
      const plan = decide(current);
      const { changed, orderId } =
        plan.outcome === 'applied'
          ? apply(tx, plan, current.hub, current.order, delivery.receivedAt)
          : { changed: [], orderId: current.hub?.orderId ?? null };
      const { id } = tx
        .insert(hubDeliveries)
        .values({ ...delivery, outcome: plan.outcome, error: null })
        .returning({ id: hubDeliveries.id })
        .get();
      return { outcome: plan.outcome, changed, orderId, deliveryId: id };
    },
    { behavior: 'immediate' },
  );
}

/** A manager's decision (accept, reject) or a scheduled firing on one hub order, in one transaction. */
export async function decideHubOrder(
  hubOrderId: string,
  decide: (current: { hub: HubOrder; order?: Order }) => HubPlan,
  now: number,
): Promise<{ hub: HubOrder; changed: Changed[] } | undefined> {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const current = readCurrent(tx, hubOrderId);
      if (!current.hub) return undefined;
      const plan = decide({ hub: current.hub, order: current.order });
      const { changed } = apply(tx, plan, current.hub, current.order, now);
      const hub = toHub(tx.select().from(hubOrders).where(eq(hubOrders.hubOrderId, hubOrderId)).get()!);
      return { hub, changed };
    },
    { behavior: 'immediate' },
  );
}

/** Hub orders in these states, oldest first (the Incoming and Scheduled lists). */
export async function listHubOrders(states: readonly HubState[], limit = 100): Promise<HubOrder[]> {
  return getDb()
    .select()
    .from(hubOrders)
    .where(inArray(hubOrders.state, [...states]))
    .orderBy(asc(hubOrders.createdAt))
    .limit(limit)
    .all()
    .map(toHub);
}

export async function getHubOrder(hubOrderId: string): Promise<HubOrder | undefined> {
  const row = getDb().select().from(hubOrders).where(eq(hubOrders.hubOrderId, hubOrderId)).get();
  return row ? toHub(row) : undefined;
}

/** Scheduled hub orders whose firing time has come. */
export async function dueScheduledHubOrders(now: number): Promise<string[]> {
  return getDb()
    .select({ id: hubOrders.hubOrderId })
    .from(hubOrders)
    .where(and(eq(hubOrders.state, 'scheduled'), lte(hubOrders.fireAt, now)))
    .all()
    .map((r) => r.id);
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
// The column is plain text in SQLite; only ingest writes it, always with a DeliveryOutcome.
const asOutcome = <R extends { outcome: string }>(r: R): R & { outcome: DeliveryOutcome } =>
  r as R & { outcome: DeliveryOutcome };

/** The newest deliveries first, for the manager's log; `outcomes` narrows it (all when omitted). */
export async function listDeliveries(
  opts: { limit?: number; outcomes?: readonly DeliveryOutcome[] } = {},
): Promise<DeliveryLogEntry[]> {
  const where = opts.outcomes ? inArray(hubDeliveries.outcome, [...opts.outcomes]) : undefined;
  return getDb()
    .select(logColumns)
    .from(hubDeliveries)
    .where(where)
    .orderBy(desc(hubDeliveries.id))
    .limit(opts.limit ?? 100)
    .all()
    .map(asOutcome);
}

/** One delivery with its raw body, for a replay. */
export async function getDelivery(id: number): Promise<StoredDelivery | undefined> {
  const row = getDb()
    .select({ ...logColumns, body: hubDeliveries.body, bodyHash: hubDeliveries.bodyHash })
    .from(hubDeliveries)
    .where(eq(hubDeliveries.id, id))
    .get();
  return row ? asOutcome(row) : undefined;
}

/** How many orders reconciliation recovered (found by polling, applied: their webhooks never came). */
export async function countRecovered(): Promise<number> {
  const row = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(hubDeliveries)
    .where(and(eq(hubDeliveries.source, 'reconciliation'), eq(hubDeliveries.outcome, 'applied')))
    .get();
  return row?.n ?? 0;
}

/** db/storage/kitchenhub.ts's KitchenhubStorage on the SQLite file (db/storage checks it against the contract). */
export const sqliteKitchenhub = {
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
