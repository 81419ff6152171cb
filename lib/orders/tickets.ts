import { latestEventSeq, listKitchenOrders, listRecentlyClosed, readySince } from '@/db/storage/orders';
import { getSettings } from '../settings';
import { businessDate } from './service';
import { menuView } from './stock';
import { toTicketView, type KitchenBoard } from './views';

export type { KitchenBoard };

const RECALL_WINDOW_MS = 60 * 60_000;

/**
 * What a kitchen screen shows: open tickets (and canceled ones awaiting acknowledgement) oldest first,
 * the last hour's finished ones to recall, the menu (labels and 86s) and the aging thresholds.
 */
export async function kitchenBoard(now = Date.now()): Promise<KitchenBoard> {
  // Read the seq first: an event that lands between the reads is then replayed, never missed.
  const seq = await latestEventSeq();
  const [open, recent, { aging, alerts }, menu] = await Promise.all([
    listKitchenOrders(),
    listRecentlyClosed(now - RECALL_WINDOW_MS, 20),
    getSettings('aging', 'alerts'),
    menuView(),
  ]);
  return {
    tickets: open.map(toTicketView),
    recent: recent.filter((o) => !o.attention).map(toTicketView),
    seq,
    server_time: now,
    aging,
    menu: menu.options,
    business_date: businessDate(now),
    alerts,
  };
}

const PACE_WINDOW_MS = 60 * 60_000;

/** The kitchen's pace: the average time from order to ready over the last hour, and how many. */
export async function kitchenPace(
  now = Date.now(),
): Promise<{ avg_ticket_ms: number | null; finished: number; window_ms: number }> {
  const done = await readySince(now - PACE_WINDOW_MS);
  const total = done.reduce((sum, d) => sum + Math.max(0, d.readyAt - d.createdAt), 0);
  return {
    avg_ticket_ms: done.length ? Math.round(total / done.length) : null,
    finished: done.length,
    window_ms: PACE_WINDOW_MS,
  };
}
