// Reconciliation: webhooks get lost. Every KITCHENHUB_POLL_SECONDS one instance (the
// `kitchenhub_poll` lease) reads KitchenHub's recent orders with GET /v2/orders/ — `date_from` = the
// last poll minus a margin, page after page until one comes back empty (the list is a bare array with
// no paging metadata) — and runs every order we lack, or whose status moved on, through the same
// ingestion as a webhook, marked `reconciliation` in the deliveries log. Ingestion dedupes by
// KitchenHub id inside its transaction, so an order is never ingested twice, even when a webhook and
// a poll (or two instances) bring it at the same moment.
import { getHubOrder } from '@/db/storage/kitchenhub';
import { releaseLease, tryLease } from '@/db/storage/leases';
import { env } from '../env';
import { taskHolder } from '../instance';
import { getSetting, setSetting } from '../settings';
import { listOrdersPage } from './client';
import { hubConfig } from './config';
import { processDelivery } from './ingest';
import { parseJsonKeepingBigInts } from './json';
import { noting } from './problems';
import { HUB_RANK, hubOrderObject } from './schema';
import type { PollResult } from './views';

/** Orders changed shortly before the last poll are read again: clocks differ, lists lag. */
export const POLL_MARGIN_MS = 5 * 60_000;
/** The first poll looks this far back. */
const FIRST_LOOKBACK_MS = 60 * 60_000;
/** A safety stop: more pages than this in one poll means something is wrong with the paging. */
const MAX_PAGES = 50;
const LEASE = 'kitchenhub_poll';

/** KitchenHub's date filter format: `2022-03-30T16:12:33`, in UTC. */
export const hubDate = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** One poll now, if no other instance is polling. */
export async function reconcile(now = Date.now()): Promise<PollResult> {
  const none = { ran: false, pages: 0, seen: 0, ingested: 0, recovered: 0, error: null };
  const { api } = await hubConfig();
  if (!api) return { ...none, error: 'The KitchenHub API is not configured.' };
  const me = taskHolder();
  if (!(await tryLease(LEASE, me, now, 60_000))) return none;
  const state = await getSetting('kitchenhub_poll');
  const result: PollResult = { ...none, ran: true };
  try {
    const from = (state.lastPollAt ?? now - FIRST_LOOKBACK_MS) - POLL_MARGIN_MS;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const text = await noting(() => listOrdersPage(api, { date_from: hubDate(from), page }));
      const orders = parseJsonKeepingBigInts(text);
      if (!Array.isArray(orders) || orders.length === 0) break;
      result.pages = page;
      for (const raw of orders) {
        result.seen++;
        const parsed = hubOrderObject.safeParse(raw);
        if (!parsed.success) continue; // not an order we can read: the webhook path would refuse it too
        const o = parsed.data;
        const ours = await getHubOrder(o.order.id);
        // An order we never saw that is already over needs nothing from the kitchen.
        if (!ours && (o.order.status === 'completed' || o.order.status === 'canceled')) continue;
        if (ours && HUB_RANK[o.order.status] <= HUB_RANK[ours.hubStatus]) continue;
        const done = await processDelivery(
          { body: JSON.stringify(raw), headers: { 'x-kds-source': 'reconciliation (GET /v2/orders/)' } },
          Date.now(),
          'reconciliation',
        );
        if (done.outcome === 'applied') {
          result.ingested++;
          if (!ours) result.recovered++;
        }
      }
    }
    await setSetting('kitchenhub_poll', { lastPollAt: now, lastError: null, lastFinishedAt: Date.now() });
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
    await setSetting('kitchenhub_poll', { ...state, lastError: result.error, lastFinishedAt: Date.now() });
  } finally {
    await releaseLease(LEASE, me);
  }
  return result;
}

/** The job tick's poll: only when KITCHENHUB_POLL_SECONDS have passed since the last one. */
export async function reconcileIfDue(now = Date.now()): Promise<PollResult | null> {
  const every = env().KITCHENHUB_POLL_SECONDS;
  if (every === 0) return null;
  const { lastFinishedAt } = await getSetting('kitchenhub_poll');
  if (lastFinishedAt !== null && now - lastFinishedAt < every * 1000) return null;
  return reconcile(now);
}
