// The order rules, as plain functions of a command and `now`: the API, the kitchen buttons and the
// tracker all come through here. Storage is db/'s units of work; every change is published after commit.
import * as storage from '@/db/storage/orders';
import { randomBase32, sha256 } from '../auth/crypto';
import { env } from '../env';
import { ApiError, invalidRequest, notFound } from '../errors';
import { orderFeed } from '../live/feed';
import { kickOutbox } from '../kitchenhub/kick';
import type { HubCall } from '../kitchenhub/types';
import { getSettings, kitchenSettings } from '../settings';
import { estimateReadyMinutes } from './eta';
import { checkChoices } from './menu';
import type { CreateOrderBody, UpdateOrderBody } from './schemas';
import {
  canEdit,
  canMarkItems,
  canRush,
  type ClosedStatus,
  INITIAL_STATUS,
  isOpen,
  STATUS,
  transition,
  type OrderAction,
  type OrderStatus,
} from './status';
import type { CanceledBy, Changed, FieldChanges, Order } from './types';
import { toOrderView, toTicketView, type OrderView } from './views';

export const DEFAULT_TOAST = 'none';
export const DEFAULT_CUT = 'halves';

export const newOrderId = () => `ord_${randomBase32(20)}`;

// Building an Intl.DateTimeFormat costs ~200 µs, using one ~2 µs: one per time zone, kept (a pure
// formatter, nothing another instance could change).
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The restaurant's calendar day for `now` (daily ticket numbers restart on it). */
export function businessDate(now: number, timeZone = env().STORE_TIMEZONE): string {
  let format = dayFormats.get(timeZone);
  if (!format)
    dayFormats.set(
      timeZone,
      (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })),
    );
  return format.format(now);
}

const publish = (c: Changed) => {
  orderFeed.publish(c);
  if (c.order.source === 'kitchenhub') kickOutbox(); // a call to KitchenHub may have been queued with the change
};

/** Minutes until ready for each given order, from the whole open queue (null once closed). */
export async function etaFor(orders: readonly Order[], now = Date.now()): Promise<Map<string, number | null>> {
  const result = new Map<string, number | null>();
  const open = orders.filter((o) => isOpen(o.status));
  orders.forEach((o) => result.set(o.id, o.status === STATUS.delivered ? 0 : null));
  if (open.length === 0) return result;
  const minutes = estimateReadyMinutes(await storage.listQueue(), await kitchenSettings(), now);
  for (const o of open) result.set(o.id, minutes.get(o.id) ?? 0);
  return result;
}

export async function viewOf(order: Order, origin: string, now = Date.now()): Promise<OrderView> {
  const eta = await etaFor([order], now);
  return toOrderView(order, eta.get(order.id) ?? null, origin);
}

export type PlaceOrder = {
  clientId: string;
  body: CreateOrderBody;
  idempotencyKey?: string;
  origin: string;
};
export type Placed = { status: number; body: string; replayed: boolean; order?: Order };

function answerSeen(seen: Exclude<storage.CreateResult, { kind: 'created' }>): Placed {
  if (seen.kind === 'mismatch') {
    throw new ApiError(
      'idempotency_conflict',
      'This Idempotency-Key was already used with a different request body. Use a new key for a new order.',
    );
  }
  return { status: seen.response.status, body: seen.response.body, replayed: true };
}

/** Creates an API order (503 while paused, 400/409 for the menu), replaying an idempotent retry. */
export async function placeOrder(cmd: PlaceOrder, now = Date.now()): Promise<Placed> {
  const b = cmd.body;
  const choices = {
    bread: b.bread,
    peanut_butter: b.peanut_butter,
    jelly: b.jelly,
    toast: b.toast ?? DEFAULT_TOAST,
    cut: b.cut ?? DEFAULT_CUT,
    extras: b.extras ?? [],
  };
  const idem = cmd.idempotencyKey
    ? { clientId: cmd.clientId, key: cmd.idempotencyKey, requestHash: sha256(`POST /v1/orders\n${JSON.stringify(b)}`) }
    : undefined;
  const input: storage.NewOrder = {
    id: newOrderId(),
    source: 'api',
    clientId: cmd.clientId,
    provider: null,
    customerId: b.customer_id,
    customerName: b.customer_name ?? null,
    orderType: 'pickup',
    businessDate: businessDate(now),
    status: INITIAL_STATUS,
    bread: choices.bread,
    peanutButter: choices.peanut_butter,
    jelly: choices.jelly,
    toast: choices.toast,
    cut: choices.cut,
    extras: choices.extras,
    items: null,
    notes: b.notes ?? null,
    canceledBy: null,
    createdAt: now,
  };
  // A retry of a request we already answered replays that answer even if the menu changed since.
  if (idem) {
    const seen = await storage.findIdempotentResponse(idem);
    if (seen) return answerSeen(seen);
  }
  const settings = await getSettings('store_paused', 'kitchen');
  if (settings.store_paused) {
    throw new ApiError(
      'store_paused',
      'The kitchen is not taking new orders right now. Please try again shortly.',
      {},
      { 'Retry-After': '120' },
    );
  }
  await checkChoices(choices);
  const queue = await storage.listQueue();
  const render = (order: Order) => {
    const eta = estimateReadyMinutes([...queue, order], settings.kitchen, now).get(order.id) ?? null;
    return { status: 201, body: JSON.stringify(toOrderView(order, eta, cmd.origin)) };
  };
  const result = await storage.createOrder(input, `api:${cmd.clientId}`, idem ? { claim: idem, render } : undefined);
  switch (result.kind) {
    case 'replay':
    case 'mismatch':
      return answerSeen(result);
    case 'created':
      publish({ order: result.order, event: result.event });
      return {
        status: 201,
        body: result.response?.body ?? render(result.order).body,
        replayed: false,
        order: result.order,
      };
  }
}

/** A client's order; another client's id is as unknown as a made-up one (404). */
export async function requireClientOrder(clientId: string, orderId: string): Promise<Order> {
  const order = await storage.getOrder(orderId);
  if (!order || order.clientId !== clientId) throw notFound('order', orderId);
  return order;
}

/** Any order by id, for staff screens and the public tracker (the id is the capability). */
export async function requireOrder(orderId: string): Promise<Order> {
  const order = await storage.getOrder(orderId);
  if (!order) throw notFound('order', orderId);
  return order;
}

export async function listOrders(q: storage.ListQuery): Promise<{ orders: Order[]; hasMore: boolean }> {
  const rows = await storage.listClientOrders(q);
  if (!rows) throw invalidRequest(`starting_after ${q.startingAfter} is not one of your orders.`, 'starting_after');
  return { orders: rows.slice(0, q.limit), hasMore: rows.length > q.limit };
}

const FIELD_OF = {
  bread: 'bread',
  peanut_butter: 'peanutButter',
  jelly: 'jelly',
  toast: 'toast',
  cut: 'cut',
  extras: 'extras',
  notes: 'notes',
} as const;

/** Who acts, and what they saw: a client owns its orders (others' are 404); staff send the version they saw (stale: 409 with the current ticket). */
export type Actor = { actor: string; clientId?: string; seenVersion?: number };

function guard(current: Order, who: Actor) {
  if (who.clientId !== undefined && current.clientId !== who.clientId) throw notFound('order', current.id);
  if (who.seenVersion !== undefined && who.seenVersion !== current.version) {
    throw new ApiError(
      'conflict',
      `Order ${current.id} changed since you saw it (now version ${current.version}, ${current.status}).`,
      { order: toTicketView(current) },
    );
  }
}

/** Changes the choices of a queued or prepping order (409 order_not_editable otherwise). */
export async function editOrder(
  cmd: Actor & { orderId: string; changes: UpdateOrderBody },
  now = Date.now(),
): Promise<Order> {
  const c = cmd.changes;
  // Whose order it is and whether it can still change come before the menu: an unknown or another
  // client's id is 404 and a toasting order is not editable, whatever options the body asks for.
  // The transaction below checks both again against the row it writes.
  const seen = await storage.getOrder(cmd.orderId);
  if (!seen || (cmd.clientId !== undefined && seen.clientId !== cmd.clientId)) throw notFound('order', cmd.orderId);
  if (!canEdit(seen.status)) throw notEditable(seen.status);
  await checkChoices({
    bread: c.bread,
    peanut_butter: c.peanut_butter,
    jelly: c.jelly,
    toast: c.toast,
    cut: c.cut,
    extras: c.extras,
  });
  const result = await storage.changeOrder(cmd.orderId, (current) => {
    guard(current, cmd);
    if (!canEdit(current.status)) throw notEditable(current.status);
    if (current.source !== 'api')
      throw new ApiError('order_not_editable', 'Orders from delivery providers are changed through the provider.');
    const fields: storage.OrderChange['fields'] = {};
    const changes: FieldChanges = {};
    for (const [key, field] of Object.entries(FIELD_OF) as Array<
      [keyof typeof FIELD_OF, (typeof FIELD_OF)[keyof typeof FIELD_OF]]
    >) {
      const next = c[key];
      if (next === undefined) continue;
      const before = current[field];
      if (JSON.stringify(before) === JSON.stringify(next)) continue;
      Object.assign(fields, { [field]: next });
      changes[key] = { from: before, to: next };
    }
    if (Object.keys(changes).length === 0) return null; // nothing differs: no new version, no event
    return {
      type: 'edited',
      action: 'edit',
      actor: cmd.actor,
      at: now,
      fields,
      changes,
      attention: { kind: 'edited', changes: mergeChanges(current.attention, changes) },
    };
  });
  if (!result) throw notFound('order', cmd.orderId);
  if (result.event) publish({ order: result.order, event: result.event });
  return result.order;
}

export const notEditable = (s: OrderStatus) =>
  new ApiError(
    'order_not_editable',
    `This order is ${s} and can no longer be changed. Orders can be changed only while queued or prepping.`,
    { status: s },
  );
export const notCancelable = (s: OrderStatus) =>
  new ApiError(
    'order_not_cancelable',
    s === STATUS.canceled
      ? 'This order is already canceled.'
      : `This order is ${s} and can no longer be canceled. Orders can be canceled only while queued or prepping.`,
    { status: s },
  );

/**
 * What KitchenHub must hear when one of its tickets moves here: `complete` on reaching ready, a
 * cancel on being canceled (KitchenHub's status call takes no reason). Its own cancel and complete
 * never come through here.
 */
const HUB_CALL_ON: Record<OrderStatus, HubCall | undefined> = {
  queued: undefined,
  prepping: undefined,
  toasting: undefined,
  ready: { action: 'complete', payload: { status: 'complete' } },
  delivered: undefined, // handing off is ours alone: KitchenHub heard "complete" at ready
  canceled: { action: 'cancel', payload: { status: 'cancel' } },
};
function hubCallFor(current: Order, to: OrderStatus): HubCall | undefined {
  if (current.source !== 'kitchenhub' || to === current.status) return undefined;
  return HUB_CALL_ON[to];
}

/** Cancels a queued or prepping order (409 order_not_cancelable otherwise). */
export async function cancelOrder(
  cmd: Actor & { orderId: string; canceledBy: CanceledBy },
  now = Date.now(),
): Promise<Order> {
  const result = await storage.changeOrder(cmd.orderId, (current) => {
    guard(current, cmd);
    const to = transition(current, 'cancel');
    if (!to) throw notCancelable(current.status);
    // A cancel from outside the kitchen stays on the screen, loudly, until a cook acknowledges it.
    const attention = cmd.canceledBy === 'kitchen' ? null : { kind: 'canceled' as const, by: cmd.canceledBy };
    const hubCall = hubCallFor(current, to);
    return {
      type: 'status',
      action: 'cancel',
      actor: cmd.actor,
      at: now,
      status: to,
      canceledBy: cmd.canceledBy,
      attention,
      hubCall,
    };
  });
  if (!result) throw notFound('order', cmd.orderId);
  if (result.event) publish({ order: result.order, event: result.event });
  return result.order;
}

/** One step forward (Start, Toast, Ready, Handed off) or back (undo/recall), as a cook taps. */
export async function moveOrder(
  cmd: Actor & { orderId: string; action: 'advance' | 'undo' },
  now = Date.now(),
): Promise<Order> {
  const result = await storage.changeOrder(cmd.orderId, (current) => {
    guard(current, cmd);
    const to = transition(current, cmd.action);
    if (!to) {
      throw new ApiError(
        'conflict',
        cmd.action === 'advance'
          ? `Order ${current.id} is ${current.status} and cannot move forward.`
          : `Order ${current.id} is ${current.status} and cannot be moved back.`,
        { order: toTicketView(current) },
      );
    }
    // A delivery-app order that is ready is "completed" for KitchenHub (the courier can come); once.
    const hubCall = hubCallFor(current, to);
    return { type: 'status', action: cmd.action, actor: cmd.actor, at: now, status: to, hubCall };
  });
  if (!result) throw notFound('order', cmd.orderId);
  if (result.event) publish({ order: result.order, event: result.event });
  return result.order;
}

/**
 * Edits not yet acknowledged add up: a field changed twice shows its first "from" and latest "to";
 * a field changed back to what the kitchen saw is no change at all.
 */
export function mergeChanges(previous: Order['attention'], changes: FieldChanges): FieldChanges {
  const merged: FieldChanges = previous?.kind === 'edited' ? { ...previous.changes } : {};
  for (const [field, change] of Object.entries(changes)) {
    const from = merged[field]?.from ?? change.from;
    if (JSON.stringify(from) === JSON.stringify(change.to)) delete merged[field];
    else merged[field] = { from, to: change.to };
  }
  return merged;
}

/** A cook saw the change or the cancel: the flag clears on every screen, and a canceled ticket leaves. */
export async function acknowledgeOrder(cmd: Actor & { orderId: string }, now = Date.now()): Promise<Order> {
  const result = await storage.changeOrder(cmd.orderId, (current) => {
    if (!current.attention) return null; // already acknowledged, perhaps on another screen
    guard(current, cmd); // a newer edit than the cook saw is not acknowledged unseen
    return { type: 'acknowledged', action: 'acknowledge', actor: cmd.actor, at: now, attention: null };
  });
  if (!result) throw notFound('order', cmd.orderId);
  if (result.event) publish({ order: result.order, event: result.event });
  return result.order;
}

/**
 * A manager resolves an order left open past an earlier day's close: handed off (closed) or voided.
 * Only for such orders (409 otherwise); a voided KitchenHub order tells KitchenHub, like a cancel.
 */
export async function resolveStaleOrder(
  cmd: Actor & { orderId: string; outcome: ClosedStatus },
  now = Date.now(),
): Promise<Order> {
  const today = businessDate(now);
  const result = await storage.changeOrder(cmd.orderId, (current) => {
    guard(current, cmd);
    if (current.businessDate >= today)
      throw new ApiError('conflict', `Order ${current.id} is from today: the kitchen moves it as usual.`, {
        order: toTicketView(current),
      });
    const action = cmd.outcome === STATUS.delivered ? 'close' : 'void';
    const to = transition(current, action);
    if (!to)
      throw new ApiError('conflict', `Order ${current.id} is already ${current.status}.`, {
        order: toTicketView(current),
      });
    const hubCall = hubCallFor(current, to);
    return {
      type: 'status',
      action,
      actor: cmd.actor,
      at: now,
      status: to,
      ...(to === STATUS.canceled ? { canceledBy: 'kitchen' as const, attention: null } : {}),
      hubCall,
    };
  });
  if (!result) throw notFound('order', cmd.orderId);
  if (result.event) publish({ order: result.order, event: result.event });
  return result.order;
}

/** A manager or expo marks a ticket rush (first on the line and in the ETA), or takes the mark off. */
export async function setRush(cmd: Actor & { orderId: string; rush: boolean }, now = Date.now()): Promise<Order> {
  const result = await storage.changeOrder(cmd.orderId, (current) => {
    guard(current, cmd);
    if (current.rush === cmd.rush) return null; // already so, perhaps from another screen
    if (cmd.rush && !canRush(current.status)) {
      throw new ApiError(
        'conflict',
        `Order ${current.id} is ${current.status}: only an order still being made can be rushed.`,
        { order: toTicketView(current) },
      );
    }
    return {
      type: 'rushed',
      action: cmd.rush ? 'rush' : 'unrush',
      actor: cmd.actor,
      at: now,
      fields: { rush: cmd.rush },
    };
  });
  if (!result) throw notFound('order', cmd.orderId);
  if (result.event) publish({ order: result.order, event: result.event });
  return result.order;
}

/**
 * Item-level bumping for a multi-item (delivery-app) order: a cook marks one item done (or not).
 * The first item done starts the order (prepping); the last one makes it ready, and a KitchenHub
 * order then tells KitchenHub it is complete, as the Ready button would.
 */
export async function markItem(
  cmd: Actor & { orderId: string; index: number; done: boolean },
  now = Date.now(),
): Promise<Order> {
  const result = await storage.changeOrder(cmd.orderId, (current) => {
    guard(current, cmd);
    const items = current.items ?? [];
    if (items.length === 0)
      throw new ApiError('conflict', `Order ${current.id} has no separate items to mark.`, {
        order: toTicketView(current),
      });
    if (cmd.index >= items.length)
      throw invalidRequest(`Order ${current.id} has ${items.length} items: there is no item ${cmd.index}.`, 'index');
    const refused = () =>
      new ApiError('conflict', `Order ${current.id} is ${current.status}: items are marked while it is being made.`, {
        order: toTicketView(current),
      });
    if (!canMarkItems(current.status)) throw refused();
    const done = new Set(current.itemsDone);
    if (done.has(cmd.index) === cmd.done) return null; // already so (another screen was first)
    if (cmd.done) done.add(cmd.index);
    else done.delete(cmd.index);
    const itemsDone = [...done].sort((a, b) => a - b);
    // The machine says where the mark takes the order: the last item done makes it ready, even from queued.
    const mark: OrderAction = itemsDone.length === items.length ? 'items_done' : cmd.done ? 'item_done' : 'item_undone';
    const status = transition(current, mark);
    if (!status) throw refused();
    const moved = status !== current.status;
    const hubCall = hubCallFor(current, status);
    return {
      type: moved ? 'status' : 'item',
      action: cmd.done ? 'item_done' : 'item_undone',
      actor: cmd.actor,
      at: now,
      fields: { itemsDone },
      ...(moved ? { status } : {}),
      hubCall,
    };
  });
  if (!result) throw notFound('order', cmd.orderId);
  if (result.event) publish({ order: result.order, event: result.event });
  return result.order;
}
