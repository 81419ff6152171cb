// Shared pieces of the "no input yields a 5xx" fuzz tests.
import fc from 'fast-check';
import { expect } from 'vitest';
import { MENU } from '@/lib/seed';

/** Fails unless the answer is below 500 and, for a 4xx, has the seed's error shape; returns the status. */
export async function expectHandled(res: Response): Promise<number> {
  const text = await res.text();
  expect(res.status, text).toBeLessThan(500);
  if (res.status >= 400)
    expect(JSON.parse(text)).toEqual(
      expect.objectContaining({ error: expect.any(String), message: expect.any(String) }),
    );
  return res.status;
}

/** Mostly `valid`, now and then a wrong value, so a fuzz reaches the menu and storage too. */
export const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof(
    { arbitrary: valid, weight: 6 },
    { arbitrary: fc.string(), weight: 1 },
    { arbitrary: fc.jsonValue(), weight: 1 },
  );

/** A menu option of `type`, mostly. */
export const menuOption = (type: keyof typeof MENU) => mostly(fc.constantFrom(...MENU[type].map(([o]) => o)));
