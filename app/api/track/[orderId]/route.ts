import { handle, jsonWithEtag, notAllowed } from '@/lib/http';
import { requireTrackedOrder, trackingEtagBasis, trackingViewOf } from '@/lib/orders/tracking';
import { limitPublic } from '@/lib/public-limits';

type Ctx = { params: Promise<{ orderId: string }> };

/** The customer's tracker: the public view of one order (no sign-in; the id is the capability), 304 while unchanged. */
export const GET = handle(async (req, ctx: Ctx) => {
  await limitPublic(req, 'track'); // also bounds guessing at order ids
  const { orderId } = await ctx.params;
  const view = await trackingViewOf(await requireTrackedOrder(orderId));
  return jsonWithEtag(req, view, {}, trackingEtagBasis(view));
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
