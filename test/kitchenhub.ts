// Posting KitchenHub webhooks in tests: the samples from the shared folder, signed like KitchenHub would.
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
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
  const body = JSON.stringify({ version: '2.0.0', event_data: { event_type: 'Order', status: status === 'new' ? 'OrderCreated' : 'OrderUpdated' }, order: { ...o, ...rest } });
  return body.replace('"__ID__"', String(id)); // as a bare JSON number, like KitchenHub sends it
}

export const sign = (body: string, secret = HUB_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export async function postWebhook(baseUrl: string, body: string, auth: { signature?: string; token?: string } | 'sign' = 'sign'): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  let url = `${baseUrl}/api/kitchenhub/webhook`;
  if (auth === 'sign') headers['X-KitchenHub-Signature'] = sign(body);
  else {
    if (auth.signature) headers['X-KitchenHub-Signature'] = auth.signature;
    if (auth.token) url += `?token=${encodeURIComponent(auth.token)}`;
  }
  return fetch(url, { method: 'POST', headers, body });
}
