// What the tracker says to a customer, per status. Plain words, kind when things go wrong. Tables keyed
// by every status, so a new status makes the compiler point here.
import type { TrackingView } from '@/lib/client/schemas';
import type { OrderStatus } from '@/lib/orders/status';

export const STEP_WORDS: Record<OrderStatus, string> = {
  queued: 'In the queue',
  prepping: 'Being made',
  toasting: 'Toasting',
  ready: 'Ready for pickup',
  delivered: 'Picked up',
  canceled: 'Canceled',
};

/** How the moment feels: it picks the colours, the ETA line and the Ready moment. */
export type Mood = 'waiting' | 'ready' | 'done' | 'canceled';
export const MOOD: Record<OrderStatus, Mood> = {
  queued: 'waiting',
  prepping: 'waiting',
  toasting: 'waiting',
  ready: 'ready',
  delivered: 'done',
  canceled: 'canceled',
};

const DETAIL: Record<OrderStatus, string> = {
  queued: 'We have your order. A cook will start on it soon.',
  prepping: 'A cook is making your sandwich right now.',
  toasting: 'Your sandwich is in the toaster.',
  ready: 'Come to the counter and show this number.',
  delivered: 'Enjoy your sandwich, and thanks for ordering!',
  canceled: 'This order was canceled.',
};

type Canceler = NonNullable<TrackingView['canceled_by']>;
const CANCELED_HEADLINE: Record<Canceler, string> = {
  customer: 'You canceled this order',
  kitchen: 'The kitchen canceled this order',
  provider: 'Your delivery app canceled this order',
};
const CANCELED_DETAIL: Record<Canceler, string> = {
  customer: 'No problem: nothing more will happen with it. We hope to make you a sandwich another time.',
  kitchen: 'We are sorry about that. Please ask at the counter and we will gladly help.',
  provider: 'Please check the delivery app for the details. We are sorry it did not work out this time.',
};

/** The big line: the step's plain words, "Ready for pickup!", or who canceled. */
export function headline(v: Pick<TrackingView, 'status' | 'canceled_by'>): string {
  if (MOOD[v.status] === 'canceled')
    return v.canceled_by ? CANCELED_HEADLINE[v.canceled_by] : 'This order was canceled';
  if (MOOD[v.status] === 'ready') return 'Ready for pickup!';
  return STEP_WORDS[v.status];
}

export function detail(v: Pick<TrackingView, 'status' | 'canceled_by'>): string {
  if (MOOD[v.status] === 'canceled' && v.canceled_by) return CANCELED_DETAIL[v.canceled_by];
  return DETAIL[v.status];
}

/** "Ready in about 6 min" while the order is on its way; nothing once it is ready or closed. */
export function etaText(v: Pick<TrackingView, 'status' | 'eta_minutes'>): string | null {
  if (MOOD[v.status] !== 'waiting' || v.eta_minutes === null) return null;
  return `Ready in about ${v.eta_minutes} min`;
}

/** The tab title: the Ready moment shows even when the customer is in another tab. */
export function pageTitle(v: Pick<TrackingView, 'status' | 'daily_number'>): string {
  return MOOD[v.status] === 'ready'
    ? `Ready for pickup! #${v.daily_number} · PB&J Kitchen`
    : `#${v.daily_number} ${STEP_WORDS[v.status]} · PB&J Kitchen`;
}

/** What a screen reader hears when the status changes. */
export function announcement(v: Pick<TrackingView, 'status' | 'canceled_by' | 'daily_number' | 'eta_minutes'>): string {
  return [`Order ${v.daily_number}: ${headline(v)}.`, etaText(v) ? `${etaText(v)}.` : '', detail(v)]
    .filter(Boolean)
    .join(' ');
}

/** Why the server refused the customer's cancel, by where the order is now. */
export const REFUSED: Record<OrderStatus, string> = {
  queued: 'We could not cancel your order just now. Please try again.',
  prepping: 'We could not cancel your order just now. Please try again.',
  toasting:
    'Sorry, it is too late to cancel: the kitchen has already started toasting your sandwich. It will be ready soon.',
  ready: 'Sorry, it is too late to cancel: your sandwich is already made and waiting for you at the counter.',
  delivered: 'This order has already been picked up, so it can no longer be canceled.',
  canceled: 'This order was already canceled.',
};

/** The sandwich, line by line, in the menu's own words. */
export function choiceLines(c: NonNullable<TrackingView['choices']>): Array<{ term: string; value: string }> {
  const lines: Array<{ term: string; value: string }> = [];
  if (c.bread) lines.push({ term: 'Bread', value: c.bread.label });
  if (c.peanut_butter) lines.push({ term: 'Peanut butter', value: c.peanut_butter.label });
  if (c.jelly) lines.push({ term: 'Jelly', value: c.jelly.label });
  if (c.toast) lines.push({ term: 'Toast', value: c.toast.label });
  if (c.cut) lines.push({ term: 'Cut', value: c.cut.label });
  if (c.extras.length > 0) lines.push({ term: 'Extras', value: c.extras.map((e) => e.label).join(', ') });
  return lines;
}
