// The order's vocabulary, at the bottom of the house: storage speaks it, and lib/ builds its rules on
// it (lib/orders/status.ts is the one place that says which status may follow which). Pure: imports
// nothing outside db/types.
import type { HubCall } from './outbox';

/** Every status an order can have, in the order the kitchen walks them (canceled last: it is an exit). */
export const ORDER_STATUSES = ['queued', 'prepping', 'toasting', 'ready', 'delivered', 'canceled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses of an order still on the line (the kitchen's to make or hand off). */
export const OPEN_STATUSES = ['queued', 'prepping', 'toasting', 'ready'] as const satisfies readonly OrderStatus[];
/** Statuses an order leaves the line with. */
export const CLOSED_STATUSES = ['delivered', 'canceled'] as const satisfies readonly OrderStatus[];

export const MENU_TYPES = ['bread', 'peanut_butter', 'jelly', 'toast', 'cut', 'extras'] as const;
export type MenuType = (typeof MENU_TYPES)[number];

export type OrderSource = 'api' | 'kitchenhub';
export type OrderType = 'pickup' | 'delivery' | 'dinein';
export type CanceledBy = 'customer' | 'kitchen' | 'provider';

/** One order, whatever its source: one row, one ticket (design.md "One order, one ticket"). */
export type Order = {
  id: string;
  source: OrderSource;
  clientId: string | null;
  provider: string | null;
  customerId: string | null;
  customerName: string | null;
  orderType: OrderType;
  businessDate: string;
  dailyNumber: number;
  status: OrderStatus;
  bread: string | null;
  peanutButter: string | null;
  jelly: string | null;
  toast: string | null;
  cut: string | null;
  extras: string[];
  items: unknown[] | null;
  notes: string | null;
  canceledBy: CanceledBy | null;
  attention: Attention;
  /** Marked rush: first on the line and in the ETA. */
  rush: boolean;
  /** Delivery-app items (by index) the kitchen has marked done. */
  itemsDone: number[];
  version: number;
  createdAt: number;
  updatedAt: number;
  statusAt: number;
};

/** A new order as the service hands it to storage (daily number, version and times are storage's). */
export type NewOrderInput = Omit<
  Order,
  'dailyNumber' | 'version' | 'updatedAt' | 'statusAt' | 'attention' | 'rush' | 'itemsDone'
>;
/** The same, by the name orders storage uses. */
export type NewOrder = NewOrderInput;

export type SandwichChoices = {
  bread: string;
  peanut_butter: string;
  jelly: string;
  toast: string;
  cut: string;
  extras: string[];
};

export type EventType = 'created' | 'status' | 'edited' | 'acknowledged' | 'rushed' | 'item';
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** What a cook must acknowledge on a ticket: what an edit changed, or a cancel from outside the kitchen. */
export type Attention = { kind: 'edited'; changes: FieldChanges } | { kind: 'canceled'; by: CanceledBy | null } | null;

/** One row of the order_events log: its seq is the live stream's event id. */
export type OrderEvent = {
  seq: number;
  orderId: string;
  type: EventType;
  action: string | null;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  actor: string;
  changes: FieldChanges | null;
  version: number;
  at: number;
};

/** What a storage change returns: the order after it, and the event it appended. */
export type Changed = { order: Order; event: OrderEvent };

export type MenuOption = { type: MenuType; option: string; label: string; inStock: boolean; sort: number };

/** Kitchen capacity and timing that feed the ETA (managers edit them; issue "manager console"). */
export type KitchenSettings = {
  prepMinutes: number;
  toastMinutes: number;
  prepStations: number;
  toasterSlots: number;
};

/** What the ETA needs of an open order (orders storage keeps these cached on SQLite). */
export type QueueEntry = {
  id: string;
  status: OrderStatus;
  toast: string | null;
  statusAt: number;
  createdAt: number;
  rush?: boolean;
};

/** An API response kept with its idempotency key, replayed for the same request. */
export type StoredResponse = { status: number; body: string };
export type IdempotencyClaim = { clientId: string; key: string; requestHash: string };

export type CreateResult =
  | { kind: 'created'; order: Order; event: OrderEvent; response: StoredResponse | null }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'mismatch' };

/** What a decision changes: a new status, new field values, or both. */
export type OrderChange = {
  type: 'status' | 'edited' | 'acknowledged' | 'rushed' | 'item';
  action: string;
  actor: string;
  at: number;
  status?: OrderStatus;
  canceledBy?: Order['canceledBy'];
  /** Set or clear what the kitchen must acknowledge; undefined leaves it as it is. */
  attention?: Order['attention'];
  fields?: Partial<
    Pick<Order, 'bread' | 'peanutButter' | 'jelly' | 'toast' | 'cut' | 'extras' | 'notes' | 'rush' | 'itemsDone'>
  >;
  changes?: FieldChanges;
  /** For a KitchenHub ticket: the call that tells KitchenHub, queued in the same transaction. */
  hubCall?: HubCall;
};

/** What changeOrder returns: the order after it, and the event (null when the decision changed nothing). */
export type MaybeChanged = { order: Order; event: OrderEvent | null };

/** A page of one API client's orders (`startingAfter` is an order id of that client's). */
export type ListQuery = {
  clientId: string;
  limit: number;
  startingAfter?: string;
  status?: OrderStatus;
  customerId?: string;
};
