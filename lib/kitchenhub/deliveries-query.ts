// The deliveries log's query and path parameters (GET /api/kitchenhub/deliveries, …/{id}/replay):
// server-only, so classic zod with its messages.
import { z } from 'zod';
import { DELIVERY_OUTCOMES } from './delivery-log';

const outcomeList = z
  .string()
  .transform((s) => s.split(',').map((o) => o.trim()))
  .pipe(z.array(z.enum(DELIVERY_OUTCOMES)).min(1));

/** GET /api/kitchenhub/deliveries: `outcome` is one outcome or several, comma-separated (`invalid,unauthorized`). */
export const deliveriesQuery = z.strictObject({
  outcome: outcomeList.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type DeliveriesQuery = z.infer<typeof deliveriesQuery>;

/** A delivery id in a path: a positive integer, written plainly. */
export const deliveryIdParam = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, 'must be a delivery id (a positive whole number)')
  .transform(Number);
