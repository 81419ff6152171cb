// The manager console's KitchenHub answers, each shape written once: the Incoming lists, the
// connection's settings, Connect and "Check now", the delivery apps' accounts, our calls to KitchenHub
// and the demo's simulated order. The server's views are typed from these schemas (./manager.ts,
// ./config.ts, ./connect.ts, ./reconcile.ts, ./accounts.ts, ./outbox.ts, the sandbox's simulate) and
// the console parses with the very same objects (lib/client/kitchenhub.ts re-exports them), so a field
// removed here is gone from the server's type and from the page's parse at once. zod/mini because this
// module ships to the browser (see lib/manager/views.ts).
import * as z from 'zod/mini';

// ——— KitchenHub orders to decide on (Manager → Incoming) ———

const money = z.nullish(z.string());
/** A delivery-app item as the Incoming list reads it (unknown fields pass). */
const hubOrderItemSchema = z.looseObject({
  name: z.string(),
  quantity: z.number(),
  price: z.nullish(z.union([z.string(), z.number()])),
  instructions: z.nullish(z.string()),
  options: z.nullish(z.array(z.looseObject({ name: z.string(), quantity: z.nullish(z.number()) }))),
});
const chargesSchema = z.looseObject({ subtotal: money, tax: money, tips: money, discount: money, total: money });

/** What the manager's Incoming list shows of a KitchenHub order: no phone numbers or addresses. */
export const hubOrderViewSchema = z.object({
  hub_order_id: z.string(),
  order_id: z.nullable(z.string()),
  state: z.enum(['pending', 'scheduled', 'accepted', 'rejected', 'canceled', 'completed']),
  hub_status: z.string(), // a HubStatus; the page only shows it, so the list stays off its bundle
  provider: z.object({ id: z.string(), name: z.string() }),
  number: z.nullable(z.string()),
  hub_daily_number: z.nullable(z.number()),
  order_type: z.enum(['pickup', 'delivery', 'dinein']),
  asap: z.boolean(),
  customer_first_name: z.nullable(z.string()),
  notes: z.nullable(z.string()),
  items: z.array(hubOrderItemSchema),
  charges: z.nullable(chargesSchema),
  placed_at: z.nullable(z.number()),
  pickup_at: z.nullable(z.number()),
  scheduled_for: z.nullable(z.number()),
  prep_time_minutes: z.nullable(z.number()),
  fire_at: z.nullable(z.number()),
  decided_by: z.nullable(z.string()),
  decided_at: z.nullable(z.number()),
  reject_reason: z.nullable(z.string()),
  created_at: z.number(),
});
export type HubOrderView = z.infer<typeof hubOrderViewSchema>;
/**
 * What toHubOrderView() sends: a HubOrderView whose items and charges go out as KitchenHub sent them
 * (kept in hub_orders.data; ./schema.ts checked the order on the way in). The page parses them with
 * the schema above.
 */
export type SentHubOrderView = Omit<HubOrderView, 'items' | 'charges'> & {
  items: unknown[];
  charges: Record<string, unknown> | null;
};

export const pendingHubOrderSchema = z.extend(hubOrderViewSchema, {
  /** When KitchenHub would cancel it as not accepted (it does not publish the window: KITCHENHUB_ACCEPT_WINDOW_MINUTES). */
  accept_by: z.number(),
  /** What the provider lets us tell KitchenHub (unknown providers: assumed yes; KitchenHub says otherwise with a 501). */
  can_accept: z.boolean(),
  can_reject: z.boolean(),
});
export type PendingHubOrder = z.infer<typeof pendingHubOrderSchema>;
export type SentPendingHubOrder = Omit<PendingHubOrder, 'items' | 'charges'> & SentHubOrderView;

export const incomingSchema = z.object({
  pending: z.array(pendingHubOrderSchema),
  scheduled: z.array(hubOrderViewSchema),
  /** Calls to KitchenHub that failed or wait after a failure: the Incoming page points to them. */
  stuck_calls: z.number(),
  /** Demo mode: the console may ask the sandbox KitchenHub for an order. */
  can_simulate: z.boolean(),
  suggested_prep_minutes: z.number(),
});
export type Incoming = z.infer<typeof incomingSchema>;
/** What incomingHubOrders() sends: its orders as toHubOrderView() sends them. */
export type SentIncoming = Omit<Incoming, 'pending' | 'scheduled'> & {
  pending: SentPendingHubOrder[];
  scheduled: SentHubOrderView[];
};

/** The demo's "Simulate an order": the sandbox KitchenHub's order and how its webhook to us went. */
export const simulatedSchema = z.object({
  hub_order_id: z.string(),
  webhook_status: z.nullable(z.number()),
  webhook_error: z.nullable(z.string()),
});
export type Simulated = z.infer<typeof simulatedSchema>;

// ——— The KitchenHub connection and our calls to it (Manager → KitchenHub) ———

const SOURCES = ['env', 'console', 'sandbox'] as const;
const source = z.nullable(z.enum(SOURCES));

/** Reconciliation as the console shows it (./poll-view.ts). */
export const pollViewSchema = z.object({
  every_seconds: z.number(),
  last_poll_at: z.nullable(z.number()),
  last_finished_at: z.nullable(z.number()),
  last_error: z.nullable(z.string()),
  /** Orders (and status changes) that only the poll found: their webhooks never came. */
  recovered: z.number(),
});
export type PollView = z.infer<typeof pollViewSchema>;

/** The configuration as the console shows it: secrets only as set/unset with their last four characters. */
export const hubSettingsSchema = z.object({
  /** Where KitchenHub should post: our registered URL, or this page's origin until a public URL is set. */
  webhook_url: z.string(),
  webhook_auth: z.enum(['header', 'hmac', 'token']),
  public_url: z.object({ value: z.nullable(z.string()), source }),
  api_url: z.object({ value: z.nullable(z.string()), source }),
  client_id: z.object({ value: z.nullable(z.string()), source }),
  client_secret: z.object({ set: z.boolean(), source, hint: z.nullable(z.string()) }),
  /** Where calls go now: the configured API, the demo sandbox, or nowhere (they wait, visibly). */
  calls_go_to: z.nullable(z.object({ url: z.string(), source: z.enum(SOURCES) })),
  sandbox: z.boolean(),
  auto_accept: z.boolean(),
  auto_accept_prep_minutes: z.number(),
  pause_with_store: z.boolean(),
  registration: z.object({
    state: z.enum(['unregistered', 'registered', 'error']),
    webhook_id: z.nullable(z.string()),
    url: z.nullable(z.string()),
    secret_hint: z.nullable(z.string()),
    /** The secret is KITCHENHUB_WEBHOOK_SECRET's (rotated there), not one we generated. */
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
  poll: pollViewSchema,
});
export type HubSettingsView = z.infer<typeof hubSettingsSchema>;

/** What each delivery provider lets us do through KitchenHub (./capabilities.ts). */
export const providerCapsSchema = z.object({
  id: z.string(),
  name: z.string(),
  accept: z.boolean(),
  cancel: z.boolean(),
  complete: z.boolean(),
  readOnline: z.boolean(),
  updateOnline: z.boolean(),
});
export type ProviderCaps = z.infer<typeof providerCapsSchema>;

/** "Connect" (or "Rotate secret"): the credentials proved, our webhook registered, the providers read. */
export const connectResultSchema = z.object({
  ok: z.boolean(),
  error: z.nullable(z.string()),
  url: z.nullable(z.string()),
  registration: z.nullable(
    z.object({
      // The server sends a RegistrationResult (./registration.ts), whose state and action are enums;
      // the page only shows them, so it reads strings and the lists stay off its bundle.
      state: z.string(),
      webhookId: z.nullable(z.string()),
      action: z.string(),
      error: z.nullable(z.string()),
    }),
  ),
  providers: z.array(providerCapsSchema),
});
export type ConnectResult = z.infer<typeof connectResultSchema>;

/** "Check KitchenHub now": one reconciliation poll (./reconcile.ts). */
export const pollResultSchema = z.object({
  ran: z.boolean(),
  pages: z.number(),
  seen: z.number(),
  ingested: z.number(),
  recovered: z.number(),
  error: z.nullable(z.string()),
});
export type PollResult = z.infer<typeof pollResultSchema>;

/** A delivery app's integration account with its online status (./accounts.ts). */
export const accountViewSchema = z.object({
  id: z.string(),
  provider_id: z.string(),
  provider_name: z.string(),
  connection: z.string(),
  is_main_account: z.nullable(z.boolean()),
  online: z.enum(['online', 'offline', 'unknown']),
  offline_reason: z.nullable(z.string()),
  can_pause: z.boolean(),
  error: z.nullable(z.string()),
});
export type AccountView = z.infer<typeof accountViewSchema>;
export const accountsSchema = z.object({ accounts: z.array(accountViewSchema), error: z.nullable(z.string()) });
export type Accounts = z.infer<typeof accountsSchema>;

/** One of our calls to KitchenHub (the outbox, ./outbox.ts). */
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
export type CallView = z.infer<typeof hubCallSchema>;
export const hubCallsSchema = z.object({ calls: z.array(hubCallSchema) });
