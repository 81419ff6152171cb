// KitchenHub's orders and deliveries as storage keeps them (hub_orders, hub_deliveries). Pure:
// imports nothing outside db/types.
import type { Changed, NewOrderInput, OrderStatus } from './orders';
import type { HubCall } from './outbox';

/** KitchenHub spells it both ways; one name past this boundary (lib/kitchenhub/schema.ts parses it). */
export const HUB_STATUSES = ['new', 'scheduled', 'accepted', 'completed', 'canceled'] as const;
export type HubStatus = (typeof HUB_STATUSES)[number];

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

/** A delivery as the manager's log shows it: everything but the raw body. */
export type DeliveryLogEntry = {
  id: number;
  receivedAt: number;
  headers: Record<string, string>;
  eventType: string | null;
  hubOrderId: string | null;
  hubStatus: string | null;
  outcome: DeliveryOutcome;
  error: string | null;
  source: DeliverySource;
};
export type StoredDelivery = DeliveryLogEntry & { body: string; bodyHash: string };

/** A delivery as recordDelivery stores it, with what became of it. */
export type RecordedDelivery = Delivery & { outcome: DeliveryOutcome; error: string | null };

/** What ingestHubOrder did: the delivery's outcome, the tickets it changed, and the row it recorded. */
export type Ingested = { outcome: DeliveryOutcome; changed: Changed[]; orderId: string | null; deliveryId: number };

/** Which deliveries listDeliveries returns: `outcomes` narrows it (all when omitted). */
export type DeliveryQuery = { limit?: number; outcomes?: readonly DeliveryOutcome[] };
