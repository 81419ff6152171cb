// ETA from the real queue: a small list-scheduling simulation of the line. Pure: takes `now`.
import { needsToast, STATUS, type OrderStatus } from './status';
import type { KitchenSettings } from './types';
import type { QueueEntry } from '@/db/types/orders';

/** What the ETA needs of an open order (storage reads it: db/types/orders.ts). */
export type { QueueEntry };

const MINUTE = 60_000;

/**
 * Minutes until each open order is ready, by simulating the kitchen: orders are prepped rush first, then oldest first
 * on `prepStations` stations, then toasted in `toasterSlots` slots; an order already in a step only
 * has that step's remaining time left (at least half a minute: a late step is not done yet).
 * Ready orders get 0. Input need not be sorted.
 */
export function estimateReadyMinutes(
  queue: readonly QueueEntry[],
  s: KitchenSettings,
  now: number,
): Map<string, number> {
  const prepMs = s.prepMinutes * MINUTE;
  const toastMs = s.toastMinutes * MINUTE;
  const minLeft = MINUTE / 2;
  const stations = new Array<number>(Math.max(1, s.prepStations)).fill(now);
  const toasters = new Array<number>(Math.max(1, s.toasterSlots)).fill(now);
  const takeEarliest = (slots: number[], from: number, duration: number): number => {
    let best = 0;
    for (let i = 1; i < slots.length; i++) if ((slots[i] ?? 0) < (slots[best] ?? 0)) best = i;
    const start = Math.max(from, slots[best] ?? now);
    slots[best] = start + duration;
    return start + duration;
  };
  const remaining = (entry: QueueEntry, duration: number) => Math.max(minLeft, entry.statusAt + duration - now);

  const result = new Map<string, number>();
  const byAge = [...queue].sort(
    (a, b) =>
      Number(b.rush ?? false) - Number(a.rush ?? false) || a.createdAt - b.createdAt || a.id.localeCompare(b.id),
  );
  // Orders already toasting hold their slots first, then those being prepped hold stations, then the queue.
  const order: OrderStatus[] = [STATUS.toasting, STATUS.prepping, STATUS.queued];
  const doneAt = new Map<string, number>();
  for (const phase of order) {
    for (const e of byAge) {
      if (e.status !== phase) continue;
      let t: number;
      if (phase === STATUS.toasting) {
        t = takeEarliest(toasters, now, remaining(e, toastMs));
      } else {
        const prepped = takeEarliest(stations, now, phase === STATUS.prepping ? remaining(e, prepMs) : prepMs);
        t = needsToast(e.toast) ? takeEarliest(toasters, prepped, toastMs) : prepped;
      }
      doneAt.set(e.id, t);
    }
  }
  for (const e of queue) {
    if (e.status === STATUS.ready) result.set(e.id, 0);
    const t = doneAt.get(e.id);
    if (t !== undefined) result.set(e.id, Math.max(1, Math.ceil((t - now) / MINUTE)));
  }
  return result;
}
