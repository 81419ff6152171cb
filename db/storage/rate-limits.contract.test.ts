// The rate-limit contract (./rate-limits.ts), on whichever database the run is configured for (see pick.ts).
import { describe, expect, test } from 'vitest';
import { newOrderId } from '@/test/storage-fixtures';
import { hitRateLimit, readRateLimit, sweepRateLimits } from './rate-limits';

describe('rate limits', () => {
  test('hitRateLimit counts within a window and starts again in the next', async () => {
    const bucket = `test:${newOrderId()}`;
    expect(await hitRateLimit(bucket, 60_000, 120_000)).toEqual({ count: 1, resetAt: 180_000 });
    expect(await hitRateLimit(bucket, 60_000, 179_999)).toEqual({ count: 2, resetAt: 180_000 });
    expect(await hitRateLimit(bucket, 60_000, 180_000)).toEqual({ count: 1, resetAt: 240_000 });
    expect(await hitRateLimit(`other:${bucket}`, 60_000, 180_001)).toEqual({ count: 1, resetAt: 240_000 }); // buckets are separate
  });

  test('windows are aligned to the epoch, and times past 2^31 ms count like any other', async () => {
    const bucket = `test:${newOrderId()}`;
    const now = 1_900_000_123_456;
    expect(await hitRateLimit(bucket, 900_000, now)).toEqual({ count: 1, resetAt: now - (now % 900_000) + 900_000 });
  });

  test('parallel hits in one window each get a different count: 1..n exactly once', async () => {
    const bucket = `test:${newOrderId()}`;
    const n = 50;
    const hits = await Promise.all(Array.from({ length: n }, (_, i) => hitRateLimit(bucket, 60_000, 600_000 + i)));
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(new Set(hits.map((h) => h.resetAt))).toEqual(new Set([660_000]));
    expect((await hitRateLimit(bucket, 60_000, 600_001)).count).toBe(n + 1);
  });

  test('readRateLimit reads the current window without counting', async () => {
    const bucket = `test:${newOrderId()}`;
    expect(await readRateLimit(bucket, 60_000, 120_000)).toEqual({ count: 0, resetAt: 180_000 });
    await hitRateLimit(bucket, 60_000, 120_000);
    await hitRateLimit(bucket, 60_000, 120_001);
    expect(await readRateLimit(bucket, 60_000, 150_000)).toEqual({ count: 2, resetAt: 180_000 });
    expect(await readRateLimit(bucket, 60_000, 150_000)).toEqual({ count: 2, resetAt: 180_000 }); // a look counts nothing
    expect(await readRateLimit(bucket, 60_000, 180_000)).toEqual({ count: 0, resetAt: 240_000 }); // a new window
  });

  test('sweepRateLimits deletes the buckets whose window began before a time, and only those', async () => {
    const old = `test:${newOrderId()}`;
    const live = `test:${newOrderId()}`;
    await hitRateLimit(old, 60_000, 1_000);
    await hitRateLimit(live, 60_000, 5_000_000);
    expect(await sweepRateLimits(4_000_000)).toBeGreaterThanOrEqual(1);
    expect(await readRateLimit(old, 60_000, 30_000)).toEqual({ count: 0, resetAt: 60_000 }); // gone
    expect(await readRateLimit(live, 60_000, 5_000_000)).toEqual({ count: 1, resetAt: 5_040_000 });
  });
});
