// orders: see twin.ts. The SQLite and PostgreSQL implementations share these signatures.
import * as sqlite from '../sqlite/orders';
import * as pg from '../pg/orders';
import { twin } from './twin';

export type { NewOrder, StoredResponse, IdempotencyClaim, CreateResult, OrderChange, ListQuery } from '../types/orders';

export const {
  findIdempotentResponse,
  createOrder,
  changeOrder,
  getOrder,
  listClientOrders,
  listOpenOrders,
  listQueue,
  listKitchenOrders,
  listRecentlyClosed,
  eventsSince,
  latestEventSeq,
  orderHistory,
  pruneIdempotencyKeys,
  readySince,
  listStaleOpenOrders,
} = twin(sqlite, pg, [
  'findIdempotentResponse',
  'createOrder',
  'changeOrder',
  'getOrder',
  'listClientOrders',
  'listOpenOrders',
  'listQueue',
  'listKitchenOrders',
  'listRecentlyClosed',
  'eventsSince',
  'latestEventSeq',
  'orderHistory',
  'pruneIdempotencyKeys',
  'readySince',
  'listStaleOpenOrders',
]);
