// rate-limits: see twin.ts. The SQLite and PostgreSQL implementations share these signatures.
import * as sqlite from '../sqlite/rate-limits';
import * as pg from '../pg/rate-limits';
import { twin } from './twin';

export const { hitRateLimit, readRateLimit, sweepRateLimits } = twin(sqlite, pg, [
  'hitRateLimit',
  'readRateLimit',
  'sweepRateLimits',
]);
