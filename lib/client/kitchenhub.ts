// What the manager's Incoming section reads: KitchenHub orders to decide on, parsed at the boundary.
import * as z from 'zod/mini';

const money = z.nullish(z.string());
export const hubOrderViewSchema = z.object({
  hub_order_id: z.string(),
  order_id: z.nullable(z.string()),
  state: z.enum(['pending', 'scheduled', 'accepted', 'rejected', 'canceled', 'completed']),
  hub_status: z.string(),
  provider: z.object({ id: z.string(), name: z.string() }),
  number: z.nullable(z.string()),
  hub_daily_number: z.nullable(z.number()),
  order_type: z.enum(['pickup', 'delivery', 'dinein']),
  asap: z.boolean(),
  customer_first_name: z.nullable(z.string()),
  notes: z.nullable(z.string()),
  items: z.array(
    z.looseObject({
      name: z.string(),
      quantity: z.number(),
      price: z.nullish(z.union([z.string(), z.number()])),
      instructions: z.nullish(z.string()),
      options: z.nullish(z.array(z.looseObject({ name: z.string(), quantity: z.nullish(z.number()) }))),
    }),
  ),
  charges: z.nullable(z.looseObject({ subtotal: money, tax: money, tips: money, discount: money, total: money })),
  placed_at: z.nullable(z.number()),
  pickup_at: z.nullable(z.number()),
  scheduled_for: z.nullable(z.number()),
  prep_time_minutes: z.nullable(z.number()),
  fire_at: z.nullable(z.number()),
  created_at: z.number(),
});
export type HubOrderView = z.infer<typeof hubOrderViewSchema>;

export const incomingSchema = z.object({
  pending: z.array(hubOrderViewSchema),
  scheduled: z.array(hubOrderViewSchema),
  stuck_calls: z.number(),
  can_simulate: z.boolean(),
  suggested_prep_minutes: z.number(),
});
export type Incoming = z.infer<typeof incomingSchema>;

// ——— The KitchenHub connection and our calls to it (Manager → KitchenHub) ———

const source = z.nullable(z.enum(['env', 'console', 'sandbox']));
export const hubSettingsSchema = z.object({
  webhook_url: z.string(),
  signature_header: z.string(),
  webhook_secret: z.object({ set: z.boolean(), source, hint: z.nullable(z.string()) }),
  api_url: z.object({ value: z.nullable(z.string()), source }),
  client_id: z.object({ value: z.nullable(z.string()), source }),
  client_secret: z.object({ set: z.boolean(), source, hint: z.nullable(z.string()) }),
  calls_go_to: z.nullable(z.object({ url: z.string(), source: z.enum(['env', 'console', 'sandbox']) })),
  sandbox: z.boolean(),
  auto_accept: z.boolean(),
  auto_accept_prep_minutes: z.number(),
  new_webhook_secret: z.optional(z.nullable(z.string())),
});
export type HubSettings = z.infer<typeof hubSettingsSchema>;

export const connectionCheckSchema = z.object({ ok: z.boolean(), error: z.nullable(z.string()), url: z.nullable(z.string()) });

export const hubCallSchema = z.object({
  id: z.number(),
  hub_order_id: z.string(),
  order_id: z.nullable(z.string()),
  provider: z.string(),
  number: z.nullable(z.string()),
  customer_first_name: z.nullable(z.string()),
  action: z.enum(['accept', 'reject', 'cancel', 'complete']),
  payload: z.record(z.string(), z.unknown()),
  state: z.enum(['pending', 'sent', 'failed', 'conflict']),
  attempts: z.number(),
  next_attempt_at: z.nullable(z.number()),
  last_status: z.nullable(z.number()),
  last_error: z.nullable(z.string()),
  created_by: z.string(),
  created_at: z.number(),
  sent_at: z.nullable(z.number()),
});
export type HubCallView = z.infer<typeof hubCallSchema>;
export const hubCallsSchema = z.object({ calls: z.array(hubCallSchema) });

export const simulatedSchema = z.object({ hub_order_id: z.string(), webhook_status: z.nullable(z.number()), webhook_error: z.nullable(z.string()) });
