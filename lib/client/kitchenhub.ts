// What the manager's Incoming section reads: KitchenHub orders to decide on, parsed at the boundary.
import { z } from 'zod';

const money = z.string().nullish();
export const hubOrderViewSchema = z.object({
  hub_order_id: z.string(),
  order_id: z.string().nullable(),
  state: z.enum(['pending', 'scheduled', 'accepted', 'rejected', 'canceled', 'completed']),
  hub_status: z.string(),
  provider: z.object({ id: z.string(), name: z.string() }),
  number: z.string().nullable(),
  hub_daily_number: z.number().nullable(),
  order_type: z.enum(['pickup', 'delivery', 'dinein']),
  asap: z.boolean(),
  customer_first_name: z.string().nullable(),
  notes: z.string().nullable(),
  items: z.array(
    z.object({
      name: z.string(),
      quantity: z.number(),
      price: z.union([z.string(), z.number()]).nullish(),
      instructions: z.string().nullish(),
      options: z.array(z.object({ name: z.string(), quantity: z.number().nullish() }).passthrough()).nullish(),
    }).passthrough(),
  ),
  charges: z.object({ subtotal: money, tax: money, tips: money, discount: money, total: money }).passthrough().nullable(),
  placed_at: z.number().nullable(),
  pickup_at: z.number().nullable(),
  scheduled_for: z.number().nullable(),
  prep_time_minutes: z.number().nullable(),
  fire_at: z.number().nullable(),
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

const source = z.enum(['env', 'console', 'sandbox']).nullable();
export const hubSettingsSchema = z.object({
  webhook_url: z.string(),
  signature_header: z.string(),
  webhook_secret: z.object({ set: z.boolean(), source, hint: z.string().nullable() }),
  api_url: z.object({ value: z.string().nullable(), source }),
  client_id: z.object({ value: z.string().nullable(), source }),
  client_secret: z.object({ set: z.boolean(), source, hint: z.string().nullable() }),
  calls_go_to: z.object({ url: z.string(), source: z.enum(['env', 'console', 'sandbox']) }).nullable(),
  sandbox: z.boolean(),
  auto_accept: z.boolean(),
  auto_accept_prep_minutes: z.number(),
  new_webhook_secret: z.string().nullable().optional(),
});
export type HubSettings = z.infer<typeof hubSettingsSchema>;

export const connectionCheckSchema = z.object({ ok: z.boolean(), error: z.string().nullable(), url: z.string().nullable() });

export const hubCallSchema = z.object({
  id: z.number(),
  hub_order_id: z.string(),
  order_id: z.string().nullable(),
  provider: z.string(),
  number: z.string().nullable(),
  customer_first_name: z.string().nullable(),
  action: z.enum(['accept', 'reject', 'cancel', 'complete']),
  payload: z.record(z.string(), z.unknown()),
  state: z.enum(['pending', 'sent', 'failed', 'conflict']),
  attempts: z.number(),
  next_attempt_at: z.number().nullable(),
  last_status: z.number().nullable(),
  last_error: z.string().nullable(),
  created_by: z.string(),
  created_at: z.number(),
  sent_at: z.number().nullable(),
});
export type HubCallView = z.infer<typeof hubCallSchema>;
export const hubCallsSchema = z.object({ calls: z.array(hubCallSchema) });

export const simulatedSchema = z.object({ hub_order_id: z.string(), webhook_status: z.number().nullable(), webhook_error: z.string().nullable() });
