// Kitchen-screen rules, pure so that every station and the tests agree: which tickets a station
// shows, how late a ticket is, what the big button says, what is on the line all day.
import { isBeingMade, needsToast, nextStatus, STATUS, type OrderStatus } from './status';

export const STATIONS = ['all', 'prep', 'toaster', 'expo'] as const;
export type Station = (typeof STATIONS)[number];

/** The station that works each status (All shows every one of them); closed tickets are no station's. */
const STATION_OF: Record<OrderStatus, Exclude<Station, 'all'> | null> = {
  queued: 'prep',
  prepping: 'prep',
  toasting: 'toaster',
  ready: 'expo',
  delivered: null,
  canceled: null,
};

export const STATION_LABEL: Record<Station, string> = { all: 'All', prep: 'Prep', toaster: 'Toaster', expo: 'Expo' };

export const parseStation = (s: string | null | undefined): Station =>
  (STATIONS as readonly string[]).includes(s ?? '') ? (s as Station) : 'all';

type Showable = { status: OrderStatus; attention: { kind: string } | null };

/** A station shows its statuses, plus every canceled ticket still waiting for a cook's acknowledgement. */
export function showsOnStation(station: Station, t: Showable): boolean {
  if (t.status === STATUS.canceled) return t.attention?.kind === 'canceled';
  const at = STATION_OF[t.status];
  return at !== null && (station === 'all' || station === at);
}

export type Aging = { warningMinutes: number; lateMinutes: number };
export type AgeLevel = 'normal' | 'warning' | 'late';

/** How late a ticket is, from when it was placed: normal → warning → late at the manager's thresholds. */
export function ageLevel(createdAt: number, now: number, aging: Aging): AgeLevel {
  const minutes = (now - createdAt) / 60_000;
  if (minutes >= aging.lateMinutes) return 'late';
  if (minutes >= aging.warningMinutes) return 'warning';
  return 'normal';
}

/** "4:07" or "1:02:09": a ticket's age on a clock a cook can read at a glance. */
export function formatAge(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The forward button says where it takes the ticket (the machine never moves forward into queued or canceled). */
const BUTTON_TO: Record<OrderStatus, string> = {
  queued: '',
  prepping: 'Start',
  toasting: 'Toast',
  ready: 'Ready',
  delivered: 'Handed off',
  canceled: '',
};

/** The forward button's word: "Toast" for a prepping order only when it is toasted, else "Ready". */
export function advanceLabel(t: { status: OrderStatus; toast: string | null }): string | null {
  const to = nextStatus(t);
  return to === null ? null : BUTTON_TO[to];
}

export const STATUS_LABEL: Record<OrderStatus, string> = {
  queued: 'New',
  prepping: 'Prepping',
  toasting: 'Toasting',
  ready: 'Ready',
  delivered: 'Handed off',
  canceled: 'Canceled',
};

type Countable = {
  status: OrderStatus;
  bread: string | null;
  peanut_butter: string | null;
  jelly: string | null;
  extras: string[];
  items: Array<{ name: string; quantity: number }> | null;
};

/**
 * What is still to be made on open tickets that are not ready yet, per component: the all-day panel
 * ("4 × brioche"). Delivery-app items count by name and quantity.
 */
export function allDayCounts(tickets: readonly Countable[]): Array<{ group: string; name: string; count: number }> {
  const counts = new Map<string, { group: string; name: string; count: number }>();
  const add = (group: string, name: string | null, n = 1) => {
    if (!name) return;
    const key = `${group}:${name}`;
    const c = counts.get(key) ?? { group, name, count: 0 };
    c.count += n;
    counts.set(key, c);
  };
  for (const t of tickets) {
    if (!isBeingMade(t.status)) continue;
    add('bread', t.bread);
    add('peanut_butter', t.peanut_butter);
    add('jelly', t.jelly);
    t.extras.forEach((e) => add('extras', e));
    t.items?.forEach((i) => add('items', i.name, i.quantity));
  }
  const order = ['bread', 'peanut_butter', 'jelly', 'extras', 'items'];
  return [...counts.values()].sort(
    (a, b) => order.indexOf(a.group) - order.indexOf(b.group) || b.count - a.count || a.name.localeCompare(b.name),
  );
}

type Producible = {
  status: OrderStatus;
  bread: string | null;
  peanut_butter: string | null;
  jelly: string | null;
  toast: string | null;
  extras: string[];
};

/**
 * What the line needs for every open sandwich not yet made (queued or prepping): slices of bread
 * (two a sandwich), portions of peanut butter and jelly, and toaster runs. Delivery-app items are
 * not PB&J sandwiches and count in the all-day list by name instead.
 */
export function productionCounts(tickets: readonly Producible[]): {
  sandwiches: number;
  breadSlices: number;
  peanutButter: number;
  jelly: number;
  toasts: number;
  extras: number;
} {
  const todo = tickets.filter((t) => STATION_OF[t.status] === 'prep' && t.bread !== null);
  return {
    sandwiches: todo.length,
    breadSlices: todo.length * 2,
    peanutButter: todo.filter((t) => t.peanut_butter !== null).length,
    jelly: todo.filter((t) => t.jelly !== null).length,
    toasts: todo.filter((t) => needsToast(t.toast)).length,
    extras: todo.reduce((n, t) => n + t.extras.length, 0),
  };
}
