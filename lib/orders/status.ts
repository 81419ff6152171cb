// The one status machine. Every change of an order's status (API, kitchen taps, item marks, KitchenHub,
// the manager's resolve) is a `transition()` here, and every "may this happen in this status?" is a
// predicate here. Pure: no db driver, no React (the names come from db/types/orders.ts, which imports
// nothing). KitchenHub orders have toast = null and so skip toasting.
import { ORDER_STATUSES, type OrderStatus } from '@/db/types/orders';

export { ORDER_STATUSES, type OrderStatus };

/** The names, for code that must spell one (`STATUS.ready`): a typo is a compile error, not a dead branch. */
export const STATUS = {
  queued: 'queued',
  prepping: 'prepping',
  toasting: 'toasting',
  ready: 'ready',
  delivered: 'delivered',
  canceled: 'canceled',
} as const satisfies { [S in OrderStatus]: S };

/** Every order, whatever its source, starts here. */
export const INITIAL_STATUS = STATUS.queued;
/** Where an order ends: handed off, or canceled (a manager resolving an old open order picks one). */
export const CLOSED_STATUSES = [STATUS.delivered, STATUS.canceled] as const;
export type ClosedStatus = (typeof CLOSED_STATUSES)[number];

export const ORDER_ACTIONS = [
  'advance', // a cook's forward tap: one step
  'undo', // a recall: one step back
  'cancel', // API DELETE, the kitchen's and the tracker's cancel buttons
  'item_done', // one item of a multi-item order marked done, others still to make
  'item_undone', // a marked item back to do
  'items_done', // the last item marked done: the order is made
  'hub_cancel', // KitchenHub canceled it
  'hub_complete', // KitchenHub completed it
  'close', // a manager resolves an order left open from an earlier day: handed off
  'void', // the same, when it was never made or handed over
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];
export type Subject = { status: OrderStatus; toast: string | null };

/** Queued or prepping: nothing is toasted or handed over yet. */
const inPrep = (s: OrderStatus): boolean => s === 'queued' || s === 'prepping';
/** Cancel (API DELETE, kitchen and tracker buttons) is allowed only before toasting starts. */
export const canCancel = inPrep;
/** Edits (API PUT) share the cancel window. */
export const canEdit = inPrep;
/** A multi-item order's items are marked while it is being prepped (after that the Ready tap is the cook's). */
export const canMarkItems = inPrep;
/** Open orders are still the kitchen's to make or hand off. */
export const isOpen = (s: OrderStatus): boolean => s !== 'delivered' && s !== 'canceled';
/** Open and not yet ready: still being made (the all-day counts, and what a rush can move up). */
export const isBeingMade = (s: OrderStatus): boolean => isOpen(s) && s !== 'ready';
/** Rush reorders the line, so only an order still being made can be rushed (taking the mark off always works). */
export const canRush = isBeingMade;
/** Orders that take a toaster slot: toast chosen and not `none`. */
export const needsToast = (toast: string | null): boolean => toast !== null && toast !== 'none';

const WITH_TOAST: readonly OrderStatus[] = ['queued', 'prepping', 'toasting', 'ready', 'delivered'];
const WITHOUT_TOAST: readonly OrderStatus[] = ['queued', 'prepping', 'ready', 'delivered'];

/** The steps this order walks through, in order (toasting only when it is toasted). */
export const stepsFor = (o: Pick<Subject, 'toast'>): readonly OrderStatus[] =>
  needsToast(o.toast) ? WITH_TOAST : WITHOUT_TOAST;

/**
 * Where `action` takes this order, or null when the kitchen's rules refuse it. The order's own status
 * back means allowed, but no move (an item mark that does not change the step).
 */
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
    case 'item_done':
      return canMarkItems(o.status) ? 'prepping' : null; // the first item done starts the order
    case 'item_undone':
      return canMarkItems(o.status) ? o.status : null;
    case 'items_done':
      // Made, even straight from queued (the last items marked before anyone tapped Start). Only
      // delivery-app orders have items and they never toast; a toasted one would still go to the toaster.
      if (!canMarkItems(o.status)) return null;
      return needsToast(o.toast) ? 'toasting' : 'ready';
    case 'hub_cancel':
      return isOpen(o.status) ? 'canceled' : null; // KitchenHub's cancel is not ours to refuse
    case 'hub_complete':
      // The provider closed it: the ticket leaves the line. A ready one stays where its courier is
      // looking for it (our own "complete" at ready echoes back as this); "Handed off" closes it.
      return isOpen(o.status) && o.status !== 'ready' ? 'delivered' : null;
    case 'close':
      return isOpen(o.status) ? 'delivered' : null;
    case 'void':
      return isOpen(o.status) ? 'canceled' : null;
  }
}

/** The next status a forward tap leads to, for labelling buttons ("Toast" vs "Ready"). */
export const nextStatus = (o: Subject): OrderStatus | null => transition(o, 'advance');
