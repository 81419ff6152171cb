// The lease contract (./leases.ts), on whichever database the run is configured for (see pick.ts).
import { describe, expect, test } from 'vitest';
import { newOrderId } from '@/test/storage-fixtures';
import { readLease, releaseLease, tryLease } from './leases';

describe('leases', () => {
  test('one holder at a time until it expires; the holder may renew; release frees it', async () => {
    const name = `test:${newOrderId()}`;
    expect(await readLease(name)).toBeUndefined();
    expect(await tryLease(name, 'a', 1_000, 500)).toBe(true);
    expect(await tryLease(name, 'b', 1_200, 500)).toBe(false);
    expect(await readLease(name)).toEqual({ holder: 'a', until: 1_500 });
    expect(await tryLease(name, 'a', 1_400, 500)).toBe(true); // renewal
    expect(await tryLease(name, 'b', 1_800, 500)).toBe(false);
    expect(await tryLease(name, 'b', 1_900, 500)).toBe(true); // expired at 1_900
    await releaseLease(name, 'a'); // not a's any more: nothing happens
    expect((await readLease(name))?.holder).toBe('b');
    await releaseLease(name, 'b');
    expect(await tryLease(name, 'c', 1_901, 500)).toBe(true);
  });

  test('of many asking at once, exactly one gets a free lease', async () => {
    const name = `test:${newOrderId()}`;
    const got = await Promise.all(Array.from({ length: 20 }, (_, i) => tryLease(name, `h${i}`, 5_000, 1_000)));
    expect(got.filter(Boolean)).toHaveLength(1);
  });
});
