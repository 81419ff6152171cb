// What db/'s own tests take from the app: fresh ids, the demo rows the test template holds (test/global-setup.ts
// seeds it through lib/seed.ts) and the menu. db/ imports nothing from lib/ (eslint.config.mjs), its tests
// included: they take these from here.
export { newOrderId } from '@/lib/orders/service';
export { sha256 } from '@/lib/auth/crypto';
export { DEMO_API_KEY, DEMO_CLIENT_ID, MENU, seedBasics as seedDemoBasics } from '@/lib/seed';
