import { latestEventSeq, listKitchenOrders, listRecentlyClosed } from '@/db/sqlite/orders';
import { getSetting } from '../settings';
import { menuView, type MenuOptionView } from './stock';
import type { Aging } from './kitchen';
import { toTicketView, type TicketView } from './views';

const RECALL_WINDOW_MS = 60 * 60_000;

export type KitchenBoard = {
  tickets: TicketView[];
  recent: TicketView[];
  seq: number;
  server_time: number;
  aging: Aging;
  menu: MenuOptionView[];
};

/**
 * What a kitchen screen shows: open tickets (and canceled ones awaiting acknowledgement) oldest first,
 * the last hour's finished ones to recall, the menu (labels and 86s) and the aging thresholds.
 */
export async function kitchenBoard(now = Date.now()): Promise<KitchenBoard> {
  // Read the seq first: an event that lands between the reads is then replayed, never missed.
  const seq = await latestEventSeq();
  const [open, recent, aging, menu] = await Promise.all([listKitchenOrders(), listRecentlyClosed(now - RECALL_WINDOW_MS, 20), getSetting('aging'), menuView()]);
  return {
    tickets: open.map(toTicketView),
    recent: recent.filter((o) => !o.attention).map(toTicketView),
    seq,
    server_time: now,
    aging,
    menu: menu.options,
  };
}
