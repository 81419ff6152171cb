import { handle, notAllowed } from '@/lib/http';
import { cancelFromTracker } from '@/lib/orders/tracking';
import { limitPublic } from '@/lib/public-limits';

type Ctx = { params: Promise<{ orderId: string }> };

/** The tracker's Cancel button: 200 with the canceled order, or 409 order_not_cancelable with the order as it is now. */
export const POST = handle(async (req, ctx: Ctx) => {
  await limitPublic(req, 'cancel');
  const { orderId } = await ctx.params;
  return Response.json(await cancelFromTracker(orderId));
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
