import { describe, expect, test } from 'vitest';
import { hourWindow, niceCeil, ticks } from './chart';
import { formatDuration, shiftDay } from './format';

describe('chart scales', () => {
  test('niceCeil rounds up to 1, 2 or 5 × 10^n', () => {
    expect([0, 1, 2, 3, 6, 11, 20, 21, 99, 101].map(niceCeil)).toEqual([1, 1, 2, 5, 10, 20, 20, 50, 100, 200]);
  });

  test('ticks are whole numbers from 0 to the top', () => {
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(2)).toEqual([0, 1, 2]);
  });

  test('the hour window spans the busy hours, widened to at least eight, within the day', () => {
    const at = (...busy: number[]) =>
      Array.from({ length: 24 }, (_, hour) => ({ hour, total: busy.includes(hour) ? 1 : 0 }));
    expect(hourWindow(at())).toBeNull();
    expect(hourWindow(at(12))).toEqual({ from: 8, to: 15 });
    expect(hourWindow(at(0))).toEqual({ from: 0, to: 7 });
    expect(hourWindow(at(23))).toEqual({ from: 16, to: 23 });
    expect(hourWindow(at(7, 21))).toEqual({ from: 7, to: 21 });
  });
});

describe('formats', () => {
  test('durations read like a kitchen clock', () => {
    expect([null, 45_000, 200_000, 3_900_000].map(formatDuration)).toEqual(['—', '45s', '3m 20s', '1h 05m']);
  });
  test('days shift by calendar day across months and years', () => {
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
  });
});
