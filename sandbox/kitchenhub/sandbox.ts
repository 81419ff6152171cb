// The demo's KitchenHub: the spec-following fake (./fake-hub.ts) mounted in this app at
// /api/kitchenhub/sandbox when demo mode is on and no real API is configured, so a new user sees
// orders arrive by webhook and our accept/complete calls land, right after `npm start`. It answers
// only operations of KitchenHub's openapi-v2.json, and sends its orders to the webhook we register
// with it, carrying the headers we registered. One per process, on globalThis (route handlers and
// the job's module copies share it).
import { notFound } from '@/lib/errors';
import { sandboxClient, sandboxOn } from '@/lib/demo';
import { registerWebhook } from '@/lib/kitchenhub/registration';
import { FakeKitchenHub } from './fake-hub';

const KEY = Symbol.for('kds.kitchenhub.sandbox');
const holder = globalThis as unknown as { [KEY]?: FakeKitchenHub };

/** The sandbox, or 404 while it is off (demo data off and KITCHENHUB_SANDBOX not true). */
export async function sandbox(): Promise<FakeKitchenHub> {
  if (!(await sandboxOn())) throw notFound('endpoint');
  const existing = holder[KEY];
  if (existing) return existing;
  const client = await sandboxClient(); // generated once per install
  return (holder[KEY] ??= new FakeKitchenHub({ ...client, adoptUnknownOrders: true }));
}

/** "Simulate incoming order": the sandbox takes a realistic order (ASAP, or scheduled an hour out) and sends it to our webhook. */
export async function simulateIncomingOrder(kind: 'asap' | 'scheduled') {
  const hub = await sandbox();
  // The sandbox keeps its webhooks in memory: after a restart, or before the start-up registration
  // has run, it has none, so register ours now rather than send the order nowhere.
  if (![...hub.webhooks.values()].some((w) => w.webhook_type === 'Order')) await registerWebhook();
  const { order, webhooks } = await hub.createOrder(kind === 'scheduled' ? { status: 'scheduled', scheduledInMinutes: 60 } : { status: 'new' });
  const sent = webhooks[0];
  return {
    hub_order_id: order.order.id,
    webhook_status: sent?.httpStatus ?? null,
    webhook_error: sent ? sent.error : 'No webhook is registered with the sandbox yet: press Connect in Manager → KitchenHub.',
  };
}
