import { z } from 'zod';
import { ORDER_STATUSES } from './status';
import type { MenuType } from './types';

// Menu membership is checked in the service: the menu is data. These check shape only. What each field
// means travels with it (.meta): the OpenAPI document is generated from these schemas and adds only
// the current menu's options to the choice fields.
const option = z.string().trim().min(1).max(40);
const choice = (type: MenuType, extra = '') =>
  option.meta({ description: `The ${type.replace('_', ' ')} option id.${extra}` });
const extras = z
  .array(option)
  .max(10)
  .refine((list) => new Set(list).size === list.length, 'must not list the same extra twice')
  .meta({ description: 'Up to 10 extras, no repeats.', uniqueItems: true }); // uniqueItems: the refine, for the document

const choices = {
  bread: choice('bread'),
  peanut_butter: choice('peanut_butter'),
  jelly: choice('jelly'),
  toast: choice('toast').optional(),
  cut: choice('cut').optional(),
  extras: extras.optional(),
};

export const createOrderBody = z
  .strictObject({
    customer_id: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .meta({ description: 'Your id for the customer (1–64 characters). GET /v1/orders can filter by it.' }),
    /** Shown on tickets and the pickup board; only the first name is displayed. */
    customer_name: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .optional()
      .meta({ description: "The customer's name. Screens and the pickup board show only the first name." }),
    notes: z
      .string()
      .trim()
      .max(200)
      .optional()
      .meta({ description: 'Notes for the kitchen, up to 200 characters; highlighted on the ticket.' }),
    ...choices,
    toast: choice('toast', ' Default `none` (not toasted).').optional(),
    cut: choice('cut', ' Default `halves`.').optional(),
  })
  .meta({ description: 'A new order: one sandwich. Options are menu option ids.' });
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
    ...choices,
    bread: choices.bread.optional(),
    peanut_butter: choices.peanut_butter.optional(),
    jelly: choices.jelly.optional(),
    notes: z
      .string()
      .trim()
      .max(200)
      .nullable()
      .meta({ description: 'New notes for the kitchen; `null` clears them.' })
      .optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'Send at least one of bread, peanut_butter, jelly, toast, cut, extras, notes.',
  })
  .meta({ description: 'Only the fields that change; the rest stay as they are.', minProperties: 1 }); // minProperties: the refine
export type UpdateOrderBody = z.infer<typeof updateOrderBody>;

export const orderStatus = z.enum(ORDER_STATUSES);

export const listOrdersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20).meta({ description: 'How many orders per page (1–100).' }),
  starting_after: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .meta({ description: 'An order_id from the previous page: the page starts after it.' }),
  status: orderStatus.optional().meta({ description: 'Only orders in this status.' }),
  customer_id: z.string().min(1).max(64).optional().meta({ description: 'Only orders for this customer_id.' }),
});

export const orderIdParam = z.string().regex(/^ord_[a-z2-7]{16,32}$/);

/** POST /v1/orders' optional Idempotency-Key header: 1–255 printable ASCII characters, no spaces. */
export const idempotencyKeyHeader = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/);

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
