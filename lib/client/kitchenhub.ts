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
  suggested_prep_minutes: z.number(),
});
export type Incoming = z.infer<typeof incomingSchema>;
