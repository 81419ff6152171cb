// Staff sign-in by name and PIN, with a signed HttpOnly session cookie. Sessions live in the database so a
// restart or a second instance keeps everyone signed in.
import {
  deleteSession,
  deleteStaffSessions,
  findSessionStaff,
  insertSession,
  listActiveStaffWithPins,
  touchSession,
  type StaffMember,
  type StaffRole,
} from '@/db/storage/staff';
import { clientAddress } from '../client-address';
import { env } from '../env';
import { ApiError, forbidden } from '../errors';
import { originOf, responseHeaders } from '../http';
import { enforceRateLimit, failureBudget } from '../rate-limit';
import { sessionSecret } from '../settings';
import { hmac, randomToken, safeEqual, sha256, verifyPin } from './crypto';
import { DEVICE_COOKIE, DEVICE_MAX_AGE_MS, newDeviceMark, trustedDeviceId } from './device';

export type { StaffMember, StaffRole };
export const SESSION_COOKIE = 'kds_session';
const SESSION_MS = 14 * 24 * 60 * 60_000; // a wall tablet stays signed in for two weeks of shifts

/** How sign-in matches a name: case and spacing as typed do not matter. */
export const nameKey = (name: string): string => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

const MINUTE = 60_000;

/**
 * Signs in by name and PIN (401 when they do not match, 429 past a limit); returns the session cookie
 * value, and a trusted-device mark when a manager signs in on a device not yet trusted.
 *
 * Limits: wrong PINs per staff name (LOGIN_FAILURES_PER_NAME per 15 minutes, 4× that per day), and all
 * attempts per client address and across the install. A trusted device (./device.ts) skips the last
 * two, and its wrong PINs spend a budget of its own, so a lock-out from the internet never reaches
 * the kitchen's tablets. The name's budget is spent whether or not anyone has that name, so a
 * lock-out says nothing about who works here.
 */
export async function signIn(
  req: Request,
  name: string,
  pin: string,
  now = Date.now(),
): Promise<{ staff: StaffMember; cookie: string; deviceMark?: string }> {
  refuseCrossSite(req); // login CSRF: another site must not sign this tablet in as someone else
  const { LOGIN_ATTEMPTS_PER_15_MIN: limit, LOGIN_FAILURES_PER_NAME: failures } = env();
  const device = await trustedDeviceId(readCookie(req, DEVICE_COOKIE));
  const message = 'Too many sign-in attempts. Wait a few minutes, then try again.';
  const windowMs = 15 * MINUTE;
  if (!device) {
    await enforceRateLimit({
      bucket: `login:${clientAddress(req)}`,
      limit,
      windowMs,
      headers: responseHeaders(req),
      now,
      message,
    });
    await enforceRateLimit({ bucket: 'login:*', limit: limit * 10, windowMs, headers: new Headers(), now, message });
  }
  const key = nameKey(name);
  const locked = (minutes: number) =>
    `Too many wrong PINs for this name. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask a manager.`;
  const budgets = device
    ? [failureBudget({ bucket: `login-fail:${key}:device:${device}`, limit: failures * 2, windowMs, message: locked })]
    : [
        failureBudget({ bucket: `login-fail:${key}`, limit: failures, windowMs, message: locked }),
        failureBudget({
          bucket: `login-fail-day:${key}`,
          limit: failures * 4,
          windowMs: 24 * 60 * MINUTE,
          message: locked,
        }),
      ];
  for (const b of budgets) await b.check(now);
  // Only the named members' PINs are checked (scrypt per check): PINs are unique among active staff.
  const member = (await listActiveStaffWithPins()).find((m) => nameKey(m.name) === key && verifyPin(pin, m.pinHash));
  if (!member) {
    for (const b of budgets) await b.spend(now);
    throw new ApiError('unauthorized', 'That name and PIN do not match. Try again.');
  }
  const token = randomToken();
  await insertSession({ tokenHash: sha256(token), staffId: member.id, createdAt: now, expiresAt: now + idleMs() });
  const { pinHash: _p, ...staff } = member;
  const cookie = `${token}.${hmac(await sessionSecret(), token)}`;
  return member.role === 'manager' && !device
    ? { staff, cookie, deviceMark: await newDeviceMark() }
    : { staff, cookie };
}

const idleMs = () => env().SESSION_IDLE_MINUTES * MINUTE;

async function tokenFrom(cookieValue: string | undefined): Promise<string | undefined> {
  if (!cookieValue) return undefined;
  const dot = cookieValue.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const token = cookieValue.slice(0, dot);
  return safeEqual(cookieValue.slice(dot + 1), hmac(await sessionSecret(), token)) ? token : undefined;
}

/**
 * The staff member behind a session cookie value, if it is signed by us and neither idle past
 * SESSION_IDLE_MINUTES nor older than SESSION_MS. Each use pushes the idle expiry on (written at most
 * once a minute per session, so a busy kitchen screen costs no write per request).
 */
export async function staffFromCookie(
  cookieValue: string | undefined,
  now = Date.now(),
): Promise<StaffMember | undefined> {
  const token = await tokenFrom(cookieValue);
  if (!token) return undefined;
  const tokenHash = sha256(token);
  const found = await findSessionStaff(tokenHash, now);
  if (!found) return undefined;
  const expiresAt = Math.min(found.createdAt + SESSION_MS, now + idleMs());
  if (expiresAt - found.expiresAt > Math.min(MINUTE, idleMs() / 10)) await touchSession(tokenHash, expiresAt);
  return found.member;
}

/** Signs a staff member out on every device (a lost tablet, a shared PIN); returns how many sessions ended. */
export const signOutEverywhere = (staffId: string, now = Date.now()): Promise<number> =>
  deleteStaffSessions(staffId, now);

/** Ends the session the request's cookie names (nothing to end without one). */
export async function signOut(req: Request): Promise<void> {
  refuseCrossSite(req);
  const token = await tokenFrom(readCookie(req, SESSION_COOKIE));
  if (token) await deleteSession(sha256(token));
}

export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Managers may do everything kitchen staff may. */
export const hasRole = (m: StaffMember, role: StaffRole): boolean => role === 'kitchen' || m.role === 'manager';

/**
 * The signed-in staff member of a route handler's request: 401 without a session, 403 without the
 * role, and 403 for a state-changing request another site made the browser send (see refuseCrossSite).
 */
export async function requireStaff(req: Request, role: StaffRole = 'kitchen'): Promise<StaffMember> {
  const member = await staffFromCookie(readCookie(req, SESSION_COOKIE));
  if (!member) throw new ApiError('unauthorized', 'Sign in as staff first.');
  if (!hasRole(member, role)) throw forbidden(`Only a ${role} can do this.`);
  refuseCrossSite(req);
  return member;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a browser sent this state-changing request on another site's behalf (cross-site request
 * forgery). The session cookie is SameSite=Lax already; this is the second lock, and it also covers a
 * sibling subdomain, which SameSite counts as the same site.
 *
 * - `Origin` present (every browser sends it on POST, PUT, PATCH and DELETE): it must be exactly the
 *   origin the client reached us at, as `originOf` (lib/http.ts) reads it: the Host header, or a
 *   trusted proxy's X-Forwarded-Host/-Proto when TRUST_PROXY is on. `Origin: null` (a sandboxed frame,
 *   a privacy redirect) is refused too.
 * - No `Origin`: a browser that omits it still sends `Sec-Fetch-Site`; only `same-origin` and `none`
 *   (the user's own action, e.g. the address bar) pass.
 * - Neither header: not a browser (curl, scripts, the tests, a kiosk's own tooling). Such a client
 *   holds the cookie itself and cannot be tricked by another site into sending it, so it passes.
 *   Refusing it would protect nothing and break every non-browser staff tool.
 *
 * The public /v1 API (X-API-Key, CORS for any origin) and the KitchenHub webhook never read a session,
 * so this never reaches them.
 */
export function isCrossSite(req: Pick<Request, 'method' | 'headers'>, ourOrigin: string): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return false;
  const origin = req.headers.get('origin');
  if (origin !== null) return origin.trim().toLowerCase() !== ourOrigin.toLowerCase();
  const site = req.headers.get('sec-fetch-site');
  return site !== null && site !== 'same-origin' && site !== 'none';
}

/** 403 forbidden, changing nothing, for a state-changing request sent from another site. */
export function refuseCrossSite(req: Request): void {
  if (isCrossSite(req, originOf(req)))
    throw forbidden('This request came from another site. Use the kitchen display itself.');
}

export function sessionCookieHeader(req: Request, value: string, maxAgeMs = SESSION_MS): string {
  return cookieHeader(req, SESSION_COOKIE, value, maxAgeMs);
}

/** The cookie that marks a device a manager has signed in on as trusted (./device.ts). */
export const deviceCookieHeader = (req: Request, mark: string): string =>
  cookieHeader(req, DEVICE_COOKIE, mark, DEVICE_MAX_AGE_MS);

function cookieHeader(req: Request, name: string, value: string, maxAgeMs: number): string {
  // Secure over HTTPS, also when a proxy terminating TLS says so. X-Forwarded-Proto is believed here
  // even without TRUST_PROXY: a forged one only makes the forger's own cookie stricter.
  const secure = new URL(req.url).protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
  return [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.floor(maxAgeMs / 1000)}`,
    secure ? 'Secure' : '',
  ]
    .filter(Boolean)
    .join('; ');
}
