import { sql } from 'drizzle-orm';
import { getDb } from '../client';
import { rateLimits } from '../schema';

/**
 * Counts one hit in `bucket`'s fixed window of `windowMs` and returns the count so far and when the
 * window ends. Kept in the database so every instance shares it and a restart forgets nothing.
 */
export async function hitRateLimit(bucket: string, windowMs: number, now: number): Promise<{ count: number; resetAt: number }> {
  const windowStart = now - (now % windowMs);
  const row = getDb()
    .insert(rateLimits)
    .values({ bucket, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.bucket,
      set: {
        count: sql`case when ${rateLimits.windowStart} = ${windowStart} then ${rateLimits.count} + 1 else 1 end`,
        windowStart,
      },
    })
    .returning({ count: rateLimits.count })
    .get();
  return { count: row.count, resetAt: windowStart + windowMs };
}
