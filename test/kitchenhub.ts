// Posting KitchenHub webhooks in tests: the samples from the shared folder, signed like KitchenHub would.
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startFakeKitchenHub, type RunningFake } from '../scripts/fake-kitchenhub';
import type { StaffClient } from './api';
import { closeAfterFile } from './cleanup';
import { ROOT } from './paths';

export const HUB_SECRET = 'test-webhook-secret-0123456789';

const sample = (name: string) => fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'kitchenhub', name), 'utf8');
/** The seed's example Order object, verbatim (a completed delivery order). */
export const ORDER_EXAMPLE_TEXT = sample('order-example.json');
/** The same order, new and ASAP, in the webhook envelope. */
export const WEBHOOK_CREATED_TEXT = sample('webhook-order-created.json');

type Json = Record<string, unknown>;
export const orderExample = () => JSON.parse(ORDER_EXAMPLE_TEXT) as Json & { order: Json; timestamps: Json };

/** A fresh order (its own id) in the envelope, with `status` and any order fields changed. */
export function hubOrder(id: string | number, status: string, order: Json = {}, rest: Json = {}): string {
  const o = orderExample();
  o.order = { ...o.order, id: '__ID__', status, asap: true, ...order };
  const body = JSON.stringify({
    version: '2.0.0',
    event_data: { event_type: 'Order', status: status === 'new' ? 'OrderCreated' : 'OrderUpdated' },
    order: { ...o, ...rest },
  });
  return body.replace('"__ID__"', String(id)); // as a bare JSON number, like KitchenHub sends it
}

/** An HMAC of the body, for a server running with KITCHENHUB_WEBHOOK_AUTH=hmac (a proxy's scheme). */
export const sign = (body: string, secret = HUB_SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** The header KitchenHub sends with every delivery: the one we registered with our webhook (KITCHENHUB_WEBHOOK_SECRET in tests). */
export const WEBHOOK_HEADER = 'X-KDS-Webhook-Secret';
export const hubAuth = (secret = HUB_SECRET): Record<string, string> => ({ [WEBHOOK_HEADER]: secret });

/**
 * Posts a delivery as KitchenHub would ('registered': our registered header), or with other proof:
 * a header value of our own, an HMAC signature, or a ?token=.
 */
export async function postWebhook(
  baseUrl: string,
  body: string,
  auth: { header?: string; signature?: string; token?: string } | 'registered' = 'registered',
): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  let url = `${baseUrl}/api/kitchenhub/webhook`;
  if (auth === 'registered') Object.assign(headers, hubAuth());
  else {
    if (auth.header !== undefined) headers[WEBHOOK_HEADER] = auth.header;
    if (auth.signature) headers['X-KitchenHub-Signature'] = auth.signature;
    if (auth.token) url += `?token=${encodeURIComponent(auth.token)}`;
  }
  return fetch(url, { method: 'POST', headers, body });
}

/**
 * The spec-validating fake KitchenHub on a port of its own (scripts/fake-kitchenhub.ts), closed after the
 * test file, once the servers that call it have stopped. Pass it to startServer({ hub }).
 */
export async function startFakeHub(options: Parameters<typeof startFakeKitchenHub>[0] = {}): Promise<RunningFake> {
  const fake = await startFakeKitchenHub(options);
  closeAfterFile(() => fake.close(), 1);
  return fake;
}

/** The env that points a test server at a fake KitchenHub (its webhook secret is HUB_SECRET). */
export const fakeHubEnv = (fakeUrl: string): Record<string, string> => ({
  KITCHENHUB_WEBHOOK_SECRET: HUB_SECRET,
  KITCHENHUB_API_URL: fakeUrl,
  KITCHENHUB_CLIENT_ID: 'fake-client',
  KITCHENHUB_CLIENT_SECRET: 'fake-secret',
});

/**
 * What a manager does on the console: tells the server its public URL (here, its own address) and
 * presses Connect, which registers our webhook at the fake; from then on the fake's orders reach it.
 */
export async function connectHub(
  manager: StaffClient,
  serverUrl: string,
): Promise<{ ok: boolean; error: string | null }> {
  await manager.json('PUT', '/api/kitchenhub/settings', { public_url: serverUrl });
  return manager.json('POST', '/api/kitchenhub/connect', {});
}
