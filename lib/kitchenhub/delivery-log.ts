// The manager's deliveries log: which outcomes are problems, which deliveries can be replayed, and
// the wire shapes of the log and of a replay. zod/mini (it ships to the browser; see
// lib/manager/views.ts), so the page parses with the very schemas the server's views are typed by.
// The log's query and path parameters are parsed in ./deliveries-query.ts.
import * as z from 'zod/mini';
import type { DeliveryOutcome } from './types';

/** Whether an outcome needs the manager's eye (red in the log, shown by "Problems only"). */
const IS_PROBLEM: Record<DeliveryOutcome, boolean> = {
  applied: false,
  duplicate: false,
  stale: false,
  ignored: false,
  invalid: true,
  unauthorized: true,
};
export const DELIVERY_OUTCOMES = Object.keys(IS_PROBLEM) as DeliveryOutcome[];
export const PROBLEM_OUTCOMES = DELIVERY_OUTCOMES.filter((o) => IS_PROBLEM[o]);

/** The header a replayed delivery carries in its stored headers: the id of the delivery it replays. */
export const REPLAY_OF_HEADER = 'x-kds-replay-of';
/** Who asked for the replay (a staff member's name), kept beside it. */
export const REPLAYED_BY_HEADER = 'x-kds-replayed-by';

/**
 * Why a delivery cannot be replayed, or null when it can: an unauthorized delivery's body was never
 * stored (nothing unauthenticated is kept), so there is nothing to run again.
 */
export function replayRefusal(outcome: DeliveryOutcome): string | null {
  return outcome === 'unauthorized'
    ? 'its body was never stored (it failed authentication), so there is nothing to run again.'
    : null;
}
export const canReplay = (outcome: DeliveryOutcome) => replayRefusal(outcome) === null;

export const deliveryViewSchema = z.object({
  id: z.number(),
  received_at: z.number(),
  event_type: z.nullable(z.string()),
  hub_order_id: z.nullable(z.string()),
  hub_status: z.nullable(z.string()),
  outcome: z.enum(DELIVERY_OUTCOMES),
  error: z.nullable(z.string()),
  /** How it reached us: a webhook, reconciliation (found by polling KitchenHub), a replay, a re-read after a 409. */
  source: z.enum(['webhook', 'reconciliation', 'replay', 'reread']),
  /** The delivery this one replays, when a manager replayed it. */
  replay_of: z.nullable(z.number()),
  can_replay: z.boolean(),
  cannot_replay_reason: z.nullable(z.string()),
});
export type DeliveryView = z.infer<typeof deliveryViewSchema>;

/**
 * Deliveries that failed authentication, counted (lib/kitchenhub/refusals.ts): only a sample of them
 * has a row in the log, so the counts say how many there really were.
 */
export const refusalCountsSchema = z.object({
  today: z.number(),
  today_since: z.number(),
  this_minute: z.number(),
  logged_per_minute: z.number(),
});

export const deliveryLogSchema = z.object({ deliveries: z.array(deliveryViewSchema), refusals: refusalCountsSchema });
export type DeliveryLog = z.infer<typeof deliveryLogSchema>;

/** What POST …/deliveries/{id}/replay answers: the new delivery, recorded like any other. */
export const replayResultSchema = z.object({
  outcome: deliveryViewSchema.shape.outcome,
  delivery: deliveryViewSchema,
  hub_order_id: z.nullable(z.string()),
  order_id: z.nullable(z.string()),
});
export type ReplayResult = z.infer<typeof replayResultSchema>;
