// The shapes orders take on the wire, each written once. The public API's order is documented in
// OpenAPI and lives with its schema in ./response-schemas.ts (classic zod, server only). The shapes
// our own pages read (tickets, the live stream's messages, the tracker, the pickup board, the menu)
// are zod/mini schemas here: the handlers' types are inferred from them and the pages parse with the
// very same objects (lib/client/schemas.ts re-exports them), so a field removed here is gone from the
// server's type and from the page's parse at once. zod/mini because this module ships to the browser:
// classic zod's chained methods added 14–15 KB gzip to every page (docs/benchmarks.md, page weight).
import * as z from 'zod/mini';
import { agingSettingsSchema, alertSettingsSchema } from '../manager/views';
import type { OrderView } from './response-schemas';
import { ORDER_STATUSES } from './status';
import type { MenuType, Order, OrderEvent } from './types';

export type { OrderView };

const status = z.enum(ORDER_STATUSES);
const fieldChanges = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));
const canceledBy = z.nullable(z.enum(['customer', 'kitchen', 'provider']));

/** What a cook must acknowledge on a ticket: what an edit changed, or a cancel from outside the kitchen. */
export const attentionSchema = z.nullable(
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('edited'), changes: fieldChanges }),
    z.object({ kind: z.literal('canceled'), by: canceledBy }),
  ]),
);
export type Attention = z.infer<typeof attentionSchema>;

/** A delivery-app item as KitchenHub sent it (kept exactly as received: unknown fields pass). */
export const hubItemSchema = z.looseObject({
  name: z.string(),
  quantity: z.number(),
  instructions: z.optional(z.nullable(z.string())),
  options: z.optional(z.array(z.looseObject({ name: z.string(), quantity: z.optional(z.number()) }))),
});

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

/** A kitchen ticket: everything a cook needs, nothing personal beyond a first name. */
export const ticketSchema = z.object({
  order_id: z.string(),
  daily_number: z.number(),
  status,
  version: z.number(),
  source: z.enum(['api', 'kitchenhub']),
  provider: z.nullable(z.string()),
  order_type: z.enum(['pickup', 'delivery', 'dinein']),
  customer_first_name: z.nullable(z.string()),
  bread: z.nullable(z.string()),
  peanut_butter: z.nullable(z.string()),
  jelly: z.nullable(z.string()),
  toast: z.nullable(z.string()),
  cut: z.nullable(z.string()),
  extras: z.array(z.string()),
  items: z.nullable(z.array(hubItemSchema)),
  notes: z.nullable(z.string()),
  canceled_by: canceledBy,
  attention: attentionSchema,
  created_at: z.number(),
  status_at: z.number(),
  updated_at: z.number(),
  /** The business day the order belongs to: one from before today was left open past the close. */
  business_date: z.string(),
  rush: z.boolean(),
  /** Delivery-app items (by index) the kitchen has marked done. */
  items_done: z.array(z.number()),
});
export type Ticket = z.infer<typeof ticketSchema>;
/**
 * What toTicketView() sends: a Ticket whose KitchenHub items go out as stored (unknown[] to the server:
 * lib/kitchenhub checked them on the way in); the page parses them with hubItemSchema.
 */
export type TicketView = Omit<Ticket, 'items'> & { items: Order['items'] };

/** The ticket of an order. */
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

/** One order_events row as the live stream sends it (the SSE id is its seq). */
export const eventViewSchema = z.object({
  seq: z.number(),
  type: z.string(), // an EventType; the pages only order events by seq, so the list stays off their bundle
  action: z.nullable(z.string()),
  from: z.nullable(status),
  to: status,
  actor: z.string(),
  changes: z.nullable(fieldChanges),
  at: z.number(),
});
export type EventView = z.infer<typeof eventViewSchema>;

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

/** The kitchen stream's `order` message: the event and the ticket after it. */
export const orderMessageSchema = z.object({ event: eventViewSchema, ticket: ticketSchema });
export type OrderMessage = z.infer<typeof orderMessageSchema>;

export const ticketResponseSchema = z.object({ ticket: ticketSchema });

/** A staff action based on an outdated version (409): the ticket as it is now comes along. */
export const conflictSchema = z.object({ error: z.literal('conflict'), message: z.string(), order: ticketSchema });

/** A ticket's history in words (lib/orders/history.ts). */
export const historyEntrySchema = z.object({
  seq: z.number(),
  at: z.number(),
  what: z.string(),
  by: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export const ticketHistorySchema = z.object({ order_id: z.string(), events: z.array(historyEntrySchema) });
export type TicketHistory = z.infer<typeof ticketHistorySchema>;

// ——— The menu (lib/orders/stock.ts) ———

export const menuOptionSchema = z.object({
  type: z.string(), // the page takes any type; the list stays off its bundle
  option: z.string(),
  label: z.string(),
  in_stock: z.boolean(),
});
/** A menu option as the page reads it. */
export type MenuOptionEntry = z.infer<typeof menuOptionSchema>;
/** What the server sends: a menu option whose type is a MenuType. */
export type MenuOptionView = Omit<MenuOptionEntry, 'type'> & { type: MenuType };
export const stockSchema = z.object({ options: z.array(menuOptionSchema) });
export type Stock = z.infer<typeof stockSchema>;
export type StockView = { options: MenuOptionView[] };

// ——— The kitchen screen's board (lib/orders/tickets.ts) ———

export const boardSchema = z.object({
  tickets: z.array(ticketSchema),
  recent: z.array(ticketSchema),
  seq: z.number(),
  server_time: z.number(),
  aging: agingSettingsSchema,
  menu: z.array(menuOptionSchema),
  /** Today's business day: a ticket from before it was left open past the close. */
  business_date: z.string(),
  /** How the screen's alerts repeat and escalate (a manager's setting). */
  alerts: alertSettingsSchema,
});
export type Board = z.infer<typeof boardSchema>;
/** What kitchenBoard() sends: a Board of TicketViews (see TicketView). */
export type KitchenBoard = Omit<Board, 'tickets' | 'recent'> & { tickets: TicketView[]; recent: TicketView[] };

// ——— Public pages: the customer's tracker and the pickup board (lib/orders/tracking.ts) ———

/** A menu choice with the words the menu uses for it ("banana_slices" → "Banana slices"). */
export const choiceSchema = z.object({ option: z.string(), label: z.string() });
export type Choice = z.infer<typeof choiceSchema>;
export const trackedChoicesSchema = z.object({
  bread: z.nullable(choiceSchema),
  peanut_butter: z.nullable(choiceSchema),
  jelly: z.nullable(choiceSchema),
  toast: z.nullable(choiceSchema),
  cut: z.nullable(choiceSchema),
  extras: z.array(choiceSchema),
});
export type TrackedChoices = z.infer<typeof trackedChoicesSchema>;
export const trackedItemSchema = z.object({ name: z.string(), quantity: z.number(), options: z.array(z.string()) });
export type TrackedItem = z.infer<typeof trackedItemSchema>;

/** The tracker's order: steps, ETA and what was ordered, with a first name at most. */
export const trackingViewSchema = z.object({
  order_id: z.string(),
  daily_number: z.number(),
  status,
  steps: z.array(status),
  eta_minutes: z.nullable(z.number()),
  customer_first_name: z.nullable(z.string()),
  choices: z.nullable(trackedChoicesSchema),
  items: z.nullable(z.array(trackedItemSchema)),
  provider: z.nullable(z.string()),
  canceled_by: canceledBy,
  version: z.number(),
  server_time: z.number(),
});
export type TrackingView = z.infer<typeof trackingViewSchema>;

/** The tracker's cancel refused (the kitchen got there first): the order as it is now comes along. */
export const cancelRefusalSchema = z.object({
  error: z.literal('order_not_cancelable'),
  message: z.string(),
  order: trackingViewSchema,
});

/** One order on the lobby screen: its short number and a first name, never its id. */
export const boardEntrySchema = z.object({
  /** Stable and public: the business day and the daily number (unique together). */
  key: z.string(),
  daily_number: z.number(),
  name: z.nullable(z.string()),
  /** null: the order leaves the board (handed off or canceled). */
  column: z.nullable(z.enum(['preparing', 'ready'])),
  version: z.number(),
  /** When the order entered its current status (server clock, ms): "just ready" highlights. */
  since: z.number(),
});
export type BoardEntry = z.infer<typeof boardEntrySchema>;
export type BoardColumn = NonNullable<BoardEntry['column']>;

export const pickupBoardSchema = z.object({
  entries: z.array(boardEntrySchema),
  seq: z.number(),
  server_time: z.number(),
});
export type PickupBoard = z.infer<typeof pickupBoardSchema>;
