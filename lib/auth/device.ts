// Trusted devices: a tablet a manager has signed in on. Its sign-ins skip the limits that count per
// network address and across the whole install, so someone guessing PINs from the internet (who is
// counted there, and locks those limits) never locks the kitchen out; they still have a wrong-PIN
// budget of their own per staff name. The mark is a signed cookie (the session secret lives in the
// database, so every instance can check it); rotating SESSION_SECRET forgets every trusted device.
import { hmac, randomToken, safeEqual } from './crypto';
import { sessionSecret } from '../settings';

export const DEVICE_COOKIE = 'kds_device';
const DEVICE_MS = 400 * 24 * 60 * 60_000; // the longest a browser keeps a cookie

const sign = async (id: string) => hmac(await sessionSecret(), `device:${id}`);

/** A new trusted-device cookie value. */
export async function newDeviceMark(): Promise<string> {
  const id = randomToken(12);
  return `${id}.${await sign(id)}`;
}

/** The trusted device's id a cookie value names, if we signed it. */
export async function trustedDeviceId(cookieValue: string | undefined): Promise<string | undefined> {
  if (!cookieValue) return undefined;
  const dot = cookieValue.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const id = cookieValue.slice(0, dot);
  return safeEqual(cookieValue.slice(dot + 1), await sign(id)) ? id : undefined;
}

export const DEVICE_MAX_AGE_MS = DEVICE_MS;
