// A ticket's story for the kitchen, one tap away: every event of its log in words a cook reads at a
// glance ("Started by Casey", "Jelly: Grape → Strawberry, by the customer").
import { orderHistory } from '@/db/storage/orders';
import { listStaff } from '@/db/storage/staff';
import { STATUS_LABEL } from './kitchen';
import { requireOrder } from './service';
import { STATUS } from './status';
import type { OrderEvent } from './types';
import type { TicketHistory } from './views';

const ACTION_WORDS: Record<string, string> = {
  advance: 'Moved to',
  undo: 'Moved back to',
  cancel: 'Canceled',
  hub_cancel: 'Canceled by the delivery app',
  hub_complete: 'Closed by the delivery app',
  acknowledge: 'Seen',
};

/** Who did it, in words: a cook's name, the ordering app, the customer, KitchenHub. */
function who(actor: string, names: Map<string, string>): string {
  if (actor.startsWith('staff:')) return names.get(actor.slice('staff:'.length)) ?? 'a staff member';
  if (actor.startsWith('api:')) return 'the ordering app';
  const known: Record<string, string> = {
    tracker: 'the customer (tracking page)',
    kitchenhub: 'KitchenHub',
    provider: 'the delivery app',
    system: 'the system (scheduled)',
    'auto-accept': 'auto-accept',
  };
  return known[actor] ?? actor;
}

function what(e: OrderEvent): string {
  switch (e.type) {
    case 'created':
      return 'Placed';
    case 'edited':
      return 'Changed';
    case 'acknowledged':
      return 'Seen by the kitchen';
    case 'item':
      return e.action === 'item_undone' ? 'Item back to do' : 'Item done';
    case 'rushed':
      return e.action === 'unrush' ? 'Rush removed' : 'Marked RUSH';
    case 'status':
      if (e.toStatus === STATUS.canceled) return e.action === 'hub_cancel' ? ACTION_WORDS.hub_cancel! : 'Canceled';
      if (e.action === 'hub_complete') return ACTION_WORDS.hub_complete!;
      return `${ACTION_WORDS[e.action ?? 'advance'] ?? 'Moved to'} ${STATUS_LABEL[e.toStatus]}`;
  }
}

/** The ticket's events, oldest first, in words. */
export async function ticketHistory(orderId: string): Promise<TicketHistory> {
  await requireOrder(orderId); // 404 for an unknown id
  const [events, staff] = await Promise.all([orderHistory(orderId), listStaff()]);
  const names = new Map(staff.map((s) => [s.id, s.name]));
  return {
    order_id: orderId,
    events: events.map((e) => ({
      seq: e.seq,
      at: e.at,
      what: what(e),
      by: who(e.actor, names),
      changes: Object.entries(e.changes ?? {}).map(([field, c]) => ({ field, from: c.from, to: c.to })),
    })),
  };
}
