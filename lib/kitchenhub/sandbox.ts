// The demo's KitchenHub: the fake (lib/kitchenhub/fake-hub.ts) mounted in this app at
// /api/kitchenhub/sandbox when demo mode is on and no real API is configured, so a new user can see
// orders arrive by webhook and our accept/complete calls land, right after `npm start`. One per
// process, on globalThis (route handlers and the outbox worker's module copies share it).
import { env } from '../env';
import { notFound } from '../errors';
import { hubConfig, SANDBOX_CLIENT, sandboxEnabled } from './config';
import { FakeKitchenHub } from './fake-hub';

const KEY = Symbol.for('kds.kitchenhub.sandbox');
const holder = globalThis as unknown as { [KEY]?: FakeKitchenHub };

/** The sandbox, or 404 when demo mode is off. */
export function sandbox(): FakeKitchenHub {
  if (!sandboxEnabled()) throw notFound('endpoint');
  return (holder[KEY] ??= new FakeKitchenHub({
    ...SANDBOX_CLIENT,
    adoptUnknownOrders: true,
    webhook: async () => ({ url: `http://127.0.0.1:${env().PORT}/api/kitchenhub/webhook`, secret: (await hubConfig()).webhookSecret.value }),
  }));
}

/** "Simulate incoming order": the sandbox sends a realistic new order (ASAP, or scheduled an hour out) to our webhook. */
export async function simulateIncomingOrder(kind: 'asap' | 'scheduled') {
  const { order, webhook } = await sandbox().createOrder(kind === 'scheduled' ? { status: 'scheduled', scheduledInMinutes: 60 } : { status: 'new' });
  return { hub_order_id: order.order.id, webhook_status: webhook?.httpStatus ?? null, webhook_error: webhook?.error ?? null };
}
