// The KitchenHub Order object (seeds/004), parsed leniently: nullable fields may be null or absent,
// unknown fields pass through (the raw body is stored besides). Ids are exact strings.
import { z } from 'zod';
import { HUB_STATUSES, type HubStatus } from '@/db/types/kitchenhub';

const id = z.union([z.string().min(1), z.number().int()]).transform(String);
const optionalText = z.string().nullish();
const money = z.union([z.string(), z.number()]).transform(String).nullish();
const timestamp = z.string().nullish();

/** KitchenHub spells it both ways; one name past this boundary (the names: db/types/kitchenhub.ts). */
export { HUB_STATUSES, type HubStatus };
const status = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .transform((s) => (s === 'cancelled' ? 'canceled' : s))
  .pipe(z.enum(HUB_STATUSES));

const option = z.looseObject({
  id: optionalText,
  partner_id: optionalText,
  name: z.string(),
  quantity: z.number().int().min(0).default(1),
  price: money,
  modifier_name: optionalText,
});

export const hubItem = z.looseObject({
  id: id.nullish(),
  partner_id: optionalText,
  name: z.string().min(1),
  quantity: z.number().int().min(1),
  price: money,
  instructions: optionalText,
  options: z.array(option).default([]),
});

export const hubOrderObject = z.looseObject({
  order: z.looseObject({
    id,
    external_id: optionalText,
    number: z.union([z.string(), z.number()]).transform(String).nullish(),
    daily_number: z.number().int().nullish(),
    type: z.enum(['pickup', 'delivery', 'dinein']).catch('pickup'),
    status,
    notes: optionalText,
    paid: z.boolean().nullish(),
    asap: z.boolean().default(true),
    add_disposable_items: z.boolean().nullish(),
    prep_time_minutes: z.number().int().nullish(),
    table_number: z.union([z.string(), z.number()]).nullish(),
    cancelled_by: optionalText,
  }),
  provider: z.looseObject({
    id: z.string().min(1),
    name: z.string().min(1),
    merchant_id: optionalText,
    store_id: optionalText,
  }),
  location: z.looseObject({}).nullish(),
  store: z.looseObject({ id: z.string().nullish(), name: z.string().nullish() }).nullish(),
  customer: z
    .looseObject({
      name: z.string().nullish(),
      email: optionalText,
      phone_number: optionalText,
      phone_code: optionalText,
    })
    .nullish(),
  items: z.array(hubItem).min(1),
  delivery: z.looseObject({}).nullish(),
  payment: z.looseObject({}).nullish(),
  charges: z.looseObject({ subtotal: money, tax: money, tips: money, discount: money, total: money }).nullish(),
  timestamps: z
    .looseObject({
      placed_at: timestamp,
      created_at: timestamp,
      accepted_at: timestamp,
      cancelled_at: timestamp,
      cancelled_by: optionalText,
      completed_at: timestamp,
      pickup_at: timestamp,
      delivery_at: timestamp,
      scheduled_for: timestamp,
    })
    .nullish(),
});
export type HubOrderObject = z.infer<typeof hubOrderObject>;

export type Classified = { kind: 'order'; eventType: 'Order'; order: unknown } | { kind: 'ignored'; eventType: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What a delivery is: an Order (bare, or in the `{version, event_data, order}` envelope) or another
 * notification type (MenuIntegrationStatus, Delivery, an old Alert…) that we store and acknowledge.
 */
export function classify(body: unknown): Classified {
  if (!isObject(body)) return { kind: 'ignored', eventType: 'unknown' };
  const eventData = isObject(body.event_data) ? body.event_data : undefined;
  if (eventData) {
    const type = typeof eventData.event_type === 'string' ? eventData.event_type : 'unknown';
    return type === 'Order'
      ? { kind: 'order', eventType: 'Order', order: body.order }
      : { kind: 'ignored', eventType: type };
  }
  // A bare Order object has the order, provider and items sections at the top.
  if (isObject(body.order) && ('provider' in body || 'items' in body))
    return { kind: 'order', eventType: 'Order', order: body };
  const type =
    typeof body.type === 'string' ? body.type : typeof body.event_type === 'string' ? body.event_type : 'unknown';
  return { kind: 'ignored', eventType: type };
}

/** Forward-only: a status never moves back to a lower rank; canceled is final. */
export const HUB_RANK: Record<HubStatus, number> = { new: 0, scheduled: 0, accepted: 1, completed: 2, canceled: 3 };

export const toMs = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
};
