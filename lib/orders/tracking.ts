// The public face of an order: the customer's tracker and the lobby's pickup board. No sign-in: the
// unguessable order id is the capability, so the board never shows one, and nothing personal leaves
// beyond a first name (no customer_id, no full name, no notes, no KitchenHub instructions).
import { z } from 'zod';
import { listMenu } from '@/db/storage/menu';
import { getOrder, latestEventSeq, listOpenOrders } from '@/db/storage/orders';
import { ApiError, notFound } from '../errors';
import { followOrderEvents } from '../live/follow';
import type { Send } from '../live/sse';
import { orderIdParam } from './schemas';
import { cancelOrder, etaFor } from './service';
import { stepsFor, type OrderStatus } from './status';
import type { MenuOption, MenuType, Order } from './types';
import {
  firstName,
  type BoardColumn,
  type BoardEntry,
  type Choice,
  type PickupBoard,
  type TrackedItem,
  type TrackingView,
} from './views';

export type MenuLabels = ReadonlyMap<string, string>;
export const menuLabels = (menu: readonly MenuOption[]): MenuLabels =>
  new Map(menu.map((o) => [`${o.type}:${o.option}`, o.label]));

const choice = (labels: MenuLabels, type: MenuType, option: string | null): Choice | null =>
  option === null ? null : { option, label: labels.get(`${type}:${option}`) ?? option.replaceAll('_', ' ') };

// KitchenHub items are kept exactly as received; only these fields are shown (zod strips the rest).
const hubItem = z.object({
  name: z.string(),
  quantity: z.number().optional(),
  options: z.array(z.object({ name: z.string() })).optional(),
});

function trackedItems(items: unknown[] | null): TrackedItem[] | null {
  if (!items) return null;
  return items.flatMap((raw) => {
    const item = hubItem.safeParse(raw);
    return item.success
      ? [
          {
            name: item.data.name,
            quantity: item.data.quantity ?? 1,
            options: (item.data.options ?? []).map((o) => o.name),
          },
        ]
      : [];
  });
}

/** The tracker's order: steps, ETA and what was ordered, with a first name at most. */
export function toTrackingView(order: Order, etaMinutes: number | null, labels: MenuLabels, now: number): TrackingView {
  return {
    order_id: order.id,
    daily_number: order.dailyNumber,
    status: order.status,
    steps: [...stepsFor(order)],
    eta_minutes: etaMinutes,
    customer_first_name: firstName(order.customerName),
    choices:
      order.source === 'api'
        ? {
            bread: choice(labels, 'bread', order.bread),
            peanut_butter: choice(labels, 'peanut_butter', order.peanutButter),
            jelly: choice(labels, 'jelly', order.jelly),
            toast: choice(labels, 'toast', order.toast),
            cut: choice(labels, 'cut', order.cut),
            extras: order.extras.flatMap((e) => choice(labels, 'extras', e) ?? []),
          }
        : null,
    items: trackedItems(order.items),
    provider: order.provider,
    canceled_by: order.canceledBy,
    version: order.version,
    server_time: now,
  };
}

/** What the tracker's ETag covers: everything but the clock, so an unchanged order polls as 304. */
export function trackingEtagBasis(view: TrackingView): Omit<TrackingView, 'server_time'> {
  const { server_time: _clock, ...rest } = view;
  return rest;
}

/** A tracked order by id: a malformed id and an unknown one are the same 404, revealing nothing. */
export async function requireTrackedOrder(orderId: string): Promise<Order> {
  const order = orderIdParam.safeParse(orderId).success ? await getOrder(orderId) : undefined;
  if (!order) throw notFound('order');
  return order;
}

/** The public view of an order as it is now, with its ETA from the whole open queue. */
export async function trackingViewOf(order: Order, now = Date.now()): Promise<TrackingView> {
  const [eta, menu] = await Promise.all([etaFor([order], now), listMenu()]);
  return toTrackingView(order, eta.get(order.id) ?? null, menuLabels(menu), now);
}

/** The tracking page's data, or undefined for an id that tracks nothing (the page answers 404). */
export async function findTrackingView(orderId: string, now = Date.now()): Promise<TrackingView | undefined> {
  const order = orderIdParam.safeParse(orderId).success ? await getOrder(orderId) : undefined;
  return order ? trackingViewOf(order, now) : undefined;
}

/**
 * The customer cancels from the tracker: only while queued or prepping (cancelOrder's rule) and only
 * orders placed with us (a delivery app's order is canceled in that app). A refusal (409
 * order_not_cancelable) carries the order as it is now, so the page can show what happened.
 */
export async function cancelFromTracker(orderId: string, now = Date.now()): Promise<TrackingView> {
  const order = await requireTrackedOrder(orderId);
  if (order.source !== 'api') {
    throw new ApiError(
      'order_not_cancelable',
      `This order came through ${order.provider ?? 'a delivery app'}: cancel it in that app.`,
      {
        status: order.status,
        order: await trackingViewOf(order, now),
      },
    );
  }
  try {
    return await trackingViewOf(await cancelOrder({ orderId, actor: 'tracker', canceledBy: 'customer' }, now), now);
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'order_not_cancelable') throw err;
    const current = await requireTrackedOrder(orderId);
    throw new ApiError(err.code, err.message, { ...err.extra, order: await trackingViewOf(current, now) });
  }
}

/**
 * The public view at each event, made once for every tracker of the order (a family's three phones,
 * or 250 load-test streams cost one ETA read, not one each). Keyed by the event's seq, which names one
 * change of one order; the few most recent are kept (a cache of derived data: losing it loses nothing).
 */
const VIEW_MEMO_SIZE = 64;
const viewsAt = new Map<number, Promise<TrackingView>>();
function trackingViewAt(seq: number, order: Order): Promise<TrackingView> {
  let view = viewsAt.get(seq);
  if (!view) {
    view = trackingViewOf(order);
    viewsAt.set(seq, view);
    view.catch(() => viewsAt.delete(seq)); // a failed read is tried again by the next stream
    if (viewsAt.size > VIEW_MEMO_SIZE) viewsAt.delete(viewsAt.keys().next().value!);
  }
  return view;
}

/**
 * A tracker's live stream: only this order's events (topic `order:<id>`), each sent as the public view
 * with a fresh ETA. The ETA needs the database, so views are made in order on a promise chain; the
 * raw order never reaches the wire.
 */
export async function followTrackedOrder(orderId: string, since: number | undefined, send: Send): Promise<() => void> {
  const orders = new Map<number, Order>();
  let chain = Promise.resolve();
  const forward: Send = (msg) => {
    chain = chain
      .then(async () => {
        if (msg.event !== 'order') return send(msg);
        const order = msg.id === undefined ? undefined : orders.get(msg.id);
        if (msg.id !== undefined) orders.delete(msg.id);
        if (order && msg.id !== undefined) send({ ...msg, data: await trackingViewAt(msg.id, order) });
      })
      .catch((err: unknown) => console.error('tracker stream failed to send', err));
  };
  return followOrderEvents({
    topic: `order:${orderId}`,
    since,
    send: forward,
    render: ({ event, order }) => {
      orders.set(event.seq, order);
      return null; // replaced by the public view in `forward`
    },
  });
}

// ——— The pickup board ———

const COLUMN: Record<OrderStatus, BoardColumn | null> = {
  queued: 'preparing',
  prepping: 'preparing',
  toasting: 'preparing',
  ready: 'ready',
  delivered: null, // handed off: leaves the board
  canceled: null,
};

const LONGEST_BOARD_NAME = 12;

/** A first name, or its initial when it is too long to read from across the room. */
export function boardName(customerName: string | null): string | null {
  const first = firstName(customerName);
  if (!first || [...first].length <= LONGEST_BOARD_NAME) return first;
  return `${[...first][0]}.`;
}

/** Where an order stands on the pickup board, in the board's public shape. */
export const toBoardEntry = (o: Order): BoardEntry => ({
  key: `${o.businessDate}-${o.dailyNumber}`,
  daily_number: o.dailyNumber,
  name: boardName(o.customerName),
  column: COLUMN[o.status],
  version: o.version,
  since: o.statusAt,
});

/** The pickup board: open orders by column, with the event seq to follow the stream from. */
export async function pickupBoard(now = Date.now()): Promise<PickupBoard> {
  const seq = await latestEventSeq(); // read first: an event landing between the reads is replayed, never missed
  const open = await listOpenOrders();
  return { entries: open.map(toBoardEntry).filter((e) => e.column !== null), seq, server_time: now };
}

/** What the board's ETag covers: the entries, not the clock or the event seq. */
export const boardEtagBasis = (board: PickupBoard): BoardEntry[] => board.entries;

/** The board's live stream: every order's events, each sent only as its public board entry. */
export function followPickupBoard(since: number | undefined, send: Send): Promise<() => void> {
  return followOrderEvents({
    topic: 'kitchen',
    since,
    send,
    renderKey: 'board-entry',
    render: ({ order }) => toBoardEntry(order),
  });
}
