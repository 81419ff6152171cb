import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ApiError } from './errors';
import { jsonText, nestsDeeperThan } from './http';

const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('nestsDeeperThan', () => {
  test('counts objects and arrays, not brackets inside strings or after escaped quotes', () => {
    expect(nestsDeeperThan(nested(32), 32)).toBe(false);
    expect(nestsDeeperThan(nested(33), 32)).toBe(true);
    expect(nestsDeeperThan('[[[[1]]]]', 3)).toBe(true);
    expect(nestsDeeperThan(`{"s":"${'[{'.repeat(100)}"}`, 1)).toBe(false);
    expect(nestsDeeperThan(`{"s":"\\"${'['.repeat(100)}"}`, 1)).toBe(false); // \" does not end the string
    expect(nestsDeeperThan(`{"s":"\\\\"}${'['.repeat(5)}`, 3)).toBe(true); // \\ does: the brackets after it count
  });

  test('agrees with the depth of any JSON value it is given', () => {
    const depthOf = (v: unknown): number =>
      v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 10 }), (value, max) => {
        expect(nestsDeeperThan(JSON.stringify(value), max)).toBe(depthOf(value) > max);
      }),
    );
  });

  test('a million levels take no stack', () => {
    expect(nestsDeeperThan('['.repeat(1_000_000), 64)).toBe(true);
  });
});

describe('jsonText', () => {
  const refusal = (body: Uint8Array | string, depth?: number) => {
    try {
      jsonText(body, depth);
      return null;
    } catch (err) {
      return err instanceof ApiError ? `${err.status} ${err.message}` : String(err);
    }
  };
  test('UTF-8 decodes; anything else is a 400 naming it', () => {
    expect(jsonText(Buffer.from('{"name":"café"}'))).toBe('{"name":"café"}');
    expect(refusal(Buffer.from([0x7b, 0xff, 0x7d]))).toBe('400 The request body is not valid UTF-8.');
    expect(refusal(Buffer.from([0x7b, 0xc3]))).toBe('400 The request body is not valid UTF-8.'); // cut mid-character
  });
  test('too deep is a 400 naming the limit', () => {
    expect(refusal(nested(33))).toBe('400 The request body nests objects or arrays more than 32 levels deep.');
    expect(refusal(nested(64), 64)).toBeNull();
  });
});
