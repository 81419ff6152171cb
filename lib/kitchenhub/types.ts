import type { OrderStatus } from '@/lib/orders/status';
import type { NewOrderInput } from '@/lib/orders/types';
import type { HubStatus } from './schema';

export type HubState = 'pending' | 'scheduled' | 'accepted' | 'rejected' | 'canceled' | 'completed';

/** A KitchenHub order as we keep it (hub_orders). */
export type HubOrder = {
  hubOrderId: string;
  orderId: string | null;
  state: HubState;
  hubStatus: HubStatus;
  providerId: string;
  providerName: string;
  number: string | null;
  hubDailyNumber: number | null;
  orderType: 'pickup' | 'delivery' | 'dinein';
  asap: boolean;
  customerName: string | null;
  notes: string | null;
  placedAt: number | null;
  pickupAt: number | null;
  scheduledFor: number | null;
  data: Record<string, unknown>;
  prepTimeMinutes: number | null;
  fireAt: number | null;
  decidedBy: string | null;
  decidedAt: number | null;
  rejectReason: string | null;
  createdAt: number;
  updatedAt: number;
};

export type DeliveryOutcome = 'applied' | 'duplicate' | 'stale' | 'ignored' | 'invalid' | 'unauthorized';

/** How a delivery reached us (hub_deliveries.source). */
export type DeliverySource = 'webhook' | 'reconciliation' | 'replay' | 'reread';

export type Delivery = {
  receivedAt: number;
  body: string;
  headers: Record<string, string>;
  bodyHash: string;
  eventType: string | null;
  hubOrderId: string | null;
  hubStatus: string | null;
  source?: DeliverySource;
};

/** What to do to the kitchen's order when KitchenHub's status moves. */
export type TicketMove = { to: OrderStatus; action: 'hub_complete' | 'hub_cancel' };

/**
 * A decision about one hub order, made by lib/ and carried out by db/ in one transaction with the
 * delivery record: the hub order's new fields, a ticket to create, a ticket to move.
 */
export type HubPlan = {
  outcome: DeliveryOutcome;
  hub?: Partial<HubOrder> & Pick<HubOrder, 'hubOrderId'>;
  createTicket?: NewOrderInput;
  moveTicket?: TicketMove;
  /** Calls to make to KitchenHub, queued in the same transaction. */
  calls?: HubCall[];
  actor: string;
};

/**
 * A call we owe KitchenHub about an order; its payload is the body of PUT /v2/orders/{id}/status/
 * (KitchenHub's OrderStatusSerializer). A reject is KitchenHub's cancel; KitchenHub takes no reason.
 */
export type HubCall =
  | { action: 'accept'; payload: { status: 'accept'; prep_time: number } }
  | { action: 'reject'; payload: { status: 'cancel' } }
  | { action: 'cancel'; payload: { status: 'cancel' } }
  | { action: 'complete'; payload: { status: 'complete' } };
export type HubCallAction = HubCall['action'];

export type OutboxState = 'pending' | 'sent' | 'failed' | 'conflict' | 'unsupported';

/** A call in the outbox (hub_outbox). */
export type OutboxCall = {
  id: number;
  hubOrderId: string;
  action: HubCallAction;
  payload: Record<string, unknown>;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  lockedUntil: number;
  lastStatus: number | null;
  lastError: string | null;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  sentAt: number | null;
};
