// What the public API answers, as zod schemas beside the request schemas (schemas.ts): the one
// definition of each answer's shape. The OpenAPI document's schemas are generated from these
// (lib/openapi/document.ts), the TypeScript types below are inferred from them (toOrderView() must
// return an OrderView), and a test parses toOrderView()'s output with them: a field removed here is
// gone from the document, the type and the check at once. Classic zod: only the server imports this.
import { z } from 'zod';
import { ERROR_CODES } from '../errors';
import { orderStatus } from './schemas';

const choice = (what: string) =>
  z
    .string()
    .nullable()
    .meta({ description: `The ${what} option (a menu option id).` });

export const orderViewSchema = z
  .strictObject({
    object: z.literal('order'),
    order_id: z.string().meta({
      description: 'Unguessable order id: `ord_` and 20 base32 characters.',
      examples: ['ord_x4k2m7q5t3v6b5n6c2pa'],
    }),
    customer_id: z
      .string()
      .nullable()
      .meta({ description: 'Your id for the customer, as sent when the order was created.' }),
    status: orderStatus.meta({
      description: 'queued → prepping → toasting → ready → delivered, or canceled (from queued or prepping).',
    }),
    eta_minutes: z.number().int().min(0).nullable().meta({
      description:
        'Minutes until ready, from the real kitchen queue and recomputed on every read; 0 once ready or delivered, null when canceled.',
    }),
    choices: z.strictObject({
      bread: choice('bread'),
      peanut_butter: choice('peanut butter'),
      jelly: choice('jelly'),
      toast: choice('toast'),
      cut: choice('cut'),
      extras: z.array(z.string()).meta({ description: 'Extra option ids, in the order given.' }),
    }),
    customer_name: z.string().nullable().meta({ description: 'As sent; screens show only the first name.' }),
    notes: z.string().nullable().meta({ description: 'Notes for the kitchen (highlighted on the ticket).' }),
    daily_number: z
      .number()
      .int()
      .min(1)
      .meta({ description: 'The short number called out at pickup; restarts every business day.' }),
    canceled_by: z
      .enum(['customer', 'kitchen', 'provider'])
      .nullable()
      .meta({ description: 'Who canceled the order, or null.' }),
    version: z.number().int().min(1).meta({ description: 'Goes up by one with every change.' }),
    created_at: z.iso.datetime().meta({ description: 'When the order was placed (ISO 8601, UTC).' }),
    updated_at: z.iso.datetime().meta({ description: 'When the order last changed (ISO 8601, UTC).' }),
    tracking_url: z.url().meta({ description: "The customer's live tracking page." }),
  })
  .meta({ description: 'One order (one sandwich).' });

export const orderListSchema = z
  .strictObject({
    object: z.literal('list'),
    data: z.array(orderViewSchema).meta({ description: 'Orders, newest first.' }),
    has_more: z
      .boolean()
      .meta({ description: 'True when older orders follow: pass the last order_id as starting_after.' }),
  })
  .meta({ description: 'A page of orders, newest first.' });

/** The public API's order (the seed's response plus toast, cut and bookkeeping). */
export type OrderView = z.output<typeof orderViewSchema>;
export type OrderList = z.output<typeof orderListSchema>;

/** Every error answer's shape. Produced by lib/errors.ts's toResponse(); documented as the `Error` schema. */
export const errorBodySchema = z
  .looseObject({
    error: z
      .enum([...ERROR_CODES, 'internal_error'])
      .meta({ description: 'A stable, machine-readable code (see the error table).' }),
    message: z.string().meta({ description: 'A sentence for people: safe to show in your app.' }),
    field: z
      .string()
      .optional()
      .meta({ description: 'invalid_request: the offending field, e.g. `bread` or `extras.1`.' }),
    allowed: z
      .array(z.string())
      .optional()
      .meta({ description: 'invalid_request for an unknown option: the options on the menu.' }),
    item: z
      .strictObject({ type: z.string(), option: z.string() })
      .optional()
      .meta({ description: "out_of_stock: the option the kitchen has 86'd." }),
    status: z
      .string()
      .optional()
      .meta({ description: "order_not_editable / order_not_cancelable: the order's status now." }),
    retry_after: z
      .number()
      .int()
      .optional()
      .meta({ description: 'rate_limited: seconds until the next request is accepted.' }),
  })
  .meta({ description: 'Every error: `{"error": code, "message": sentence, …}` plus fields that depend on the code.' });
export type ErrorBody = z.output<typeof errorBodySchema>;
