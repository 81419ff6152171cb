// Webhook deliveries that fail authentication (issue 25, item 4). Anyone can post to the webhook's
// URL, so a refusal must cost a bounded amount: every one is counted, only a sample is written to the
// deliveries log (enough for a manager to see who is knocking and why), and one address refused again
// and again gets 429 instead of 401. The counters are rate-limit windows in the database, so every
// instance adds to the same counts and a restart forgets nothing.
import { hitRateLimit, readRateLimit } from '@/db/storage/rate-limits';
import * as storage from '@/db/storage/kitchenhub';
import { ApiError } from '../errors';
import { enforceRateLimit } from '../rate-limit';
import type * as z from 'zod/mini';
import type { refusalCountsSchema } from './delivery-log';
import type { Delivery } from './types';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Refused deliveries written to the deliveries log per minute, across all addresses: the rest are only counted. */
export const REFUSALS_LOGGED_PER_MINUTE = 10;
/** Refusals one client address is answered 401 per minute; past them, 429 rate_limited (counted, never logged). */
export const REFUSALS_PER_ADDRESS_PER_MINUTE = 30;

const BUCKET = {
  day: 'kitchenhub-refused:day',
  minute: 'kitchenhub-refused:minute',
  address: (a: string) => `kitchenhub-refused:${a}`,
};

/**
 * How many deliveries failed authentication, for the deliveries log: `today` since `today_since`
 * (00:00 UTC), logged or not; `this_minute`; at most `logged_per_minute` a minute have a row.
 */
export type RefusalCounts = z.infer<typeof refusalCountsSchema>;

/**
 * Counts one delivery that failed authentication, logs it if this minute's sample has room, and
 * throws: 401 unauthorized with `reason`, or 429 once `address` has been refused too often this minute.
 */
export async function refuseDelivery(
  d: { address: string; reason: string; delivery: Delivery },
  now: number,
): Promise<never> {
  await hitRateLimit(BUCKET.day, DAY, now);
  const { count } = await hitRateLimit(BUCKET.minute, MINUTE, now);
  // The 429 carries Retry-After in the error itself; RateLimit-* headers would only describe refusals.
  await enforceRateLimit({
    bucket: BUCKET.address(d.address),
    limit: REFUSALS_PER_ADDRESS_PER_MINUTE,
    windowMs: MINUTE,
    headers: new Headers(),
    now,
    message:
      'Too many webhook deliveries from this address failed authentication. Check the secret KitchenHub sends, then retry later.',
  });
  // Nothing of an unauthenticated body is trusted or kept: only that it came, and why it was refused.
  if (count <= REFUSALS_LOGGED_PER_MINUTE)
    await storage.recordDelivery({ ...d.delivery, body: '', outcome: 'unauthorized', error: d.reason });
  throw new ApiError('unauthorized', d.reason);
}

/** Today's and this minute's count of refused deliveries, for the manager's deliveries log. */
export async function refusalCounts(now = Date.now()): Promise<RefusalCounts> {
  const [day, minute] = await Promise.all([
    readRateLimit(BUCKET.day, DAY, now),
    readRateLimit(BUCKET.minute, MINUTE, now),
  ]);
  return {
    today: day.count,
    today_since: day.resetAt - DAY,
    this_minute: minute.count,
    logged_per_minute: REFUSALS_LOGGED_PER_MINUTE,
  };
}
