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

export const pendingHubOrderSchema = z.extend(hubOrderViewSchema, {
  accept_by: z.number(),
  can_accept: z.boolean(),
  can_reject: z.boolean(),
});
export type PendingHubOrder = z.infer<typeof pendingHubOrderSchema>;

export const incomingSchema = z.object({
  pending: z.array(pendingHubOrderSchema),
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
  webhook_auth: z.enum(['header', 'hmac', 'token']),
  public_url: z.object({ value: z.nullable(z.string()), source }),
  api_url: z.object({ value: z.nullable(z.string()), source }),
  client_id: z.object({ value: z.nullable(z.string()), source }),
  client_secret: z.object({ set: z.boolean(), source, hint: z.nullable(z.string()) }),
  calls_go_to: z.nullable(z.object({ url: z.string(), source: z.enum(['env', 'console', 'sandbox']) })),
  sandbox: z.boolean(),
  auto_accept: z.boolean(),
  auto_accept_prep_minutes: z.number(),
  pause_with_store: z.boolean(),
  registration: z.object({
    state: z.enum(['unregistered', 'registered', 'error']),
    webhook_id: z.nullable(z.string()),
    url: z.nullable(z.string()),
    secret_hint: z.nullable(z.string()),
    secret_from_env: z.boolean(),
    previous_secret_accepted_until: z.nullable(z.number()),
    error: z.nullable(z.string()),
    checked_at: z.nullable(z.number()),
  }),
  problem: z.nullable(
    z.object({
      kind: z.enum(['credentials', 'not_main_account']),
      status: z.nullable(z.number()),
      message: z.string(),
      at: z.number(),
    }),
  ),
  poll: z.object({
    every_seconds: z.number(),
    last_poll_at: z.nullable(z.number()),
    last_finished_at: z.nullable(z.number()),
    last_error: z.nullable(z.string()),
    recovered: z.number(),
  }),
});
export type HubSettings = z.infer<typeof hubSettingsSchema>;

const providerCapsSchema = z.object({
  id: z.string(),
  name: z.string(),
  accept: z.boolean(),
  cancel: z.boolean(),
  complete: z.boolean(),
  readOnline: z.boolean(),
  updateOnline: z.boolean(),
});
export const connectResultSchema = z.object({
  ok: z.boolean(),
  error: z.nullable(z.string()),
  url: z.nullable(z.string()),
  registration: z.nullable(
    z.object({
      state: z.string(),
      webhookId: z.nullable(z.string()),
      action: z.string(),
      error: z.nullable(z.string()),
    }),
  ),
  providers: z.array(providerCapsSchema),
});
export const pollResultSchema = z.object({
  ran: z.boolean(),
  pages: z.number(),
  seen: z.number(),
  ingested: z.number(),
  recovered: z.number(),
  error: z.nullable(z.string()),
});

export const accountsSchema = z.object({
  accounts: z.array(
    z.object({
      id: z.string(),
      provider_id: z.string(),
      provider_name: z.string(),
      connection: z.string(),
      is_main_account: z.nullable(z.boolean()),
      online: z.enum(['online', 'offline', 'unknown']),
      offline_reason: z.nullable(z.string()),
      can_pause: z.boolean(),
      error: z.nullable(z.string()),
    }),
  ),
  error: z.nullable(z.string()),
});
export type Accounts = z.infer<typeof accountsSchema>;

export const hubCallSchema = z.object({
  id: z.number(),
  hub_order_id: z.string(),
  order_id: z.nullable(z.string()),
  provider: z.string(),
  number: z.nullable(z.string()),
  customer_first_name: z.nullable(z.string()),
  action: z.enum(['accept', 'reject', 'cancel', 'complete']),
  payload: z.record(z.string(), z.unknown()),
  state: z.enum(['pending', 'sent', 'failed', 'conflict', 'unsupported']),
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

export const simulatedSchema = z.object({
  hub_order_id: z.string(),
  webhook_status: z.nullable(z.number()),
  webhook_error: z.nullable(z.string()),
});
