// The calls we owe KitchenHub (the hub_outbox table), as storage keeps them. Pure: no imports.

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

/** A call with the hub order it is about (the manager's list of calls). */
export type CallWithOrder = OutboxCall & {
  providerName: string;
  number: string | null;
  customerName: string | null;
  orderId: string | null;
};

/** How one attempt at a call went (finishCall). */
export type CallResult = {
  state: OutboxState;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt?: number;
  sentAt?: number;
};

/** Which calls listCalls returns: `open` keeps the pending and failed ones only. */
export type CallQuery = { open?: boolean; hubOrderId?: string; id?: number; limit?: number };
