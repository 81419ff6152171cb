import { describe, expect, test } from 'vitest';
import { estimateReadyMinutes, type QueueEntry } from './eta';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const MIN = 60_000;
const settings = { prepMinutes: 3, toastMinutes: 2, prepStations: 2, toasterSlots: 1 };
const entry = (
  id: string,
  status: QueueEntry['status'],
  toast: string | null,
  minutesInStatus = 0,
  age = 0,
): QueueEntry => ({
  id,
  status,
  toast,
  statusAt: NOW - minutesInStatus * MIN,
  createdAt: NOW - age * MIN,
});

describe('estimateReadyMinutes', () => {
  test('a lone untoasted order takes one prep; a toasted one prep plus toast', () => {
    expect(estimateReadyMinutes([entry('a', 'queued', 'none')], settings, NOW).get('a')).toBe(3);
    expect(estimateReadyMinutes([entry('a', 'queued', 'light')], settings, NOW).get('a')).toBe(5);
  });

  test('orders beyond the prep stations wait for a free station, oldest first', () => {
    const queue = [
      entry('c', 'queued', 'none', 0, 1),
      entry('a', 'queued', 'none', 0, 3),
      entry('b', 'queued', 'none', 0, 2),
    ];
    const eta = estimateReadyMinutes(queue, settings, NOW);
    expect([eta.get('a'), eta.get('b'), eta.get('c')]).toEqual([3, 3, 6]);
  });

  test('a rushed order is prepped before older ones in the queue', () => {
    const queue = [
      entry('a', 'queued', 'none', 0, 3),
      entry('b', 'queued', 'none', 0, 2),
      { ...entry('c', 'queued', 'none', 0, 1), rush: true },
    ];
    const eta = estimateReadyMinutes(queue, settings, NOW);
    expect([eta.get('a'), eta.get('b'), eta.get('c')]).toEqual([3, 6, 3]);
  });

  test('one toaster slot makes toasted orders queue for it', () => {
    const queue = [entry('a', 'queued', 'light', 0, 2), entry('b', 'queued', 'dark', 0, 1)];
    const eta = estimateReadyMinutes(queue, settings, NOW);
    expect(eta.get('a')).toBe(5); // prep 0-3, toast 3-5
    expect(eta.get('b')).toBe(7); // prep 0-3, waits for the toaster until 5, toast 5-7
  });

  test('an order already in a step has only what is left of it', () => {
    const eta = estimateReadyMinutes(
      [entry('a', 'prepping', 'none', 2), entry('t', 'toasting', 'light', 1.5)],
      settings,
      NOW,
    );
    expect(eta.get('a')).toBe(1);
    expect(eta.get('t')).toBe(1);
  });

  test('a step running late still counts as not done, and ready orders are 0', () => {
    const eta = estimateReadyMinutes(
      [entry('late', 'prepping', 'none', 10), entry('r', 'ready', 'none')],
      settings,
      NOW,
    );
    expect(eta.get('late')).toBe(1);
    expect(eta.get('r')).toBe(0);
  });

  test('more capacity never makes anyone wait longer', () => {
    const queue = Array.from({ length: 12 }, (_, i) => entry(`o${i}`, 'queued', i % 2 ? 'light' : 'none', 0, 12 - i));
    const small = estimateReadyMinutes(queue, settings, NOW);
    const big = estimateReadyMinutes(queue, { ...settings, prepStations: 4, toasterSlots: 3 }, NOW);
    for (const e of queue) expect(big.get(e.id)!).toBeLessThanOrEqual(small.get(e.id)!);
    expect(big.get('o11')!).toBeLessThan(small.get('o11')!);
  });
});
