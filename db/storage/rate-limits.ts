// Rate-limit counters, kept in the database so every instance shares them (see pick.ts).
import { sqliteRateLimits } from '../sqlite/rate-limits';
import { pgRateLimits } from '../pg/rate-limits';
import { pick } from './pick';

/** Hits counted in a bucket's current window, and when that window ends. */
export type WindowCount = { count: number; resetAt: number };

export interface RateLimitsStorage {
  /**
   * Counts one hit in `bucket`'s fixed window of `windowMs` and returns the count so far and when the
   * window ends. Kept in the database so every instance shares it and a restart forgets nothing.
   */
  hitRateLimit: (bucket: string, windowMs: number, now: number) => Promise<WindowCount>;
  /** The hits counted in `bucket`'s current window so far, counting none (a look before a hit that only failures make). */
  readRateLimit: (bucket: string, windowMs: number, now: number) => Promise<WindowCount>;
  /** Deletes the buckets whose window began before `before` (every window is a day at most): returns how many. */
  sweepRateLimits: (before: number) => Promise<number>;
}

export const rateLimitsStorage = pick<RateLimitsStorage>(sqliteRateLimits, pgRateLimits);
export const { hitRateLimit, readRateLimit, sweepRateLimits } = rateLimitsStorage;
