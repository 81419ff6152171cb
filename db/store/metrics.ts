// metrics: see twin.ts. The SQLite and PostgreSQL implementations share these signatures.
import * as sqlite from '../sqlite/metrics';
import * as pg from '../pg/metrics';
import { twin } from './twin';

export type { MetricsOrder, MetricsEvent } from '../types/metrics';

export const { loadBusinessDay, listBusinessDates } = twin(sqlite, pg, ['loadBusinessDay', 'listBusinessDates']);
