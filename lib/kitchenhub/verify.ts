import { createHmac } from 'node:crypto';
import { safeEqual } from '../auth/crypto';
import { hubConfig } from './config';

export const SIGNATURE_HEADER = 'X-KitchenHub-Signature';

/** The webhook secret: KITCHENHUB_WEBHOOK_SECRET, or the one a manager set in the console. */
export async function webhookSecret(): Promise<string | null> {
  return (await hubConfig()).webhookSecret.value;
}

export const signBody = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * Authenticity before anything is parsed: an HMAC-SHA256 of the raw body in X-KitchenHub-Signature
 * (`sha256=<hex>` or bare hex), or the secret as `?token=` in the webhook URL (KitchenHub documents
 * no signature scheme, so a token in the URL is what its dashboard can send). Constant-time compares.
 */
export async function verifyWebhook(input: { body: string; signature: string | null; url: string }): Promise<{ ok: true } | { ok: false; reason: string }> {
  const secret = await webhookSecret();
  if (!secret) return { ok: false, reason: 'No KitchenHub webhook secret is configured: set one in Manager → KitchenHub or in KITCHENHUB_WEBHOOK_SECRET.' };
  if (input.signature) {
    const given = input.signature.trim().toLowerCase();
    const expected = signBody(secret, input.body);
    if (safeEqual(given.startsWith('sha256=') ? given : `sha256=${given}`, expected)) return { ok: true };
    return { ok: false, reason: `The ${SIGNATURE_HEADER} header does not match the body.` };
  }
  const token = new URL(input.url).searchParams.get('token');
  if (token !== null) return safeEqual(token, secret) ? { ok: true } : { ok: false, reason: 'The webhook token is not right.' };
  return { ok: false, reason: `Sign the body with HMAC-SHA256 in ${SIGNATURE_HEADER}, or add ?token=<secret> to the webhook URL.` };
}
