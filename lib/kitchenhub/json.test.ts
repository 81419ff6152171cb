import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseJsonKeepingBigInts } from './json';

describe('parseJsonKeepingBigInts', () => {
  test('keeps ids beyond 2^53 exact, as strings', () => {
    const parsed = parseJsonKeepingBigInts(
      '{"order":{"id":9007199254740993,"daily_number":15},"n":-12345678901234567890}',
    ) as {
      order: { id: unknown; daily_number: unknown };
      n: unknown;
    };
    expect(parsed.order.id).toBe('9007199254740993');
    expect(parsed.order.daily_number).toBe(15);
    expect(parsed.n).toBe('-12345678901234567890');
  });

  test('leaves safe numbers, decimals and look-alikes inside strings alone', () => {
    const text =
      '{"a":5501505922269184,"b":"9007199254740993","c":1.5e300,"d":"say \\"9007199254740993\\"","e":[1,-2,3.25]}';
    expect(parseJsonKeepingBigInts(text)).toEqual({
      a: 5501505922269184,
      b: '9007199254740993',
      c: 1.5e300,
      d: 'say "9007199254740993"',
      e: [1, -2, 3.25],
    });
  });

  test('agrees with JSON.parse on any JSON without unsafe integers', () => {
    fc.assert(
      fc.property(
        fc
          .jsonValue()
          .map((v) => JSON.stringify(v))
          .filter((t) => !/\d{16,}/.test(t)),
        (text) => {
          expect(parseJsonKeepingBigInts(text)).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('still rejects what is not JSON', () => {
    expect(() => parseJsonKeepingBigInts('{"id": 9007199254740993')).toThrow();
    expect(() => parseJsonKeepingBigInts('nope')).toThrow();
  });
});
