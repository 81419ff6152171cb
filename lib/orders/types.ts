import type { OrderStatus } from './status';

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
