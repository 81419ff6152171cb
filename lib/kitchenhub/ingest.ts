// KitchenHub webhooks: verify first, store raw, then apply forward-only status changes. The rules
// are plain functions; db/sqlite/kitchenhub.ts runs each decision in one transaction with the
// delivery record.
import * as storage from '@/db/storage/kitchenhub';
import { sha256 } from '../auth/crypto';
import { ApiError, invalidRequest } from '../errors';
import { invalidFrom, isJsonObject, jsonText } from '../http';
import { orderFeed } from '../live/feed';
import { businessDate, newOrderId } from '../orders/service';
import { INITIAL_STATUS, transition } from '../orders/status';
import type { NewOrderInput, Order } from '../orders/types';
import { parseJsonKeepingBigInts } from './json';
import { classify, HUB_RANK, hubOrderObject, toMs, type HubOrderObject } from './schema';
import type { Delivery, DeliveryOutcome, DeliverySource, HubOrder, HubPlan } from './types';
import { hubConfig } from './config';
import { kickOutbox } from './kick';
import { refuseDelivery } from './refusals';
import { verifyWebhook } from './verify';

const KEPT_HEADERS = ['content-type', 'user-agent', 'x-kitchenhub-signature', 'x-request-id', 'x-kitchenhub-delivery'];

export type WebhookResult = { status: number; body: Record<string, unknown> };

/** KitchenHub's delivery orders can be long (many items with options and instructions): the webhook takes bodies up to this. */
export const WEBHOOK_MAX_BODY_BYTES = 512 * 1024;
/** How deep a webhook body may nest: a real Order object goes about 5 levels down; this leaves room for any the spec allows. */
export const WEBHOOK_MAX_DEPTH = 64;

/** What became of one delivery after its signature was checked; `error` says why an invalid one was refused. */
export type Processed = {
  deliveryId: number;
  outcome: DeliveryOutcome;
  eventType: string | null;
  hubOrderId: string | null;
  orderId: string | null;
  error: ApiError | null;
};

/** The headers kept with a delivery for the log: enough to audit it, never the whole signature. */
function keptHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const v = headers.get(name);
    if (v !== null) kept[name] = name === 'x-kitchenhub-signature' ? `${v.slice(0, 14)}…` : v.slice(0, 200);
  }
  return kept;
}

/**
 * Handles one webhook delivery end to end from its raw bytes (a signature is over the bytes as sent);
 * never throws for bad input (it answers 400/401/429 instead). `address` is the caller's, for the
 * limit on refusals.
 */
export async function receiveWebhook(
  req: { body: Uint8Array; headers: Headers; url: string; address: string },
  now = Date.now(),
): Promise<WebhookResult> {
  const headers = keptHeaders(req.headers);
  const verdict = await verifyWebhook({ body: req.body, headers: req.headers, url: req.url }, now);
  if (!verdict.ok)
    return refuseDelivery(
      {
        address: req.address,
        reason: verdict.reason,
        delivery: { ...newDelivery('', headers, now), bodyHash: sha256(req.body) },
      },
      now,
    );
  const done = await processDelivery({ body: req.body, headers }, now);
  if (done.error) throw done.error;
  if (done.outcome === 'ignored')
    return { status: 200, body: { received: true, outcome: 'ignored', event_type: done.eventType } };
  return {
    status: 200,
    body: { received: true, outcome: done.outcome, hub_order_id: done.hubOrderId, order_id: done.orderId },
  };
}

const newDelivery = (body: string, headers: Record<string, string>, now: number): Delivery => ({
  receivedAt: now,
  body,
  headers,
  bodyHash: sha256(body),
  eventType: null,
  hubOrderId: null,
  hubStatus: null,
});

/**
 * Everything after authenticity: parses an authentic body, records it with its outcome and applies
 * it. A new webhook and a manager's replay of a stored one both come through here, so a replay is
 * judged exactly like the first delivery (the same body already applied is a duplicate).
 */
export async function processDelivery(
  req: { body: string | Uint8Array; headers: Record<string, string> },
  now = Date.now(),
  source: DeliverySource = 'webhook',
): Promise<Processed> {
  // The log keeps text: bytes that are not UTF-8 are kept with U+FFFD in their place (and refused
  // below); the hash is of the bytes as received, so the same delivery twice is still recognised.
  const text = typeof req.body === 'string' ? req.body : Buffer.from(req.body).toString('utf8');
  const delivery = { ...newDelivery(text, req.headers, now), bodyHash: sha256(req.body), source };
  const refused = async (error: ApiError, eventType: string | null): Promise<Processed> => {
    const deliveryId = await storage.recordDelivery({
      ...delivery,
      eventType,
      outcome: 'invalid',
      error: error.message,
    });
    return { deliveryId, outcome: 'invalid', eventType, hubOrderId: null, orderId: null, error };
  };

  let json: string;
  try {
    json = jsonText(req.body, WEBHOOK_MAX_DEPTH, 'webhook body'); // 400 unless UTF-8, or nested too deep
  } catch (err) {
    if (err instanceof ApiError) return refused(err, null);
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = parseJsonKeepingBigInts(json);
  } catch {
    return refused(invalidRequest('The webhook body is not valid JSON.'), null);
  }
  // Every KitchenHub notification is an object: null, a number, a string or an array is a broken body.
  if (!isJsonObject(parsed))
    return refused(
      invalidRequest('The webhook body must be a JSON object: every KitchenHub notification is one.'),
      null,
    );
  const kind = classify(parsed);
  delivery.eventType = kind.eventType;
  if (kind.kind === 'ignored') {
    const deliveryId = await storage.recordDelivery({ ...delivery, outcome: 'ignored', error: null });
    return { deliveryId, outcome: 'ignored', eventType: kind.eventType, hubOrderId: null, orderId: null, error: null };
  }
  const order = hubOrderObject.safeParse(kind.order);
  if (!order.success) return refused(invalidFrom(order.error, 'order'), kind.eventType);
  const o = order.data;
  delivery.hubOrderId = o.order.id;
  delivery.hubStatus = o.order.status;
  const raw = kind.order as Record<string, unknown>; // kept as received: unknown fields too, ids exact
  const policy = await hubConfig().then((c) => ({ autoAcceptMinutes: c.autoAccept ? c.autoAcceptPrepMinutes : null }));
  const result = await storage.ingestHubOrder(delivery, (current) =>
    // Polling finds what webhooks already brought: only an order we lack, or one that moved on, is news.
    source === 'reconciliation' && current.hub && HUB_RANK[o.order.status] <= HUB_RANK[current.hub.hubStatus]
      ? { outcome: 'stale', actor: 'kitchenhub' }
      : decideDelivery(current, o, raw, now, policy),
  );
  for (const c of result.changed) orderFeed.publish(c);
  if (result.outcome === 'applied' && policy.autoAcceptMinutes !== null) kickOutbox(); // an auto-accept's call
  return {
    deliveryId: result.deliveryId,
    outcome: result.outcome,
    eventType: kind.eventType,
    hubOrderId: o.order.id,
    orderId: result.orderId,
    error: null,
  };
}

const firstName = (name: string | null | undefined) => name?.trim().split(/\s+/)[0] ?? null;

/** The fields of hub_orders that a delivery's Order object sets. */
export function hubFields(
  o: HubOrderObject,
  raw: Record<string, unknown>,
  now: number,
): Omit<
  HubOrder,
  'state' | 'orderId' | 'prepTimeMinutes' | 'fireAt' | 'decidedBy' | 'decidedAt' | 'rejectReason' | 'createdAt'
> {
  const t = o.timestamps ?? {};
  return {
    hubOrderId: o.order.id,
    hubStatus: o.order.status,
    providerId: o.provider.id,
    providerName: o.provider.name,
    number: o.order.number ?? null,
    hubDailyNumber: o.order.daily_number ?? null,
    orderType: o.order.type,
    asap: o.order.asap && o.order.status !== 'scheduled',
    // An ASAP order's scheduled_for (some providers fill it anyway) is not a time to hold it for.
    customerName: o.customer?.name ?? null,
    notes: o.order.notes ?? null,
    placedAt: toMs(t.placed_at),
    pickupAt: toMs(t.pickup_at),
    scheduledFor: o.order.asap && o.order.status !== 'scheduled' ? null : toMs(t.scheduled_for),
    data: raw,
    updatedAt: now,
  };
}

/** The kitchen ticket a hub order becomes: its items as received, the customer's first name only. */
export function ticketFor(
  h: Pick<HubOrder, 'providerName' | 'customerName' | 'orderType' | 'notes' | 'data'>,
  now: number,
): NewOrderInput {
  const items = Array.isArray(h.data.items) ? (h.data.items as unknown[]) : [];
  return {
    id: newOrderId(),
    source: 'kitchenhub',
    clientId: null,
    provider: h.providerName,
    customerId: null,
    customerName: firstName(h.customerName),
    orderType: h.orderType,
    businessDate: businessDate(now),
    status: INITIAL_STATUS,
    bread: null,
    peanutButter: null,
    jelly: null,
    toast: null,
    cut: null,
    extras: [],
    items,
    notes: h.notes,
    canceledBy: null,
    createdAt: now,
  };
}

const MINUTE = 60_000;

/**
 * A manager's (or auto-accept's) accept with a prep time: a ticket now, or for a scheduled order held
 * until scheduled_for − prep time; and the accept call to KitchenHub.
 */
export function acceptPlan(
  hub: Pick<HubOrder, 'hubOrderId' | 'scheduledFor' | 'providerName' | 'customerName' | 'orderType' | 'notes' | 'data'>,
  prepTimeMinutes: number,
  actor: string,
  now: number,
): HubPlan & { hub: NonNullable<HubPlan['hub']> } {
  const fireAt = hub.scheduledFor !== null ? hub.scheduledFor - prepTimeMinutes * MINUTE : now;
  const decision = { hubOrderId: hub.hubOrderId, prepTimeMinutes, decidedBy: actor, decidedAt: now };
  const calls = [{ action: 'accept' as const, payload: { status: 'accept' as const, prep_time: prepTimeMinutes } }];
  if (fireAt > now) return { outcome: 'applied', actor, hub: { ...decision, state: 'scheduled', fireAt }, calls };
  return {
    outcome: 'applied',
    actor,
    hub: { ...decision, state: 'accepted', fireAt: now },
    createTicket: ticketFor(hub, now),
    calls,
  };
}

/**
 * Forward-only status mapping (design.md "KitchenHub"): new/scheduled → pending for the manager;
 * accepted → a ticket; completed → the ticket closes; canceled → the ticket is canceled, loudly.
 * An older status than the one we hold changes nothing.
 */
export function decideDelivery(
  current: { hub?: HubOrder; order?: Order },
  o: HubOrderObject,
  raw: Record<string, unknown>,
  now: number,
  policy: { autoAcceptMinutes: number | null } = { autoAcceptMinutes: null },
): HubPlan {
  const incoming = o.order.status;
  const fields = hubFields(o, raw, now);
  const actor = 'kitchenhub';
  const hub = current.hub;
  if (hub && HUB_RANK[incoming] < HUB_RANK[hub.hubStatus]) return { outcome: 'stale', actor };
  if (hub && HUB_RANK[incoming] === HUB_RANK[hub.hubStatus] && incoming !== 'new' && incoming !== 'scheduled')
    return { outcome: 'stale', actor };

  switch (incoming) {
    case 'new':
    case 'scheduled':
      if (!hub) {
        const pending = { ...fields, state: 'pending' as const, createdAt: now };
        if (policy.autoAcceptMinutes === null) return { outcome: 'applied', actor, hub: pending };
        // Auto-accept: decided as a manager would, in the same transaction as the order's arrival.
        const plan = acceptPlan(pending, policy.autoAcceptMinutes, 'auto-accept', now);
        return { ...plan, hub: { ...pending, ...plan.hub } };
      }
      // An update while still undecided refreshes what the manager sees; after a decision it is history.
      return hub.state === 'pending' ? { outcome: 'applied', actor, hub: fields } : { outcome: 'stale', actor };
    case 'accepted': {
      // Accepted elsewhere (the provider's own app): the kitchen starts now. A scheduled order is one
      // we accepted and hold until its time: KitchenHub's "accepted" is the echo of our own accept, and
      // must not fire it early.
      if (!hub || hub.state === 'pending') {
        const base = { ...hub, ...fields };
        return {
          outcome: 'applied',
          actor,
          hub: {
            ...fields,
            state: 'accepted',
            prepTimeMinutes: o.order.prep_time_minutes ?? null,
            decidedBy: 'provider',
            decidedAt: now,
            ...(hub ? {} : { createdAt: now }),
          },
          createTicket: ticketFor(base, now),
        };
      }
      return {
        outcome: 'applied',
        actor,
        hub: { hubOrderId: fields.hubOrderId, hubStatus: 'accepted', data: fields.data, updatedAt: now },
      };
    }
    case 'completed': {
      const plan: HubPlan = {
        outcome: 'applied',
        actor,
        hub: {
          ...fields,
          state: hub?.state === 'rejected' ? 'rejected' : 'completed',
          ...(hub ? {} : { createdAt: now }),
        },
      };
      const to = current.order && transition(current.order, 'hub_complete');
      if (to) plan.moveTicket = { to, action: 'hub_complete' };
      return plan;
    }
    case 'canceled': {
      const plan: HubPlan = {
        outcome: 'applied',
        actor,
        hub: {
          ...fields,
          state: hub?.state === 'rejected' ? 'rejected' : 'canceled',
          ...(hub ? {} : { createdAt: now }),
        },
      };
      const to = current.order && transition(current.order, 'hub_cancel'); // not ours to refuse, in any open status
      if (to) plan.moveTicket = { to, action: 'hub_cancel' };
      return plan;
    }
  }
}
