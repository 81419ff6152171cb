// First run: an install without a manager (demo data off) has no key and no PIN that works. At start
// the server prints a one-time setup token in its log (lib/first-run.ts); /setup takes it with the
// first manager's name and PIN. Only SHA-256 hashes of the tokens are stored; the first manager
// created deletes them all, so a token works once.
import { z } from 'zod';
import { addFirstManager } from '@/db/storage/admin';
import { listStaff } from '@/db/storage/staff';
import { clientAddress } from '../client-address';
import { ApiError } from '../errors';
import { responseHeaders } from '../http';
import { pinInUse, toStaffView } from '../manager/staff';
import type { SetupBody, StaffView } from '../manager/schemas';
import { enforceRateLimit } from '../rate-limit';
import { getSetting, setSetting } from '../settings';
import { hashPin, randomBase32, safeEqual, sha256 } from './crypto';
import { refuseCrossSite } from './staff';

/** Attempts per address per 15 minutes (and ten times that across all addresses). */
export const SETUP_ATTEMPTS_PER_15_MIN = 10;
/** Setup tokens kept: one per start, so a token printed by any recently started instance still works. */
const TOKENS_KEPT = 5;
const storedTokens = z.array(z.object({ hash: z.string(), at: z.number() }));

/** Whether the install still needs its first manager (no active manager exists). */
export async function needsSetup(): Promise<boolean> {
  return !(await listStaff()).some((m) => m.active && m.role === 'manager');
}

/**
 * A new setup token while no manager exists (its hash is stored beside the last few), or null once
 * one does (and the stored tokens are forgotten). The caller prints it.
 */
export async function issueSetupToken(now = Date.now()): Promise<string | null> {
  if (!(await needsSetup())) {
    if ((await getSetting('setup_tokens')).length > 0) await setSetting('setup_tokens', [], now);
    return null;
  }
  const token = `pbj_setup_${randomBase32(26)}`; // 130 random bits
  const kept = (await getSetting('setup_tokens')).slice(-(TOKENS_KEPT - 1));
  await setSetting('setup_tokens', [...kept, { hash: sha256(token), at: now }], now);
  return token;
}

/** Counts a setup attempt against the caller's address (429 after too many); refuses another site's form. */
export async function guardSetupAttempt(req: Request, now = Date.now()): Promise<void> {
  refuseCrossSite(req);
  const windowMs = 15 * 60_000;
  const message = 'Too many setup attempts. Wait a few minutes, then try again.';
  await enforceRateLimit({
    bucket: `setup:${clientAddress(req)}`,
    limit: SETUP_ATTEMPTS_PER_15_MIN,
    windowMs,
    headers: responseHeaders(req),
    now,
    message,
  });
  await enforceRateLimit({
    bucket: 'setup:*',
    limit: SETUP_ATTEMPTS_PER_15_MIN * 10,
    windowMs,
    headers: new Headers(),
    now,
    message,
  });
}

/** Whether `token` is one of the stored ones: every stored hash is compared, each in constant time. */
export function tokenMatches(token: string, stored: unknown): boolean {
  const parsed = storedTokens.safeParse(stored ?? []);
  const given = sha256(token);
  let match = false;
  for (const t of parsed.success ? parsed.data : []) match = safeEqual(t.hash, given) || match;
  return match;
}

/**
 * Creates the first manager with a valid setup token: 409 once a manager exists, 401 for a wrong
 * token. The tokens are deleted in the same transaction.
 */
export async function completeSetup(body: SetupBody, now = Date.now()): Promise<StaffView> {
  const pinHash = hashPin(body.pin); // scrypt: before the transaction, not inside it
  const member = await addFirstManager(({ active, tokens }) => {
    if (active.some((m) => m.role === 'manager'))
      throw new ApiError('conflict', 'This install is set up already: a manager exists. Sign in at /login.');
    if (!tokenMatches(body.token, tokens)) {
      throw new ApiError(
        'unauthorized',
        'That setup token is not right. Copy the newest one from the server log (a new one is printed at every start).',
        { field: 'token' },
      );
    }
    if (pinInUse(body.pin, active))
      throw new ApiError('conflict', 'Another active staff member already uses this PIN. Choose a different one.', {
        field: 'pin',
      });
    return { id: `stf_${randomBase32(12)}`, name: body.name, role: 'manager', pinHash, active: true, createdAt: now };
  });
  return toStaffView(member);
}
