// outbox: see twin.ts. The SQLite and PostgreSQL implementations share these signatures.
import * as sqlite from '../sqlite/outbox';
import * as pg from '../pg/outbox';
import { twin } from './twin';

export type { CallWithOrder } from '../types/outbox';

export const { claimDueCall, finishCall, retryCallNow, getCall, nextDueAt, listCalls, countStuckCalls } = twin(
  sqlite,
  pg,
  ['claimDueCall', 'finishCall', 'retryCallNow', 'getCall', 'nextDueAt', 'listCalls', 'countStuckCalls'],
);
