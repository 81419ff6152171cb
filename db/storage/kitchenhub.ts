// KitchenHub's orders and deliveries: each delivery and each decision one transaction with the tickets
// and calls it causes (see pick.ts; lib/kitchenhub decides, storage carries the plan out).
import { sqliteKitchenhub } from '../sqlite/kitchenhub';
import { pgKitchenhub } from '../pg/kitchenhub';
import type {
  Delivery,
  DeliveryLogEntry,
  DeliveryQuery,
  HubOrder,
  HubPlan,
  HubState,
  Ingested,
  RecordedDelivery,
  StoredDelivery,
} from '../types/kitchenhub';
import type { Changed, Order } from '../types/orders';
import { pick } from './pick';

export type { DeliveryLogEntry, StoredDelivery } from '../types/kitchenhub';

export interface KitchenhubStorage {
  /** Records a delivery that changes nothing (unauthorized, invalid, ignored); returns its id. */
  recordDelivery: (d: RecordedDelivery) => Promise<number>;
  /**
   * Records a delivery of an Order and applies `decide`'s plan for it, in one transaction. A body
   * already applied (same hash) is recorded as a duplicate and changes nothing.
   */
  ingestHubOrder: (
    delivery: Delivery,
    decide: (current: { hub?: HubOrder; order?: Order }) => HubPlan,
  ) => Promise<Ingested>;
  /** A manager's decision (accept, reject) or a scheduled firing on one hub order, in one transaction. */
  decideHubOrder: (
    hubOrderId: string,
    decide: (current: { hub: HubOrder; order?: Order }) => HubPlan,
    now: number,
  ) => Promise<{ hub: HubOrder; changed: Changed[] } | undefined>;
  /** Hub orders in these states, oldest first (the Incoming and Scheduled lists); 100 unless `limit` says. */
  listHubOrders: (states: readonly HubState[], limit?: number) => Promise<HubOrder[]>;
  getHubOrder: (hubOrderId: string) => Promise<HubOrder | undefined>;
  /** Scheduled hub orders whose firing time has come. */
  dueScheduledHubOrders: (now: number) => Promise<string[]>;
  /** The newest deliveries first, for the manager's log; `outcomes` narrows it (all when omitted). */
  listDeliveries: (opts?: DeliveryQuery) => Promise<DeliveryLogEntry[]>;
  /** One delivery with its raw body, for a replay. */
  getDelivery: (id: number) => Promise<StoredDelivery | undefined>;
  /** How many orders reconciliation recovered (found by polling, applied: their webhooks never came). */
  countRecovered: () => Promise<number>;
}

export const kitchenhubStorage = pick<KitchenhubStorage>(sqliteKitchenhub, pgKitchenhub);
export const {
  recordDelivery,
  ingestHubOrder,
  decideHubOrder,
  listHubOrders,
  getHubOrder,
  dueScheduledHubOrders,
  listDeliveries,
  getDelivery,
  countRecovered,
} = kitchenhubStorage;
