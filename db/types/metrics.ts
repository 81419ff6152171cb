// The rows the manager's numbers are computed from (lib/manager/metrics.ts). Pure: imports nothing
// outside db/types.
import type { CanceledBy, OrderSource, OrderStatus } from './orders';

export type MetricsOrder = {
  id: string;
  dailyNumber: number;
  source: OrderSource;
  provider: string | null;
  status: OrderStatus;
  createdAt: number;
  canceledBy: CanceledBy | null;
  bread: string | null;
  peanutButter: string | null;
  jelly: string | null;
  toast: string | null;
  cut: string | null;
  extras: string[];
  items: unknown[] | null;
};

/** A `created` or `status` event: the moves that time a ticket (edits and acknowledgements do not). */
export type MetricsEvent = {
  seq: number;
  orderId: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  actor: string;
  at: number;
};

export type BusinessDay = { orders: MetricsOrder[]; events: MetricsEvent[] };
