// The manager's side of KitchenHub orders: accept with a prep time (a ticket now, or at
// scheduled_for − prep time for a scheduled order), or reject with a reason; and the job that fires
// scheduled orders when their time comes.
import { z } from 'zod';
import * as storage from '@/db/storage/kitchenhub';
import { listOpenOrders } from '@/db/storage/orders';
import { countStuckCalls } from '@/db/storage/outbox';
import { estimateReadyMinutes } from '../orders/eta';
import { INITIAL_STATUS } from '../orders/status';
import { kitchenSettings } from '../settings';
import { ApiError, notFound } from '../errors';
import { orderFeed } from '../live/feed';
import { env } from '../env';
import { getSetting } from '../settings';
import { sandboxOn } from '../demo';
import { acceptPlan, ticketFor } from './ingest';
import { kickOutbox } from './kick';
import type { HubOrder, HubPlan } from './types';
import type { SentHubOrderView, SentIncoming } from './views';

export const acceptBody = z.strictObject({ prep_time_minutes: z.number().int().min(1).max(240) });
export const rejectBody = z.strictObject({ reason: z.string().trim().min(1).max(200) });

/**
 * A prep time to suggest from the kitchen's load: when an order placed now would be ready, plus a
 * few minutes' margin for bagging and the hand-off, rounded up to 5 minutes.
 */
export async function suggestPrepMinutes(now = Date.now()): Promise<number> {
  const probe = { id: '~probe', status: INITIAL_STATUS, toast: null, statusAt: now, createdAt: now };
  const eta =
    estimateReadyMinutes([...(await listOpenOrders()), probe], await kitchenSettings(), now).get(probe.id) ?? 5;
  return Math.min(240, Math.max(5, Math.ceil((eta + 3) / 5) * 5));
}

/**
 * When KitchenHub would cancel a pending order as not accepted: a window after it was placed, or after
 * it reached us when it came more than a window late (a replay, a recovered old order, a wrong clock).
 */
function acceptBy(h: HubOrder, windowMs: number): number {
  const placed =
    h.placedAt !== null && h.placedAt <= h.createdAt && h.createdAt - h.placedAt < windowMs ? h.placedAt : h.createdAt;
  return placed + windowMs;
}

/** Pending orders to decide on and accepted-but-held scheduled ones, oldest first, with a suggested prep time. */
export async function incomingHubOrders(now = Date.now()): Promise<SentIncoming> {
  // Each list has its own limit: a hundred undecided orders must not hide a scheduled one.
  const [pendingRows, scheduledRows] = await Promise.all([
    storage.listHubOrders(['pending']),
    storage.listHubOrders(['scheduled']),
  ]);
  const windowMs = env().KITCHENHUB_ACCEPT_WINDOW_MINUTES * 60_000;
  const providers = await getSetting('kitchenhub_providers');
  return {
    pending: pendingRows.map((h) => {
      const caps = providers?.providers.find((p) => p.id === h.providerId);
      return {
        ...toHubOrderView(h),
        accept_by: acceptBy(h, windowMs),
        can_accept: caps?.accept ?? true,
        can_reject: caps?.cancel ?? true,
      };
    }),
    scheduled: scheduledRows.map(toHubOrderView),
    suggested_prep_minutes: await suggestPrepMinutes(now),
    stuck_calls: await countStuckCalls(),
    can_simulate: await sandboxOn(),
  };
}
const undecided = (h: HubOrder) => h.state === 'pending';

function alreadyDecided(h: HubOrder): ApiError {
  return new ApiError('conflict', `This order is already ${h.state}.`, { hub_order: toHubOrderView(h) });
}

export async function requireHubOrder(hubOrderId: string): Promise<HubOrder> {
  const hub = await storage.getHubOrder(hubOrderId);
  if (!hub) throw notFound('KitchenHub order', hubOrderId);
  return hub;
}

/** Accepts a pending order: a ticket at once, or held until scheduled_for − prep time. */
export async function acceptHubOrder(
  cmd: { hubOrderId: string; prepTimeMinutes: number; actor: string },
  now = Date.now(),
): Promise<HubOrder> {
  const result = await storage.decideHubOrder(
    cmd.hubOrderId,
    ({ hub }): HubPlan => {
      if (!undecided(hub)) throw alreadyDecided(hub);
      return acceptPlan(hub, cmd.prepTimeMinutes, cmd.actor, now);
    },
    now,
  );
  if (!result) throw notFound('KitchenHub order', cmd.hubOrderId);
  result.changed.forEach((c) => orderFeed.publish(c));
  kickOutbox();
  return result.hub;
}

/** Rejects a pending order with a reason the provider is told. */
export async function rejectHubOrder(
  cmd: { hubOrderId: string; reason: string; actor: string },
  now = Date.now(),
): Promise<HubOrder> {
  const result = await storage.decideHubOrder(
    cmd.hubOrderId,
    ({ hub }): HubPlan => {
      if (!undecided(hub)) throw alreadyDecided(hub);
      return {
        outcome: 'applied',
        actor: cmd.actor,
        hub: {
          hubOrderId: hub.hubOrderId,
          state: 'rejected',
          rejectReason: cmd.reason,
          decidedBy: cmd.actor,
          decidedAt: now,
        },
        calls: [{ action: 'reject', payload: { status: 'cancel' } }],
      };
    },
    now,
  );
  if (!result) throw notFound('KitchenHub order', cmd.hubOrderId);
  kickOutbox();
  return result.hub;
}

/** Fires every scheduled order whose time has come; each exactly once (the claim is its transaction). */
export async function fireDueHubOrders(now = Date.now()): Promise<number> {
  let fired = 0;
  for (const id of await storage.dueScheduledHubOrders(now)) {
    const result = await storage.decideHubOrder(
      id,
      ({ hub }): HubPlan =>
        hub.state === 'scheduled' && hub.fireAt !== null && hub.fireAt <= now
          ? {
              outcome: 'applied',
              actor: 'system',
              hub: { hubOrderId: hub.hubOrderId, state: 'accepted' },
              createTicket: ticketFor(hub, now),
            }
          : { outcome: 'stale', actor: 'system' },
      now,
    );
    if (result?.changed.length) {
      fired++;
      result.changed.forEach((c) => orderFeed.publish(c));
    }
  }
  return fired;
}

/** What the manager's Incoming list shows: no phone numbers or addresses, just what to decide on. */
export function toHubOrderView(h: HubOrder): SentHubOrderView {
  const d = h.data as {
    items?: unknown[];
    charges?: Record<string, unknown> | null;
    delivery?: { notes?: unknown } | null;
  };
  return {
    hub_order_id: h.hubOrderId,
    order_id: h.orderId,
    state: h.state,
    hub_status: h.hubStatus,
    provider: { id: h.providerId, name: h.providerName },
    number: h.number,
    hub_daily_number: h.hubDailyNumber,
    order_type: h.orderType,
    asap: h.asap,
    customer_first_name: h.customerName?.trim().split(/\s+/)[0] ?? null,
    notes: h.notes,
    items: d.items ?? [],
    charges: d.charges ?? null,
    placed_at: h.placedAt,
    pickup_at: h.pickupAt,
    scheduled_for: h.scheduledFor,
    prep_time_minutes: h.prepTimeMinutes,
    fire_at: h.fireAt,
    decided_by: h.decidedBy,
    decided_at: h.decidedAt,
    reject_reason: h.rejectReason,
    created_at: h.createdAt,
  };
}
