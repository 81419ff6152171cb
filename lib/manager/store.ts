// Store controls: pause (lib/store.ts), kitchen capacity that feeds the ETA, and ticket aging.
import { ZodError } from 'zod';
import { invalidFrom } from '../http';
import { invalidRequest } from '../errors';
import { listStaleOpenOrders } from '@/db/storage/orders';
import { businessDate } from '../orders/service';
import { toTicketView } from '../orders/views';
import { getSettings, setSetting } from '../settings';
import { agingBody, alertsBody, kitchenBody, type StoreControls, type StoreSetting } from './schemas';

export async function storeControls(now = Date.now()): Promise<StoreControls> {
  const s = await getSettings('store_paused', 'kitchen', 'aging', 'alerts');
  const stale = await listStaleOpenOrders(businessDate(now));
  return {
    paused: s.store_paused,
    kitchen: s.kitchen,
    aging: s.aging,
    alerts: s.alerts,
    stale_orders: stale.map(toTicketView),
  };
}

/**
 * Stores kitchen capacity (the ETA reads it on the next request) or the aging thresholds (kitchen
 * screens read them on their next fetch). The shape is checked here, the ranges by lib/settings.ts:
 * either failure is a 400 naming the field.
 */
export async function saveStoreSetting(key: StoreSetting, body: unknown, now = Date.now()): Promise<StoreControls> {
  const parsed = (key === 'kitchen' ? kitchenBody : key === 'aging' ? agingBody : alertsBody).safeParse(body);
  if (!parsed.success) throw invalidFrom(parsed.error);
  const value = parsed.data;
  if ('lateMinutes' in value && value.lateMinutes <= value.warningMinutes) {
    throw invalidRequest(
      'lateMinutes must be more than warningMinutes: a ticket turns amber before it turns red.',
      'lateMinutes',
    );
  }
  try {
    await setSetting(key, value, now);
  } catch (err) {
    if (err instanceof ZodError) throw invalidFrom(err);
    throw err;
  }
  return storeControls();
}
