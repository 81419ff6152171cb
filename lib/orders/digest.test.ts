import { describe, expect, test } from 'vitest';
import { ticketDigest } from './digest';

describe('ticketDigest', () => {
  const a = { order_id: 'ord_a', version: 1 };
  const b = { order_id: 'ord_b', version: 3 };
  test('ignores order, and sees every id and version', () => {
    expect(ticketDigest([a, b])).toBe(ticketDigest([b, a]));
    expect(ticketDigest([a, b])).not.toBe(ticketDigest([a, { ...b, version: 4 }]));
    expect(ticketDigest([a, b])).not.toBe(ticketDigest([a]));
    expect(ticketDigest([])).toMatch(/^[0-9a-f]{8}$/);
  });
});
