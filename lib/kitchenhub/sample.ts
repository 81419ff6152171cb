// Realistic KitchenHub Order objects (the seed's Order model) for the fake KitchenHub and the demo's
// "simulate incoming order": PB&J items with options and instructions, a provider, a customer,
// delivery details and charges that add up.

const PROVIDERS = [
  { id: 'grubhub', name: 'GrubHub' },
  { id: 'doordash', name: 'DoorDash' },
  { id: 'ubereats', name: 'Uber Eats' },
] as const;
const CUSTOMERS = ['Ari Silva', 'Bea Thompson', 'Cal Nguyen', 'Dee Ramirez', 'Eli Walker', 'Fay Morgan', 'Gus Ahmed', 'Hana Ito'];
const SANDWICHES = [
  { name: 'Classic PB&J', price: 8.5, options: ['White bread', 'Smooth peanut butter', 'Grape jelly'] },
  { name: 'Crunchy Strawberry', price: 9.25, options: ['Sourdough', 'Crunchy peanut butter', 'Strawberry jam', 'Light toast'] },
  { name: 'Honey Banana Melt', price: 10.75, options: ['Brioche', 'Natural peanut butter', 'Banana slices', 'Honey drizzle', 'Medium toast'] },
  { name: 'Raspberry Multigrain', price: 9.5, options: ['Multigrain', 'Smooth peanut butter', 'Raspberry jam'] },
] as const;
const INSTRUCTIONS = [null, null, 'Cut in triangles', 'Crusts off please', 'Extra jelly'] as const;
const NOTES = [null, 'Please include napkins.', "Contactless delivery, please don't ring the doorbell.", 'Nut allergy in the household: fresh knife please'] as const;

export type SampleOptions = {
  id?: string;
  status?: 'new' | 'scheduled' | 'accepted';
  /** For a scheduled order: how far ahead it is due. */
  scheduledInMinutes?: number;
  type?: 'delivery' | 'pickup';
  now?: number;
  random?: () => number;
};

const money = (n: number) => n.toFixed(2);

/** A new KitchenHub order; `id` is a 16–17 digit string, as KitchenHub's ids are (beyond 2^53 at times). */
export function sampleHubOrder(opts: SampleOptions = {}): Record<string, unknown> & { order: Record<string, unknown> & { id: string; status: string } } {
  const rnd = opts.random ?? Math.random;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const now = opts.now ?? Date.now();
  const id = opts.id ?? `90071992${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`;
  const provider = pick(PROVIDERS);
  const type = opts.type ?? (rnd() < 0.7 ? 'delivery' : 'pickup');
  const scheduled = opts.status === 'scheduled' || opts.scheduledInMinutes !== undefined;
  const items = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, i) => {
    const s = pick(SANDWICHES);
    const quantity = rnd() < 0.2 ? 2 : 1;
    return {
      id: `${6035887900 + i * 7 + Math.floor(rnd() * 5)}`,
      name: s.name,
      quantity,
      price: money(s.price * quantity),
      instructions: pick(INSTRUCTIONS),
      options: s.options.map((name, j) => ({ id: `${6035888000 + j}`, name, quantity: 1, price: '0.0', modifier_name: null })),
    };
  });
  const subtotal = items.reduce((sum, i) => sum + Number(i.price), 0);
  const tax = Math.round(subtotal * 0.06 * 100) / 100;
  const tips = type === 'delivery' ? 3 : null;
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const scheduledFor = scheduled ? now + (opts.scheduledInMinutes ?? 60) * 60_000 : null;
  const customer = pick(CUSTOMERS);
  return {
    order: {
      id,
      external_id: crypto.randomUUID(),
      number: String(200000000000000 + Math.floor(rnd() * 1e12)),
      daily_number: 1 + Math.floor(rnd() * 99),
      type,
      status: opts.status === 'accepted' ? 'accepted' : scheduled ? 'scheduled' : 'new',
      notes: pick(NOTES),
      paid: true,
      asap: !scheduled,
      add_disposable_items: rnd() < 0.5,
      prep_time_minutes: null,
      data: {},
    },
    provider: { ...provider, merchant_id: '2626147', store_id: 'c212a250-3b69-45ab-9184-03fb2072a7b1' },
    location: { id: 'loc_main', name: 'PB&J Main Street' },
    store: { id: 'c212a250-3b69-45ab-9184-03fb2072a7b1', name: 'PB&J Main Street', partner_store_id: 'pbj-1' },
    customer: { name: customer, email: null, phone_number: '3015550142', phone_code: '+1' },
    items,
    delivery:
      type === 'delivery'
        ? {
            type: 'provider',
            address: { country: 'US', street: '1234 Bettstrail Way', city: 'Rockville', state: 'MD', zipcode: '20854', unit_number: null, latitude: 39.07294, longitude: -77.17325 },
            courier: { name: 'Donald V', photo_url: null, phone_number: '2405550199', status: 'assigned' },
            status: null,
            notes: null,
          }
        : null,
    payment: { method: 'CREDIT CARD' },
    charges: { subtotal: money(subtotal), tax: money(tax), tips: tips === null ? null : money(tips), discount: null, total: money(subtotal + tax + (tips ?? 0)) },
    timestamps: {
      placed_at: iso(now),
      accepted_at: null,
      scheduled_for: scheduledFor === null ? null : iso(scheduledFor),
      pickup_at: iso((scheduledFor ?? now) + 20 * 60_000),
      delivery_at: type === 'delivery' ? iso((scheduledFor ?? now) + 40 * 60_000) : null,
      completed_at: null,
      cancelled_at: null,
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
