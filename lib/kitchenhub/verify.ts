// Is a webhook delivery KitchenHub's? KitchenHub signs nothing: it sends, on every call, the
// `authorization_headers` we registered with our webhook (POST /v2/webhooks/). So by default a
// delivery must carry our secret header (./registration.ts), compared in constant time against the
// current secret, the one being registered, and the one it replaced during a short overlap.
// For a proxy in front of us that signs or rewrites deliveries, KITCHENHUB_WEBHOOK_AUTH=hmac
// (X-KitchenHub-Signature: sha256=<hex HMAC of the raw body>) or =token (?token=<secret>) use
// KITCHENHUB_WEBHOOK_SECRET instead.
import { createHmac } from 'node:crypto';
import { safeEqual, sha256 } from '../auth/crypto';
import { env } from '../env';
import { getSetting } from '../settings';

/** The header we register with our webhook; KitchenHub sends it with every delivery. */
export const WEBHOOK_SECRET_HEADER = 'X-KDS-Webhook-Secret';
export const SIGNATURE_HEADER = 'X-KitchenHub-Signature';

export const signBody = (secret: string, body: string | Uint8Array) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export type Verdict = { ok: true } | { ok: false; reason: string };

async function verifyHeader(given: string | null, now: number): Promise<Verdict> {
  const configured = env().KITCHENHUB_WEBHOOK_SECRET;
  const hook = await getSetting('kitchenhub_webhook');
  const accepted = configured
    ? [sha256(configured)]
    : [
        hook.secretHash,
        hook.nextSecretHash,
        hook.previousUntil !== null && hook.previousUntil > now ? hook.previousSecretHash : null,
      ].filter((h): h is string => h !== null);
  if (accepted.length === 0)
    return {
      ok: false,
      reason: 'No KitchenHub webhook is registered yet: connect KitchenHub in Manager → KitchenHub.',
    };
  if (given === null)
    return { ok: false, reason: `The ${WEBHOOK_SECRET_HEADER} header registered with our webhook is missing.` };
  const hash = sha256(given);
  // Every candidate is compared (no early exit), each in constant time.
  const matches = accepted.map((h) => safeEqual(hash, h)).some(Boolean);
  return matches
    ? { ok: true }
    : { ok: false, reason: `The ${WEBHOOK_SECRET_HEADER} header does not match our webhook's secret.` };
}

/** Authenticity before anything is parsed. `body` is the raw bytes as received. */
export async function verifyWebhook(
  input: { body: string | Uint8Array; headers: Headers; url: string },
  now = Date.now(),
): Promise<Verdict> {
  const { KITCHENHUB_WEBHOOK_AUTH: mode, KITCHENHUB_WEBHOOK_SECRET: secret } = env();
  if (mode === 'header') return verifyHeader(input.headers.get(WEBHOOK_SECRET_HEADER), now);
  if (!secret) return { ok: false, reason: `KITCHENHUB_WEBHOOK_AUTH=${mode} needs KITCHENHUB_WEBHOOK_SECRET.` };
  if (mode === 'hmac') {
    const given = input.headers.get(SIGNATURE_HEADER)?.trim().toLowerCase();
    if (!given) return { ok: false, reason: `The ${SIGNATURE_HEADER} header is missing.` };
    return safeEqual(given.startsWith('sha256=') ? given : `sha256=${given}`, signBody(secret, input.body))
      ? { ok: true }
      : { ok: false, reason: `The ${SIGNATURE_HEADER} header does not match the body.` };
  }
  const token = new URL(input.url).searchParams.get('token');
  if (token === null) return { ok: false, reason: 'The webhook URL has no ?token=.' };
  return safeEqual(token, secret) ? { ok: true } : { ok: false, reason: 'The webhook token is not right.' };
}
