import { z } from 'zod';
import { ORDER_STATUSES } from './status';

// Menu membership is checked in the service: the menu is data. These check shape only.
const option = z.string().trim().min(1).max(40);
const extras = z
  .array(option)
  .max(10)
  .refine((list) => new Set(list).size === list.length, 'must not list the same extra twice');

const choices = {
  bread: option,
  peanut_butter: option,
  jelly: option,
  toast: option.optional(),
  cut: option.optional(),
  extras: extras.optional(),
};

export const createOrderBody = z.strictObject({
  customer_id: z.string().trim().min(1).max(64),
  /** Shown on tickets and the pickup board; only the first name is displayed. */
  customer_name: z.string().trim().min(1).max(60).optional(),
  notes: z.string().trim().max(200).optional(),
  ...choices,
});
export type CreateOrderBody = z.infer<typeof createOrderBody>;
// zod builds an object schema's parser on its first parse (~2 ms for this one). Build it while the
// module loads (the start-up warm-up loads POST /v1/orders' route, lib/warm-up.ts), not on the first order.
createOrderBody.safeParse({
  customer_id: 'warm-up',
  bread: 'white',
  peanut_butter: 'smooth',
  jelly: 'grape',
  toast: 'light',
  cut: 'halves',
  extras: ['banana'],
});

// No .default() here: an omitted PUT field must not overwrite what the order has.
export const updateOrderBody = z
  .strictObject({
    bread: option.optional(),
    peanut_butter: option.optional(),
    jelly: option.optional(),
    toast: option.optional(),
    cut: option.optional(),
    extras: extras.optional(),
    notes: z.string().trim().max(200).nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'Send at least one of bread, peanut_butter, jelly, toast, cut, extras, notes.',
  });
export type UpdateOrderBody = z.infer<typeof updateOrderBody>;

export const orderStatus = z.enum(ORDER_STATUSES);

export const listOrdersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  starting_after: z.string().min(1).max(64).optional(),
  status: orderStatus.optional(),
  customer_id: z.string().min(1).max(64).optional(),
});

export const orderIdParam = z.string().regex(/^ord_[a-z2-7]{16,32}$/);

/** Staff actions send the version they saw, so two screens never double-bump. */
export const staffActionBody = z.strictObject({ version: z.number().int().positive() });
/** Marking one item of a multi-item order done (or not): POST /api/orders/{id}/item. */
export const itemActionBody = z.strictObject({
  version: z.number().int().positive(),
  index: z.number().int().min(0).max(199),
  done: z.boolean(),
});
export const stockBody = z.strictObject({ in_stock: z.boolean() });
export const signInBody = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(60),
  pin: z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits'),
});
