// A new database: the menu always; with demo data, the seed's API key, one kitchen and one manager PIN,
// and a few orders in different statuses so every screen has something to show. Never touches a used
// database. Without demo data there is no key and no PIN: the first manager is created at /setup.
// Domain work, so it lives in lib/: it hashes PINs and keys and walks orders through the status machine;
// storage (db/storage/basics) only inserts the rows it is given.
import { isEmpty, seedBasics as storeBasics, type Basics } from '@/db/storage/basics';
import { changeOrder, createOrder, type NewOrder } from '@/db/storage/orders';
import { writeSetting } from '@/db/storage/settings';
import { hashPin, sha256 } from './auth/crypto';
import { DEMO_API_KEY, DEMO_CLIENT_ID, DEMO_KEY_ID, DEMO_NAMES, DEMO_PINS } from './demo-data';
import { businessDate, newOrderId } from './orders/service';
import type { MenuType } from './orders/types';
import type { OrderStatus } from './orders/status';
import { transition } from './orders/status';

export { DEMO_API_KEY, DEMO_CLIENT_ID, DEMO_KEY_ID, DEMO_NAMES, DEMO_PINS, DEMO_STAFF_IDS } from './demo-data';

export const MENU: Record<MenuType, Array<[option: string, label: string]>> = {
  bread: [
    ['white', 'White'],
    ['wheat', 'Whole wheat'],
    ['sourdough', 'Sourdough'],
    ['brioche', 'Brioche'],
    ['multigrain', 'Multigrain'],
    ['gluten_free', 'Gluten-free'],
  ],
  peanut_butter: [
    ['smooth', 'Smooth'],
    ['crunchy', 'Crunchy'],
    ['natural', 'Natural'],
    ['honey_roasted', 'Honey-roasted'],
  ],
  jelly: [
    ['grape', 'Grape'],
    ['strawberry', 'Strawberry'],
    ['raspberry', 'Raspberry'],
    ['apricot', 'Apricot'],
    ['blackberry', 'Blackberry'],
  ],
  toast: [
    ['none', 'No toast'],
    ['light', 'Light'],
    ['medium', 'Medium'],
    ['dark', 'Dark'],
  ],
  cut: [
    ['halves', 'Halves'],
    ['triangles', 'Triangles'],
    ['quarters', 'Quarters'],
    ['whole', 'Whole'],
    ['fingers', 'Fingers'],
  ],
  extras: [
    ['banana_slices', 'Banana slices'],
    ['honey', 'Honey'],
    ['sea_salt', 'Sea salt'],
    ['cinnamon', 'Cinnamon'],
    ['bacon', 'Bacon'],
    ['marshmallow_fluff', 'Marshmallow fluff'],
  ],
};

/** The menu, and with `demo` the demo key and staff: what a database needs to be usable. */
function basics(now: number, demo: boolean): Basics {
  const menu = (Object.entries(MENU) as Array<[MenuType, Array<[string, string]>]>).flatMap(([type, options]) =>
    options.map(([option, label], sort) => ({ type, option, label, sort, inStock: true, updatedAt: now })),
  );
  if (!demo) return { menu, clients: [], keys: [], staff: [] };
  return {
    menu,
    clients: [{ id: DEMO_CLIENT_ID, name: 'PB&J demo app', createdAt: now }],
    keys: [
      {
        id: DEMO_KEY_ID,
        clientId: DEMO_CLIENT_ID,
        name: 'Seed test key',
        keyHash: sha256(DEMO_API_KEY),
        prefix: DEMO_API_KEY.slice(0, 12),
        mode: 'test',
        createdAt: now,
      },
    ],
    staff: [
      {
        id: 'stf_kitchen',
        name: DEMO_NAMES.kitchen,
        role: 'kitchen',
        pinHash: hashPin(DEMO_PINS.kitchen),
        active: true,
        createdAt: now,
      },
      {
        id: 'stf_manager',
        name: DEMO_NAMES.manager,
        role: 'manager',
        pinHash: hashPin(DEMO_PINS.manager),
        active: true,
        createdAt: now + 1,
      },
    ],
  };
}

/** Adds whatever of the basics is missing and records whether demo data is on (the test template is built with this). */
export async function seedBasics(now: number, opts: { demo: boolean }): Promise<void> {
  await storeBasics(basics(now, opts.demo));
  await writeSetting('demo', opts.demo, now);
}

type DemoOrder = {
  name: string;
  minutesAgo: number;
  status: OrderStatus;
  bread: string;
  pb: string;
  jelly: string;
  toast: string;
  cut: string;
  extras?: string[];
  notes?: string;
  canceled?: boolean;
};
const DEMO_ORDERS: DemoOrder[] = [
  {
    name: 'Ava Chen',
    minutesAgo: 14,
    status: 'delivered',
    bread: 'sourdough',
    pb: 'crunchy',
    jelly: 'strawberry',
    toast: 'medium',
    cut: 'triangles',
  },
  {
    name: 'Noah Patel',
    minutesAgo: 12,
    status: 'canceled',
    bread: 'white',
    pb: 'smooth',
    jelly: 'grape',
    toast: 'none',
    cut: 'halves',
    canceled: true,
  },
  {
    name: 'Mia Johnson',
    minutesAgo: 9,
    status: 'ready',
    bread: 'brioche',
    pb: 'smooth',
    jelly: 'grape',
    toast: 'light',
    cut: 'halves',
    extras: ['banana_slices'],
  },
  {
    name: 'Leo Garcia',
    minutesAgo: 6,
    status: 'toasting',
    bread: 'multigrain',
    pb: 'natural',
    jelly: 'raspberry',
    toast: 'dark',
    cut: 'quarters',
    extras: ['honey'],
  },
  {
    name: 'Zoe Kim',
    minutesAgo: 4,
    status: 'prepping',
    bread: 'wheat',
    pb: 'crunchy',
    jelly: 'apricot',
    toast: 'none',
    cut: 'fingers',
    notes: 'Nut allergy in the family: fresh knife please',
  },
  {
    name: 'Sam Okafor',
    minutesAgo: 2,
    status: 'queued',
    bread: 'gluten_free',
    pb: 'smooth',
    jelly: 'blackberry',
    toast: 'light',
    cut: 'whole',
    extras: ['sea_salt', 'cinnamon'],
  },
  {
    name: 'Ivy Brooks',
    minutesAgo: 1,
    status: 'queued',
    bread: 'brioche',
    pb: 'honey_roasted',
    jelly: 'strawberry',
    toast: 'none',
    cut: 'triangles',
  },
];

async function seedDemoOrders(now: number): Promise<void> {
  for (const d of DEMO_ORDERS) {
    const createdAt = now - d.minutesAgo * 60_000;
    const input: NewOrder = {
      id: newOrderId(),
      source: 'api',
      clientId: DEMO_CLIENT_ID,
      provider: null,
      customerId: `cus_${d.name.split(' ')[0]?.toLowerCase()}`,
      customerName: d.name,
      orderType: 'pickup',
      businessDate: businessDate(now),
      status: 'queued',
      bread: d.bread,
      peanutButter: d.pb,
      jelly: d.jelly,
      toast: d.toast,
      cut: d.cut,
      extras: d.extras ?? [],
      items: null,
      notes: d.notes ?? null,
      canceledBy: null,
      createdAt,
    };
    const created = await createOrder(input, `api:${DEMO_CLIENT_ID}`);
    if (created.kind !== 'created') continue;
    let order = created.order;
    let at = createdAt;
    while (order.status !== d.status) {
      at += 60_000;
      const to = d.canceled ? 'canceled' : transition(order, 'advance');
      if (!to) break;
      const moved = await changeOrder(order.id, () => ({
        type: 'status',
        action: d.canceled ? 'cancel' : 'advance',
        actor: d.canceled ? 'api:cli_demo' : 'staff:stf_kitchen',
        at,
        status: to,
        ...(d.canceled ? { canceledBy: 'customer' as const } : {}),
      }));
      if (!moved) break;
      order = moved.order;
    }
  }
}

/** Seeds a new database (the demo key, staff and, unless `orders` is false, orders only with `demo`); leaves a used one alone. */
export async function seedIfNew(opts: { demo: boolean; orders?: boolean }, now = Date.now()): Promise<boolean> {
  if (!(await isEmpty())) return false;
  // Instances starting together on one new database: only the one that found it empty seeds the rest.
  if (!(await storeBasics(basics(now, opts.demo)))) return false;
  await writeSetting('demo', opts.demo, now);
  if (opts.demo && opts.orders !== false) await seedDemoOrders(now);
  await writeSetting('seeded_at', new Date(now).toISOString(), now);
  return true;
}
