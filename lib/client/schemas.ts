// What the pages accept from our own server, parsed with zod at the boundary (SSE messages included).
import * as z from 'zod/mini';
import { ORDER_STATUSES } from '../orders/status';

const status = z.enum(ORDER_STATUSES);
const changes = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));

const canceledBy = z.nullable(z.enum(['customer', 'kitchen', 'provider']));

export const attentionSchema = z.nullable(
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('edited'), changes }),
    z.object({ kind: z.literal('canceled'), by: canceledBy }),
  ]),
);
export type Attention = z.infer<typeof attentionSchema>;

export const hubItemSchema = z.looseObject({
  name: z.string(),
  quantity: z.number(),
  instructions: z.optional(z.nullable(z.string())),
  options: z.optional(z.array(z.looseObject({ name: z.string(), quantity: z.optional(z.number()) }))),
});

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
  business_date: z.string(),
  rush: z.boolean(),
  items_done: z.array(z.number()),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const menuOptionSchema = z.object({
  type: z.string(),
  option: z.string(),
  label: z.string(),
  in_stock: z.boolean(),
});
export type MenuOptionView = z.infer<typeof menuOptionSchema>;

export const boardSchema = z.object({
  tickets: z.array(ticketSchema),
  recent: z.array(ticketSchema),
  seq: z.number(),
  server_time: z.number(),
  aging: z.object({ warningMinutes: z.number(), lateMinutes: z.number() }),
  menu: z.array(menuOptionSchema),
  business_date: z.string(),
  alerts: z.object({
    volume: z.number(),
    repeatSeconds: z.number(),
    escalate: z.boolean(),
    escalateAfterSeconds: z.number(),
  }),
});
export type Board = z.infer<typeof boardSchema>;

export const orderMessageSchema = z.object({
  event: z.looseObject({
    seq: z.number(),
    type: z.string(),
    action: z.nullable(z.string()),
    from: z.nullable(status),
    to: status,
    actor: z.string(),
    at: z.number(),
  }),
  ticket: ticketSchema,
});
export type OrderMessage = z.infer<typeof orderMessageSchema>;

export const ticketResponseSchema = z.object({ ticket: ticketSchema });

/** A ticket's history in words (lib/orders/history.ts). */
export const ticketHistorySchema = z.object({
  order_id: z.string(),
  events: z.array(
    z.object({
      seq: z.number(),
      at: z.number(),
      what: z.string(),
      by: z.string(),
      changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
    }),
  ),
});
export const conflictSchema = z.object({ error: z.literal('conflict'), message: z.string(), order: ticketSchema });

// ——— Public pages: the customer's tracker and the pickup board (lib/orders/tracking.ts) ———

const choiceSchema = z.object({ option: z.string(), label: z.string() });

export const trackingViewSchema = z.object({
  order_id: z.string(),
  daily_number: z.number(),
  status,
  steps: z.array(status),
  eta_minutes: z.nullable(z.number()),
  customer_first_name: z.nullable(z.string()),
  choices: z.nullable(
    z.object({
      bread: z.nullable(choiceSchema),
      peanut_butter: z.nullable(choiceSchema),
      jelly: z.nullable(choiceSchema),
      toast: z.nullable(choiceSchema),
      cut: z.nullable(choiceSchema),
      extras: z.array(choiceSchema),
    }),
  ),
  items: z.nullable(z.array(z.object({ name: z.string(), quantity: z.number(), options: z.array(z.string()) }))),
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

export const boardEntrySchema = z.object({
  key: z.string(),
  daily_number: z.number(),
  name: z.nullable(z.string()),
  column: z.nullable(z.enum(['preparing', 'ready'])),
  version: z.number(),
  since: z.number(),
});
export type BoardEntry = z.infer<typeof boardEntrySchema>;

export const pickupBoardSchema = z.object({
  entries: z.array(boardEntrySchema),
  seq: z.number(),
  server_time: z.number(),
});
export type PickupBoard = z.infer<typeof pickupBoardSchema>;

// ——— Manager console: the shapes are defined once, in lib/manager/schemas.ts ———

export {
  apiKeyListSchema,
  createdKeySchema,
  dayNumbersSchema,
  staffListSchema,
  storeControlsSchema,
  type ApiKeyView,
  type DayNumbers,
  type StaffView,
  type StoreControls,
} from '../manager/views';
export const stockSchema = z.object({ options: z.array(menuOptionSchema) });
export type Stock = z.infer<typeof stockSchema>;
export const pauseSchema = z.object({
  paused: z.boolean(),
  /** What each delivery app answered when KitchenHub was told too (null: not connected, or not paused with the store). */
  kitchenhub: z.optional(
    z.nullable(
      z.object({
        results: z.array(
          z.object({
            id: z.string(),
            provider_name: z.string(),
            ok: z.boolean(),
            skipped: z.boolean(),
            error: z.nullable(z.string()),
          }),
        ),
        error: z.nullable(z.string()),
      }),
    ),
  ),
});

// ——— Manager: the KitchenHub deliveries log (shapes defined once, in lib/kitchenhub/delivery-log.ts) ———

export {
  deliveryLogSchema,
  deliveryViewSchema,
  PROBLEM_OUTCOMES,
  replayResultSchema,
  type DeliveryLog,
  type DeliveryView,
  type ReplayResult,
} from '../kitchenhub/delivery-log';
