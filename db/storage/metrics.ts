// The rows the manager's numbers are computed from (see pick.ts; the figures are lib/manager/metrics.ts's).
import { sqliteMetrics } from '../sqlite/metrics';
import { pgMetrics } from '../pg/metrics';
import type { BusinessDay } from '../types/metrics';
import { pick } from './pick';

export type { MetricsOrder, MetricsEvent } from '../types/metrics';

export interface MetricsStorage {
  /** One business day's orders and their status events (oldest first), read in one transaction so they agree. */
  loadBusinessDay: (date: string) => Promise<BusinessDay>;
  /** The most recent business days that have orders, newest first. */
  listBusinessDates: (limit: number) => Promise<string[]>;
}

export const metricsStorage = pick<MetricsStorage>(sqliteMetrics, pgMetrics);
export const { loadBusinessDay, listBusinessDates } = metricsStorage;
