// The manager's deliveries log: every webhook received with its outcome, and a replay that runs a
// stored delivery's body through the same processing as a new one (recorded as a new delivery).
import * as storage from '@/db/storage/kitchenhub';
import type { DeliveryLogEntry } from '@/db/storage/kitchenhub';
import { ApiError, invalidRequest, notFound } from '../errors';
import {
  type DeliveryView,
  type ReplayResult,
  REPLAY_OF_HEADER,
  REPLAYED_BY_HEADER,
  replayRefusal,
} from './delivery-log';
import { type DeliveriesQuery, deliveryIdParam } from './deliveries-query';
import { processDelivery } from './ingest';

/** The log entry as the manager's page reads it. */
export function toDeliveryView(d: DeliveryLogEntry): DeliveryView {
  const replayOf = Number(d.headers[REPLAY_OF_HEADER]);
  const refusal = replayRefusal(d.outcome);
  return {
    id: d.id,
    received_at: d.receivedAt,
    event_type: d.eventType,
    hub_order_id: d.hubOrderId,
    hub_status: d.hubStatus,
    outcome: d.outcome,
    error: d.error,
    source: d.source,
    replay_of: Number.isSafeInteger(replayOf) && replayOf > 0 ? replayOf : null,
    can_replay: refusal === null,
    cannot_replay_reason: refusal,
  };
}

/** A delivery id from a URL: a positive whole number, else 400 (never a 5xx, never a lookup). */
export function requireDeliveryId(raw: string): number {
  const parsed = deliveryIdParam.safeParse(raw);
  if (!parsed.success)
    throw invalidRequest(
      `${JSON.stringify(raw.slice(0, 40))} is not a delivery id: ids are positive whole numbers.`,
      'delivery_id',
    );
  return parsed.data;
}

/** Newest first, optionally only some outcomes (the page's "Problems only"). */
export async function listDeliveryLog(query: DeliveriesQuery): Promise<DeliveryView[]> {
  const rows = await storage.listDeliveries({ limit: query.limit, outcomes: query.outcome });
  return rows.map(toDeliveryView);
}

/**
 * Runs a stored delivery again as if KitchenHub had just sent it (its signature was checked when it
 * first came): an applied one comes back a duplicate and changes nothing; an invalid one is parsed
 * afresh. 404 for an unknown id; 409 for one whose body was never stored (unauthorized).
 */
export async function replayDelivery(id: number, actor: string, now = Date.now()): Promise<ReplayResult> {
  const original = await storage.getDelivery(id);
  if (!original) throw notFound('delivery', String(id));
  const refusal = replayRefusal(original.outcome);
  if (refusal)
    throw new ApiError('conflict', `Delivery ${id} cannot be replayed: ${refusal}`, {
      delivery: toDeliveryView(original),
    });
  const headers = { ...original.headers, [REPLAY_OF_HEADER]: String(id), [REPLAYED_BY_HEADER]: actor.slice(0, 200) };
  const done = await processDelivery({ body: original.body, headers }, now, 'replay');
  const recorded = await storage.getDelivery(done.deliveryId);
  if (!recorded) throw new Error(`delivery ${done.deliveryId} was recorded but cannot be read back`);
  return {
    outcome: done.outcome,
    delivery: toDeliveryView(recorded),
    hub_order_id: done.hubOrderId,
    order_id: done.orderId,
  };
}
