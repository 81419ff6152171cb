// What the public API answers, as zod schemas beside the request schemas (schemas.ts): the OpenAPI
// document is generated from both, and a test parses toOrderView()'s output with these, so neither the
// document nor the views can drift from the other.
import { z } from 'zod';
import { orderStatus } from './schemas';
import type { OrderView } from './views';

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

// The compiler keeps the schema and the view type in step; the unit test checks real values.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof orderViewSchema>, OrderView> = true;
void sameShape;
