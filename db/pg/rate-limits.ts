// db/storage/rate-limits.ts's contract on PostgreSQL.
import { and, eq, lt, sql } from 'drizzle-orm';
import { pgDb } from './client';
import { rateLimits } from './schema';

/**
 * Counts one hit in `bucket`'s fixed window of `windowMs` and returns the count so far and when the
 * window ends. Kept in the database so every instance shares it and a restart forgets nothing.
 */
export async function hitRateLimit(
  bucket: string,
  windowMs: number,
  now: number,
): Promise<{ count: number; resetAt: number }> {
  const windowStart = now - (now % windowMs);
  const db = await pgDb();
  // One statement: the upsert locks the bucket's row, so hits from every instance count exactly once.
  // `excluded` is the row this hit would insert: a hit in a new window restarts the count.
  const [row] = await db
    .insert(rateLimits)
    .values({ bucket, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.bucket,
      set: {
        count: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.count} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: rateLimits.count });
  if (!row) throw new Error(`rate limit upsert for ${bucket} returned no row`); // an upsert always returns its row
  return { count: row.count, resetAt: windowStart + windowMs };
}

/** The hits counted in `bucket`'s current window so far, counting none (a look before a hit that only failures make). */
export async function readRateLimit(
  bucket: string,
  windowMs: number,
  now: number,
): Promise<{ count: number; resetAt: number }> {
  const windowStart = now - (now % windowMs);
  const db = await pgDb();
  const [row] = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.bucket, bucket), eq(rateLimits.windowStart, windowStart)));
  return { count: row?.count ?? 0, resetAt: windowStart + windowMs };
}

/** Deletes the buckets whose window began before `before` (every window is a day at most): returns how many. */
export async function sweepRateLimits(before: number): Promise<number> {
  const db = await pgDb();
  const gone = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, before))
    .returning({ bucket: rateLimits.bucket });
  return gone.length;
}

/** db/storage/rate-limits.ts's RateLimitsStorage on PostgreSQL (db/storage checks it against the contract). */
export const pgRateLimits = {
  hitRateLimit,
  readRateLimit,
  sweepRateLimits,
};
