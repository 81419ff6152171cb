// The manager console's views: what its handlers answer and its pages parse, with the very schemas the
// server's types come from. zod/mini, whose functional form tree-shakes: these ship to the browser, and
// classic zod's chained methods added 14–15 KB (gzip) to every page (docs/benchmarks.md, page weight).
import * as z from 'zod/mini';
import { ORDER_STATUSES } from '../orders/status';

export const STAFF_ROLES = ['kitchen', 'manager'] as const;
export const KEY_MODES = ['test', 'live'] as const;

export const apiKeyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  client_name: z.string(),
  prefix: z.string(),
  mode: z.enum(KEY_MODES),
  created_at: z.number(),
  last_used_at: z.nullable(z.number()),
  revoked_at: z.nullable(z.number()),
});
export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;
export const apiKeyListSchema = z.object({ keys: z.array(apiKeyViewSchema) });
/** A new key: the only answer that ever carries the plain key. */
export const createdKeySchema = z.object({ key: apiKeyViewSchema, secret: z.string() });

export const staffViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  active: z.boolean(),
  created_at: z.number(),
});
export type StaffView = z.infer<typeof staffViewSchema>;
export const staffListSchema = z.object({ staff: z.array(staffViewSchema), you: z.string() });

export const kitchenSettingsSchema = z.object({
  prepMinutes: z.number(),
  toastMinutes: z.number(),
  prepStations: z.number(),
  toasterSlots: z.number(),
});
export const agingSettingsSchema = z.object({ warningMinutes: z.number(), lateMinutes: z.number() });
export const alertSettingsSchema = z.object({
  volume: z.number(),
  repeatSeconds: z.number(),
  escalate: z.boolean(),
  escalateAfterSeconds: z.number(),
});
export type AlertSettings = z.infer<typeof alertSettingsSchema>;
/** An order left open past an earlier day's close, for a manager to resolve. */
export const staleOrderSchema = z.object({
  order_id: z.string(),
  daily_number: z.number(),
  status: z.enum(ORDER_STATUSES),
  version: z.number(),
  source: z.string(),
  provider: z.nullable(z.string()),
  customer_first_name: z.nullable(z.string()),
  business_date: z.string(),
  created_at: z.number(),
});
export type StaleOrder = z.infer<typeof staleOrderSchema>;

export const storeControlsSchema = z.object({
  paused: z.boolean(),
  kitchen: kitchenSettingsSchema,
  aging: agingSettingsSchema,
  alerts: alertSettingsSchema,
  stale_orders: z.array(staleOrderSchema),
});
export type StoreControls = z.infer<typeof storeControlsSchema>;

/** What a delivery app answered when the store's pause went to KitchenHub (lib/kitchenhub/accounts.ts). */
export const pauseOutcomeSchema = z.object({
  id: z.string(),
  provider_name: z.string(),
  ok: z.boolean(),
  skipped: z.boolean(),
  error: z.nullable(z.string()),
});
export type PauseOutcome = z.infer<typeof pauseOutcomeSchema>;
/** Every connected delivery app told to pause or resume, and why none could be (error). */
export const hubPauseSchema = z.object({ results: z.array(pauseOutcomeSchema), error: z.nullable(z.string()) });
export type HubPause = z.infer<typeof hubPauseSchema>;

/** PUT /api/store's answer: the store's pause, and what each delivery app answered when KitchenHub was told too. */
export const pauseSchema = z.object({
  paused: z.boolean(),
  /** null: not connected, or not paused with the store. */
  kitchenhub: z.optional(z.nullable(hubPauseSchema)),
});
export type StorePause = z.infer<typeof pauseSchema>;

const status = z.enum(ORDER_STATUSES);
export const CANCEL_KINDS = ['customer', 'kitchen', 'provider', 'unknown'] as const;
export const ITEM_GROUPS = ['bread', 'peanut_butter', 'jelly', 'toast', 'cut', 'extras', 'delivery'] as const;
export type ItemGroup = (typeof ITEM_GROUPS)[number];

export const dayNumbersSchema = z.object({
  date: z.string(),
  today: z.string(),
  time_zone: z.string(),
  warning_minutes: z.number(),
  late_minutes: z.number(),
  generated_at: z.number(),
  days: z.array(z.string()),
  totals: z.object({
    orders: z.number(),
    api: z.number(),
    kitchenhub: z.number(),
    made: z.number(),
    delivered: z.number(),
    open: z.number(),
    canceled: z.number(),
    late: z.number(),
    late_open: z.number(),
  }),
  hours: z.array(z.object({ hour: z.number(), api: z.number(), kitchenhub: z.number() })),
  ticket_time: z.object({
    count: z.number(),
    median_ms: z.nullable(z.number()),
    p90_ms: z.nullable(z.number()),
    max_ms: z.nullable(z.number()),
    /** One bar per started minute; the last one also holds everything longer. */
    histogram: z.array(z.object({ minute: z.number(), count: z.number(), open_ended: z.boolean() })),
  }),
  per_status: z.array(z.object({ status, tickets: z.number(), average_ms: z.number(), median_ms: z.number() })),
  canceled: z.object({
    by: z.array(z.object({ kind: z.enum(CANCEL_KINDS), who: z.string(), count: z.number() })),
    tickets: z.array(
      z.object({
        order_id: z.string(),
        daily_number: z.number(),
        at: z.number(),
        from: z.nullable(status),
        kind: z.enum(CANCEL_KINDS),
        who: z.string(),
      }),
    ),
  }),
  items: z.array(
    z.object({
      group: z.enum(ITEM_GROUPS),
      rows: z.array(z.object({ option: z.string(), label: z.string(), count: z.number() })),
    }),
  ),
});
export type DayNumbers = z.infer<typeof dayNumbersSchema>;
