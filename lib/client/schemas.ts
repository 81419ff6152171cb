// What the pages accept from our own server, parsed with zod at the boundary (SSE messages included).
import { z } from 'zod';
import { ORDER_STATUSES } from '../orders/status';

const status = z.enum(ORDER_STATUSES);
const changes = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));

export const attentionSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('edited'), changes }),
    z.object({ kind: z.literal('canceled'), by: z.enum(['customer', 'kitchen', 'provider']).nullable() }),
  ])
  .nullable();
export type Attention = z.infer<typeof attentionSchema>;

export const hubItemSchema = z.object({
  name: z.string(),
  quantity: z.number(),
  instructions: z.string().nullable().optional(),
  options: z.array(z.object({ name: z.string(), quantity: z.number().optional() }).passthrough()).optional(),
}).passthrough();

export const ticketSchema = z.object({
  order_id: z.string(),
  daily_number: z.number(),
  status,
  version: z.number(),
  source: z.enum(['api', 'kitchenhub']),
  provider: z.string().nullable(),
  order_type: z.enum(['pickup', 'delivery', 'dinein']),
  customer_first_name: z.string().nullable(),
  bread: z.string().nullable(),
  peanut_butter: z.string().nullable(),
  jelly: z.string().nullable(),
  toast: z.string().nullable(),
  cut: z.string().nullable(),
  extras: z.array(z.string()),
  items: z.array(hubItemSchema).nullable(),
  notes: z.string().nullable(),
  canceled_by: z.enum(['customer', 'kitchen', 'provider']).nullable(),
  attention: attentionSchema,
  created_at: z.number(),
  status_at: z.number(),
  updated_at: z.number(),
  business_date: z.string(),
  rush: z.boolean(),
  items_done: z.array(z.number()),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const menuOptionSchema = z.object({ type: z.string(), option: z.string(), label: z.string(), in_stock: z.boolean() });
export type MenuOptionView = z.infer<typeof menuOptionSchema>;

export const boardSchema = z.object({
  tickets: z.array(ticketSchema),
  recent: z.array(ticketSchema),
  seq: z.number(),
  server_time: z.number(),
  aging: z.object({ warningMinutes: z.number(), lateMinutes: z.number() }),
  menu: z.array(menuOptionSchema),
  business_date: z.string(),
  alerts: z.object({ volume: z.number(), repeatSeconds: z.number(), escalate: z.boolean(), escalateAfterSeconds: z.number() }),
});
export type Board = z.infer<typeof boardSchema>;

export const orderMessageSchema = z.object({
  event: z.object({ seq: z.number(), type: z.string(), action: z.string().nullable(), from: status.nullable(), to: status, actor: z.string(), at: z.number() }).passthrough(),
  ticket: ticketSchema,
});
export type OrderMessage = z.infer<typeof orderMessageSchema>;

export const ticketResponseSchema = z.object({ ticket: ticketSchema });

/** A ticket's history in words (lib/orders/history.ts). */
export const ticketHistorySchema = z.object({
  order_id: z.string(),
  events: z.array(z.object({ seq: z.number(), at: z.number(), what: z.string(), by: z.string(), changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })) })),
});
export const conflictSchema = z.object({ error: z.literal('conflict'), message: z.string(), order: ticketSchema });

// ——— Public pages: the customer's tracker and the pickup board (lib/orders/tracking.ts) ———

const choiceSchema = z.object({ option: z.string(), label: z.string() });

export const trackingViewSchema = z.object({
  order_id: z.string(),
  daily_number: z.number(),
  status,
  steps: z.array(status),
  eta_minutes: z.number().nullable(),
  customer_first_name: z.string().nullable(),
  choices: z
    .object({
      bread: choiceSchema.nullable(),
      peanut_butter: choiceSchema.nullable(),
      jelly: choiceSchema.nullable(),
      toast: choiceSchema.nullable(),
      cut: choiceSchema.nullable(),
      extras: z.array(choiceSchema),
    })
    .nullable(),
  items: z.array(z.object({ name: z.string(), quantity: z.number(), options: z.array(z.string()) })).nullable(),
  provider: z.string().nullable(),
  canceled_by: z.enum(['customer', 'kitchen', 'provider']).nullable(),
  version: z.number(),
  server_time: z.number(),
});
export type TrackingView = z.infer<typeof trackingViewSchema>;

/** The tracker's cancel refused (the kitchen got there first): the order as it is now comes along. */
export const cancelRefusalSchema = z.object({ error: z.literal('order_not_cancelable'), message: z.string(), order: trackingViewSchema });

export const boardEntrySchema = z.object({
  key: z.string(),
  daily_number: z.number(),
  name: z.string().nullable(),
  column: z.enum(['preparing', 'ready']).nullable(),
  version: z.number(),
  since: z.number(),
});
export type BoardEntry = z.infer<typeof boardEntrySchema>;

export const pickupBoardSchema = z.object({ entries: z.array(boardEntrySchema), seq: z.number(), server_time: z.number() });
export type PickupBoard = z.infer<typeof pickupBoardSchema>;

// ——— Manager console: the shapes are defined once, in lib/manager/schemas.ts ———

export {
  apiKeyListSchema, createdKeySchema, dayNumbersSchema, staffListSchema, storeControlsSchema,
  type ApiKeyView, type DayNumbers, type StaffView, type StoreControls,
} from '../manager/schemas';
export const stockSchema = z.object({ options: z.array(menuOptionSchema) });
export type Stock = z.infer<typeof stockSchema>;
export const pauseSchema = z.object({ paused: z.boolean() });

// ——— Manager: the KitchenHub deliveries log (shapes defined once, in lib/kitchenhub/delivery-log.ts) ———

export {
  deliveryLogSchema, deliveryViewSchema, PROBLEM_OUTCOMES, replayResultSchema,
  type DeliveryLog, type DeliveryView, type ReplayResult,
} from '../kitchenhub/delivery-log';
