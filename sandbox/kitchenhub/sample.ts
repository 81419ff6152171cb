// Realistic KitchenHub Order objects (the seed's Order model) for the fake KitchenHub and the demo's
// "simulate incoming order": PB&J items with options and instructions, a provider, a customer,
// delivery details and charges that add up. They are webhook-style JSON, nulls included, as
// KitchenHub sends them (the fake strips the nulls from its API answers, whose spec has no nullable).

/** An order as KitchenHub sends it by webhook, with its id kept as an exact decimal string. */
export type HubOrderJson = Record<string, unknown> & {
  order: Record<string, unknown> & { id: string; status: string };
};

export const SAMPLE_STORE_ID = 'c212a250-3b69-45ab-9184-03fb2072a7b1';

/** The providers the fake knows, with the names the seed's order sample uses. */
export const SAMPLE_PROVIDERS = [
  { id: 'grubhub', name: 'GrubHub', merchantId: '2626147' },
  { id: 'doordash', name: 'DoorDash', merchantId: '884210' },
  { id: 'ubereats', name: 'Uber Eats', merchantId: '5f1e9c07' },
] as const;
const CUSTOMERS = [
  'Ari Silva',
  'Bea Thompson',
  'Cal Nguyen',
  'Dee Ramirez',
  'Eli Walker',
  'Fay Morgan',
  'Gus Ahmed',
  'Hana Ito',
];
const SANDWICHES = [
  { name: 'Classic PB&J', price: 8.5, options: ['White bread', 'Smooth peanut butter', 'Grape jelly'] },
  {
    name: 'Crunchy Strawberry',
    price: 9.25,
    options: ['Sourdough', 'Crunchy peanut butter', 'Strawberry jam', 'Light toast'],
  },
  {
    name: 'Honey Banana Melt',
    price: 10.75,
    options: ['Brioche', 'Natural peanut butter', 'Banana slices', 'Honey drizzle', 'Medium toast'],
  },
  { name: 'Raspberry Multigrain', price: 9.5, options: ['Multigrain', 'Smooth peanut butter', 'Raspberry jam'] },
] as const;
const INSTRUCTIONS = [null, null, 'Cut in triangles', 'Crusts off please', 'Extra jelly'] as const;
const NOTES = [
  null,
  'Please include napkins.',
  "Contactless delivery, please don't ring the doorbell.",
  'Nut allergy in the household: fresh knife please',
] as const;

/** KitchenHub's stored statuses (the seed's; "cancelled" with two l's, as webhook filters spell it). */
export type HubOrderStatus = 'new' | 'scheduled' | 'accepted' | 'completed' | 'cancelled';

export type SampleOptions = {
  id?: string;
  status?: HubOrderStatus;
  /** For a scheduled order: how far ahead it is due. */
  scheduledInMinutes?: number;
  type?: 'delivery' | 'pickup' | 'dinein';
  /** grubhub, doordash or ubereats (random when absent); another id is used as its own name. */
  providerId?: string;
  /** KitchenHub's store id (default the sample store, SAMPLE_STORE_ID). */
  storeId?: string;
  now?: number;
  random?: () => number;
};

const money = (n: number) => n.toFixed(2);
/** ISO-8601 in UTC without milliseconds, as the seed's samples write timestamps. */
export const hubTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A new KitchenHub order; `id` is a 17-digit string, as KitchenHub's ids are (beyond 2^53 at times). */
export function sampleHubOrder(opts: SampleOptions = {}): HubOrderJson {
  const rnd = opts.random ?? Math.random;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const now = opts.now ?? Date.now();
  const id = opts.id ?? `90071992${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`;
  const known = SAMPLE_PROVIDERS.find((p) => p.id === opts.providerId);
  const provider =
    opts.providerId && !known
      ? { id: opts.providerId, name: opts.providerId, merchantId: null }
      : (known ?? pick(SAMPLE_PROVIDERS));
  const storeId = opts.storeId ?? SAMPLE_STORE_ID;
  const type = opts.type ?? (rnd() < 0.7 ? 'delivery' : 'pickup');
  const scheduled = opts.status === 'scheduled' || opts.scheduledInMinutes !== undefined;
  const status: HubOrderStatus = opts.status && opts.status !== 'new' ? opts.status : scheduled ? 'scheduled' : 'new';
  const items = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, i) => {
    const s = pick(SANDWICHES);
    const quantity = rnd() < 0.2 ? 2 : 1;
    return {
      id: `${6035887900 + i * 7 + Math.floor(rnd() * 5)}`,
      name: s.name,
      quantity,
      price: money(s.price * quantity),
      instructions: pick(INSTRUCTIONS),
      options: s.options.map((name, j) => ({
        id: `${6035888000 + j}`,
        name,
        quantity: 1,
        price: '0.0',
        modifier_name: null,
      })),
    };
  });
  const subtotal = items.reduce((sum, i) => sum + Number(i.price), 0);
  const tax = Math.round(subtotal * 0.06 * 100) / 100;
  const tips = type === 'delivery' ? 3 : null;
  const scheduledFor = scheduled ? now + (opts.scheduledInMinutes ?? 60) * 60_000 : null;
  // An order that has already moved on carries the stamps of the moves (a minute apart, before now).
  const accepted = status === 'accepted' || status === 'completed';
  return {
    order: {
      id,
      external_id: crypto.randomUUID(),
      number: String(200000000000000 + Math.floor(rnd() * 1e12)),
      daily_number: 1 + Math.floor(rnd() * 99),
      type,
      status,
      notes: pick(NOTES),
      paid: true,
      asap: !scheduled,
      add_disposable_items: rnd() < 0.5,
      prep_time_minutes: accepted ? 15 : null,
      data: {},
    },
    provider: { id: provider.id, name: provider.name, merchant_id: provider.merchantId, store_id: storeId },
    location: {
      id: 'loc_main',
      partner_location_id: null,
      name: 'PB&J Main Street',
      street: '1 Main Street',
      city: 'Rockville',
      state: 'MD',
      zipcode: '20850',
      lat: null,
      lon: null,
    },
    store: { id: storeId, name: 'PB&J Main Street', partner_store_id: 'pbj-1' },
    customer: { name: pick(CUSTOMERS), email: null, phone_number: '3015550142', phone_code: '+1' },
    items,
    // The seed: a pickup order still has a delivery object, its address and courier all null. Its
    // type (who delivers: restaurant or provider) has no value for pickup; the spec does not require it.
    delivery:
      type === 'delivery'
        ? {
            type: 'provider',
            address: {
              country: 'US',
              street: '1234 Bettstrail Way',
              city: 'Rockville',
              state: 'MD',
              zipcode: '20854',
              unit_number: null,
              latitude: 39.07294,
              longitude: -77.17325,
            },
            courier: { name: 'Donald V', photo_url: null, phone_number: '2405550199', status: 'assigned' },
            status: null,
            notes: null,
          }
        : {
            type: null,
            address: {
              country: null,
              street: null,
              city: null,
              state: null,
              zipcode: null,
              unit_number: null,
              latitude: null,
              longitude: null,
            },
            courier: { name: null, photo_url: null, phone_number: null, status: null },
            status: null,
            notes: null,
          },
    payment: { method: 'CREDIT CARD' },
    charges: {
      subtotal: money(subtotal),
      tax: money(tax),
      tips: tips === null ? null : money(tips),
      discount: null,
      total: money(subtotal + tax + (tips ?? 0)),
    },
    timestamps: {
      placed_at: hubTime(now),
      created_at: hubTime(now),
      pickup_at: hubTime((scheduledFor ?? now) + 20 * 60_000),
      accepted_at: accepted ? hubTime(now - 120_000) : null,
      cancelled_at: status === 'cancelled' ? hubTime(now - 60_000) : null,
      cancelled_by: null,
      completed_at: status === 'completed' ? hubTime(now - 60_000) : null,
      delivery_at: type === 'delivery' ? hubTime((scheduledFor ?? now) + 40 * 60_000) : null,
      scheduled_for: scheduledFor === null ? null : hubTime(scheduledFor),
    },
  };
}

/** Wraps an Order object in KitchenHub's webhook envelope. */
export const webhookEnvelope = (order: Record<string, unknown>, created: boolean) => ({
  version: '2.0.0',
  event_data: { event_type: 'Order', status: created ? 'OrderCreated' : 'OrderUpdated' },
  order,
});

/** JSON text with the order id as a bare number, as KitchenHub sends it (ids may exceed 2^53). */
export function toHubJson(value: unknown, hubOrderId: string): string {
  return JSON.stringify(value).replace(`"id":"${hubOrderId}"`, `"id":${hubOrderId}`);
}
