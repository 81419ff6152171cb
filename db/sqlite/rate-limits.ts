import { and, eq, lt, sql } from 'drizzle-orm';
import { getDb, preparedOnce } from '../client';
import { rateLimits } from '../schema';

// One upsert per API request: prepared once per connection. `excluded` is the row this hit would
// insert, so a hit in a new window restarts the count and one in the same window adds to it.
const statements = preparedOnce('rate-limits', (db) => ({
  hit: db
    .insert(rateLimits)
    .values({ bucket: sql.placeholder('bucket'), windowStart: sql.placeholder('windowStart'), count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.bucket,
      set: {
        count: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.count} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: rateLimits.count })
    .prepare(),
  peek: db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(
      and(eq(rateLimits.bucket, sql.placeholder('bucket')), eq(rateLimits.windowStart, sql.placeholder('windowStart'))),
    )
    .prepare(),
}));

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
  const row = statements().hit.get({ bucket, windowStart });
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
  return { count: statements().peek.get({ bucket, windowStart })?.count ?? 0, resetAt: windowStart + windowMs };
}

/** Deletes the buckets whose window began before `before` (every window is a day at most): returns how many. */
export async function sweepRateLimits(before: number): Promise<number> {
  return getDb().delete(rateLimits).where(lt(rateLimits.windowStart, before)).run().changes;
}

/** db/storage/rate-limits.ts's RateLimitsStorage on the SQLite file (db/storage checks it against the contract). */
export const sqliteRateLimits = {
  hitRateLimit,
  readRateLimit,
  sweepRateLimits,
};
