// The one status machine. Pure: no db driver, no React (the names come from db/types/orders.ts, which imports nothing).
// KitchenHub orders have toast = null and so skip toasting.
import { ORDER_STATUSES, type OrderStatus } from '@/db/types/orders';

export { ORDER_STATUSES, type OrderStatus };
export type OrderAction = 'advance' | 'undo' | 'cancel' | 'hub_cancel' | 'hub_complete' | 'close' | 'void';
export type Subject = { status: OrderStatus; toast: string | null };

/** Cancel (API DELETE, kitchen and tracker buttons) is allowed only before toasting starts. */
export const canCancel = (s: OrderStatus): boolean => s === 'queued' || s === 'prepping';
/** Edits (API PUT) share the cancel window. */
export const canEdit = (s: OrderStatus): boolean => canCancel(s);
/** Open orders are still the kitchen's to make or hand off. */
export const isOpen = (s: OrderStatus): boolean => s !== 'delivered' && s !== 'canceled';
/** Orders that take a toaster slot: toast chosen and not `none`. */
export const needsToast = (toast: string | null): boolean => toast !== null && toast !== 'none';

const WITH_TOAST: readonly OrderStatus[] = ['queued', 'prepping', 'toasting', 'ready', 'delivered'];
const WITHOUT_TOAST: readonly OrderStatus[] = ['queued', 'prepping', 'ready', 'delivered'];

/** The steps this order walks through, in order (toasting only when it is toasted). */
export const stepsFor = (o: Pick<Subject, 'toast'>): readonly OrderStatus[] =>
  needsToast(o.toast) ? WITH_TOAST : WITHOUT_TOAST;

/** Where `action` takes this order, or null when the kitchen's rules refuse it. */
export function transition(o: Subject, action: OrderAction): OrderStatus | null {
  const line = stepsFor(o);
  const at = line.indexOf(o.status);
  switch (action) {
    case 'advance':
      return at < 0 ? null : (line[at + 1] ?? null);
    case 'undo':
      return at <= 0 ? null : (line[at - 1] ?? null);
    case 'cancel':
      return canCancel(o.status) ? 'canceled' : null;
    case 'hub_cancel':
      return isOpen(o.status) ? 'canceled' : null; // KitchenHub's cancel is not ours to refuse
    case 'hub_complete':
      // The provider closed it: the ticket leaves the line. A ready one stays where its courier is
      // looking for it (our own "complete" at ready echoes back as this); "Handed off" closes it.
      return isOpen(o.status) && o.status !== 'ready' ? 'delivered' : null;
    case 'close':
      return isOpen(o.status) ? 'delivered' : null; // a manager resolves an order left open from an earlier day
    case 'void':
      return isOpen(o.status) ? 'canceled' : null; // the same, when it was never made or handed over
  }
}

/** The next status a forward tap leads to, for labelling buttons ("Toast" vs "Ready"). */
export const nextStatus = (o: Subject): OrderStatus | null => transition(o, 'advance');
