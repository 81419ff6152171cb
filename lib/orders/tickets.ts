import { latestEventSeq, listOpenOrders, listRecentlyClosed } from '@/db/sqlite/orders';
import { toTicketView, type TicketView } from './views';

const RECALL_WINDOW_MS = 60 * 60_000;

export type KitchenBoard = { tickets: TicketView[]; recent: TicketView[]; seq: number; server_time: number };

/** What a kitchen screen shows: open tickets oldest first, and the last hour's finished ones to recall. */
export async function kitchenBoard(now = Date.now()): Promise<KitchenBoard> {
  // Read the seq first: an event that lands between the reads is then replayed, never missed.
  const seq = await latestEventSeq();
  const [open, recent] = await Promise.all([listOpenOrders(), listRecentlyClosed(now - RECALL_WINDOW_MS, 20)]);
  return { tickets: open.map(toTicketView), recent: recent.map(toTicketView), seq, server_time: now };
}
