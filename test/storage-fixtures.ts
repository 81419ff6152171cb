// What db/'s own tests take from the app: fresh ids, the demo rows the test template holds (test/global-setup.ts
// seeds it through lib/seed.ts) and the menu. db/ imports nothing from lib/ (eslint.config.mjs), its tests
// included: they take these from here.
import type { NewOrder } from '@/db/types/orders';
import { newOrderId } from '@/lib/orders/service';
import { DEMO_CLIENT_ID } from '@/lib/seed';

export { newOrderId };
export { sha256 } from '@/lib/auth/crypto';
export { DEMO_API_KEY, DEMO_CLIENT_ID, MENU, seedBasics as seedDemoBasics } from '@/lib/seed';

/** A plain API order as storage receives it (white, smooth, grape, untoasted, halves, honey): override what a test tests. */
export const newStoredOrder = (over: Partial<NewOrder> = {}): NewOrder => ({
  id: newOrderId(),
  source: 'api',
  clientId: DEMO_CLIENT_ID,
  provider: null,
  customerId: 'cus_1',
  customerName: null,
  orderType: 'pickup',
  businessDate: '2031-05-01',
  status: 'queued',
  bread: 'white',
  peanutButter: 'smooth',
  jelly: 'grape',
  toast: 'none',
  cut: 'halves',
  extras: ['honey'],
  items: null,
  notes: null,
  canceledBy: null,
  createdAt: Date.now(),
  ...over,
});
