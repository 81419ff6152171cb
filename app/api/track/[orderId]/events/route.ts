import { handle, notAllowed } from '@/lib/http';
import { resumePoint, sseResponse } from '@/lib/live/sse';
import { followTrackedOrder, requireTrackedOrder } from '@/lib/orders/tracking';

type Ctx = { params: Promise<{ orderId: string }> };

/** A tracker's live stream: this order's changes only, as its public view, resumable with Last-Event-ID. */
export const GET = handle(async (req, ctx: Ctx) => {
  const { orderId } = await ctx.params;
  await requireTrackedOrder(orderId); // 404 before any stream opens
  const since = resumePoint(req);
  return sseResponse(req.signal, (send) => followTrackedOrder(orderId, since, send));
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
