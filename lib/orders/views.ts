// The shapes orders take on the wire. The API view keeps the seed's fields and names; more may be
// added, none removed or renamed.
import type { OrderView } from './response-schemas';
import type { Order, OrderEvent } from './types';

export type { OrderView };

const iso = (ms: number) => new Date(ms).toISOString();

export const trackingPath = (orderId: string) => `/track/${orderId}`;

/** The public API's order: the seed's response plus toast, cut and bookkeeping. */
export function toOrderView(order: Order, etaMinutes: number | null, origin: string): OrderView {
  return {
    object: 'order',
    order_id: order.id,
    customer_id: order.customerId,
    status: order.status,
    eta_minutes: etaMinutes,
    choices: {
      bread: order.bread,
      peanut_butter: order.peanutButter,
      jelly: order.jelly,
      toast: order.toast,
      cut: order.cut,
      extras: order.extras,
    },
    customer_name: order.customerName,
    notes: order.notes,
    daily_number: order.dailyNumber,
    canceled_by: order.canceledBy,
    version: order.version,
    created_at: iso(order.createdAt),
    updated_at: iso(order.updatedAt),
    tracking_url: `${origin}${trackingPath(order.id)}`,
  };
}

/** Only a first name (or nothing) ever leaves for screens and public pages. */
export function firstName(name: string | null): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : null;
}

export type TicketView = {
  order_id: string;
  daily_number: number;
  status: Order['status'];
  version: number;
  source: Order['source'];
  provider: string | null;
  order_type: Order['orderType'];
  customer_first_name: string | null;
  bread: string | null;
  peanut_butter: string | null;
  jelly: string | null;
  toast: string | null;
  cut: string | null;
  extras: string[];
  items: unknown[] | null;
  notes: string | null;
  canceled_by: Order['canceledBy'];
  attention: Order['attention'];
  created_at: number;
  status_at: number;
  updated_at: number;
  /** The business day the order belongs to: one from before today was left open past the close. */
  business_date: string;
  rush: boolean;
  /** Delivery-app items (by index) the kitchen has marked done. */
  items_done: number[];
};

/** A kitchen ticket: everything a cook needs, nothing personal beyond a first name. */
export function toTicketView(order: Order): TicketView {
  return {
    order_id: order.id,
    daily_number: order.dailyNumber,
    status: order.status,
    version: order.version,
    source: order.source,
    provider: order.provider,
    order_type: order.orderType,
    customer_first_name: firstName(order.customerName),
    bread: order.bread,
    peanut_butter: order.peanutButter,
    jelly: order.jelly,
    toast: order.toast,
    cut: order.cut,
    extras: order.extras,
    items: order.items,
    notes: order.notes,
    canceled_by: order.canceledBy,
    attention: order.attention,
    created_at: order.createdAt,
    status_at: order.statusAt,
    updated_at: order.updatedAt,
    business_date: order.businessDate,
    rush: order.rush,
    items_done: order.itemsDone,
  };
}

export type EventView = {
  seq: number;
  type: OrderEvent['type'];
  action: string | null;
  from: OrderEvent['fromStatus'];
  to: OrderEvent['toStatus'];
  actor: string;
  changes: OrderEvent['changes'];
  at: number;
};

export const toEventView = (e: OrderEvent): EventView => ({
  seq: e.seq,
  type: e.type,
  action: e.action,
  from: e.fromStatus,
  to: e.toStatus,
  actor: e.actor,
  changes: e.changes,
  at: e.at,
});
