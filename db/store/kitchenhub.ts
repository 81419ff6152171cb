// kitchenhub: see twin.ts. The SQLite and PostgreSQL implementations share these signatures.
import * as sqlite from '../sqlite/kitchenhub';
import * as pg from '../pg/kitchenhub';
import { twin } from './twin';

export type { DeliveryLogEntry, StoredDelivery } from '../types/kitchenhub';

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
} = twin(sqlite, pg, [
  'recordDelivery',
  'ingestHubOrder',
  'decideHubOrder',
  'listHubOrders',
  'getHubOrder',
  'dueScheduledHubOrders',
  'listDeliveries',
  'getDelivery',
  'countRecovered',
]);
