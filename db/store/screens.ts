// screens: see twin.ts. The SQLite and PostgreSQL implementations share these signatures.
import * as sqlite from '../sqlite/screens';
import * as pg from '../pg/screens';
import { twin } from './twin';

export type { ScreenRow, UnseenOrder } from '../types/screens';

export const { recordHeartbeat, listScreens, unseenOpenOrders, sightingOf } = twin(sqlite, pg, [
  'recordHeartbeat',
  'listScreens',
  'unseenOpenOrders',
  'sightingOf',
]);
