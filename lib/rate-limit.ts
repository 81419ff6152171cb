import { hitRateLimit, readRateLimit, sweepRateLimits } from '@/db/storage/rate-limits';
import { ApiError } from './errors';

/** Whole seconds until `resetAt` (at least 1): what Retry-After says. */
const secondsUntil = (resetAt: number, now: number): number => Math.max(1, Math.ceil((resetAt - now) / 1000));

/** 429 rate_limited in our error shape, with Retry-After: every limit refuses with this. */
export const rateLimited = (message: string, retryAfterSeconds: number): ApiError =>
  new ApiError(
    'rate_limited',
    message,
    { retry_after: retryAfterSeconds },
    { 'Retry-After': String(retryAfterSeconds) },
  );

/**
 * Counts a request against `bucket` (at most `limit` per `windowMs`), writes RateLimit-* headers into
 * `headers` and throws 429 rate_limited with Retry-After once the window is used up.
 */
export async function enforceRateLimit(opts: {
  bucket: string;
  limit: number;
  windowMs: number;
  headers: Headers;
  now: number;
  message?: string;
}): Promise<void> {
  const { count, resetAt } = await hitRateLimit(opts.bucket, opts.windowMs, opts.now);
  const resetSeconds = secondsUntil(resetAt, opts.now);
  opts.headers.set('RateLimit-Limit', String(opts.limit));
  opts.headers.set('RateLimit-Remaining', String(Math.max(0, opts.limit - count)));
  opts.headers.set('RateLimit-Reset', String(resetSeconds));
  if (count > opts.limit) {
    throw rateLimited(
      opts.message ??
        `Too many requests: at most ${opts.limit} per ${Math.round(opts.windowMs / 1000)} seconds. Retry in ${resetSeconds} seconds.`,
      resetSeconds,
    );
  }
}

/** A budget only failures spend (wrong PINs): `check` refuses once it is spent, `spend` records one failure. */
export function failureBudget(opts: {
  bucket: string;
  limit: number;
  windowMs: number;
  message: (minutes: number) => string;
}) {
  return {
    async check(now: number): Promise<void> {
      const { count, resetAt } = await readRateLimit(opts.bucket, opts.windowMs, now);
      if (count < opts.limit) return;
      const resetSeconds = secondsUntil(resetAt, now);
      throw rateLimited(opts.message(Math.ceil(resetSeconds / 60)), resetSeconds);
    },
    spend: (now: number) => hitRateLimit(opts.bucket, opts.windowMs, now),
  };
}

const DAY = 24 * 60 * 60_000;

/**
 * Forgets buckets whose window ended long ago (every window is a day at most): each client address,
 * staff name typed and API key makes a row, so without this the table grows with every new visitor,
 * and an attacker could grow it on purpose. Run now and then by the background jobs; returns how many.
 */
export const sweepStaleRateLimits = (now: number): Promise<number> => sweepRateLimits(now - 2 * DAY);
