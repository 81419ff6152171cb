import { describe, expect, test } from 'vitest';
import { ORDER_STATUSES } from './status';
import {
  advanceLabel,
  ageLevel,
  allDayCounts,
  formatAge,
  parseStation,
  productionCounts,
  showsOnStation,
} from './kitchen';

const aging = { warningMinutes: 5, lateMinutes: 8 };
const MIN = 60_000;

describe('kitchen rules', () => {
  test('aging turns warning at 5 and late at 8 minutes by default', () => {
    expect(ageLevel(0, 4.99 * MIN, aging)).toBe('normal');
    expect(ageLevel(0, 5 * MIN, aging)).toBe('warning');
    expect(ageLevel(0, 8 * MIN, aging)).toBe('late');
    expect(ageLevel(0, 3 * MIN, { warningMinutes: 2, lateMinutes: 3 })).toBe('late');
  });

  test('ages read like a clock', () => {
    expect(formatAge(0)).toBe('0:00');
    expect(formatAge(65_000)).toBe('1:05');
    expect(formatAge(3_725_000)).toBe('1:02:05');
    expect(formatAge(-5_000)).toBe('0:00'); // a tablet ahead of the server never shows negative time
  });

  test('the big button says what the next step is', () => {
    expect(advanceLabel({ status: 'queued', toast: 'light' })).toBe('Start');
    expect(advanceLabel({ status: 'prepping', toast: 'light' })).toBe('Toast');
    expect(advanceLabel({ status: 'prepping', toast: 'none' })).toBe('Ready');
    expect(advanceLabel({ status: 'prepping', toast: null })).toBe('Ready');
    expect(advanceLabel({ status: 'toasting', toast: 'light' })).toBe('Ready');
    expect(advanceLabel({ status: 'ready', toast: 'none' })).toBe('Handed off');
    expect(advanceLabel({ status: 'delivered', toast: 'none' })).toBeNull();
    expect(advanceLabel({ status: 'canceled', toast: 'none' })).toBeNull();
  });

  test('each station shows its statuses, and every station shows unacknowledged cancels', () => {
    const shown = (station: 'all' | 'prep' | 'toaster' | 'expo') =>
      ORDER_STATUSES.filter((status) => showsOnStation(station, { status, attention: null }));
    expect(shown('all')).toEqual(['queued', 'prepping', 'toasting', 'ready']);
    expect(shown('prep')).toEqual(['queued', 'prepping']);
    expect(shown('toaster')).toEqual(['toasting']);
    expect(shown('expo')).toEqual(['ready']);
    for (const station of ['all', 'prep', 'toaster', 'expo'] as const) {
      expect(showsOnStation(station, { status: 'canceled', attention: { kind: 'canceled' } })).toBe(true);
      expect(showsOnStation(station, { status: 'canceled', attention: null })).toBe(false);
    }
    expect(parseStation('toaster')).toBe('toaster');
    expect(parseStation('grill')).toBe('all');
    expect(parseStation(undefined)).toBe('all');
  });

  test('all-day counts total what is still to make, not ready, handed off or canceled tickets', () => {
    const t = (status: (typeof ORDER_STATUSES)[number], bread: string, extras: string[] = []) => ({
      status,
      bread,
      peanut_butter: 'smooth',
      jelly: 'grape',
      extras,
      items: null,
    });
    const counts = allDayCounts([
      t('queued', 'brioche', ['honey']),
      t('prepping', 'brioche', ['honey', 'bacon']),
      t('toasting', 'white'),
      t('ready', 'brioche'),
      t('delivered', 'brioche'),
      t('canceled', 'brioche'),
      {
        status: 'queued',
        bread: null,
        peanut_butter: null,
        jelly: null,
        extras: [],
        items: [{ name: 'Magic Roll', quantity: 2 }],
      },
    ]);
    expect(counts).toEqual([
      { group: 'bread', name: 'brioche', count: 2 },
      { group: 'bread', name: 'white', count: 1 },
      { group: 'peanut_butter', name: 'smooth', count: 3 },
      { group: 'jelly', name: 'grape', count: 3 },
      { group: 'extras', name: 'honey', count: 2 },
      { group: 'extras', name: 'bacon', count: 1 },
      { group: 'items', name: 'Magic Roll', count: 2 },
    ]);
  });
});

describe('productionCounts', () => {
  const sandwich = {
    status: 'queued' as const,
    bread: 'white',
    peanut_butter: 'smooth',
    jelly: 'grape',
    toast: 'light',
    extras: ['honey'],
  };
  test('two slices of bread per sandwich still to make; toasting, ready and delivery items do not count', () => {
    const counts = productionCounts([
      sandwich,
      { ...sandwich, status: 'prepping', toast: 'none', extras: [] },
      { ...sandwich, status: 'toasting' },
      { ...sandwich, status: 'ready' },
      { ...sandwich, status: 'canceled' },
      { status: 'queued', bread: null, peanut_butter: null, jelly: null, toast: null, extras: [] },
    ]);
    expect(counts).toEqual({ sandwiches: 2, breadSlices: 4, peanutButter: 2, jelly: 2, toasts: 1, extras: 1 });
  });
});
