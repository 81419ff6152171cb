// The manager's deliveries log: which outcomes are problems, which deliveries can be replayed, and
// the wire shapes of the log and of a replay. Pure zod, so the page parses with the very schemas
// the server's views are typed by.
import { z } from 'zod';
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
  return outcome === 'unauthorized' ? 'its body was never stored (it failed authentication), so there is nothing to run again.' : null;
}
export const canReplay = (outcome: DeliveryOutcome) => replayRefusal(outcome) === null;

const outcomeList = z
  .string()
  .transform((s) => s.split(',').map((o) => o.trim()))
  .pipe(z.array(z.enum(DELIVERY_OUTCOMES)).min(1));

/** GET /api/kitchenhub/deliveries: `outcome` is one outcome or several, comma-separated (`invalid,unauthorized`). */
export const deliveriesQuery = z.strictObject({
  outcome: outcomeList.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type DeliveriesQuery = z.infer<typeof deliveriesQuery>;

/** A delivery id in a path: a positive integer, written plainly. */
export const deliveryIdParam = z.string().regex(/^[1-9]\d{0,14}$/, 'must be a delivery id (a positive whole number)').transform(Number);

export const deliveryViewSchema = z.object({
  id: z.number(),
  received_at: z.number(),
  event_type: z.string().nullable(),
  hub_order_id: z.string().nullable(),
  hub_status: z.string().nullable(),
  outcome: z.enum(DELIVERY_OUTCOMES),
  error: z.string().nullable(),
  /** The delivery this one replays, when a manager replayed it. */
  replay_of: z.number().nullable(),
  can_replay: z.boolean(),
  cannot_replay_reason: z.string().nullable(),
});
export type DeliveryView = z.infer<typeof deliveryViewSchema>;

export const deliveryLogSchema = z.object({ deliveries: z.array(deliveryViewSchema) });
export type DeliveryLog = z.infer<typeof deliveryLogSchema>;

/** What POST …/deliveries/{id}/replay answers: the new delivery, recorded like any other. */
export const replayResultSchema = z.object({
  outcome: deliveryViewSchema.shape.outcome,
  delivery: deliveryViewSchema,
  hub_order_id: z.string().nullable(),
  order_id: z.string().nullable(),
});
export type ReplayResult = z.infer<typeof replayResultSchema>;
