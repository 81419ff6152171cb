import { createHash, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Random text from an alphabet of lowercase base32 (unambiguous in URLs and on screens). */
export function randomBase32(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[(bytes[i] ?? 0) & 31];
  return out;
}

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export function hmac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}

/** Compares two strings in time independent of where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// PINs are short: scrypt makes each guess cost, and sign-in attempts are rate limited besides.
const SCRYPT = { N: 4096, r: 8, p: 1 };
export function hashPin(pin: string): string {
  const salt = randomBytes(16).toString('hex');
  return `${salt}:${scryptSync(pin, salt, 32, SCRYPT).toString('hex')}`;
}
export function verifyPin(pin: string, stored: string): boolean {
  const [salt, hash] = stored.split(':');
  if (!salt || !hash) return false;
  return safeEqual(scryptSync(pin, salt, 32, SCRYPT).toString('hex'), hash);
}
