import { handle, notAllowed } from '@/lib/http';
import { resumePoint, sseResponse } from '@/lib/live/sse';
import { followTrackedOrder, requireTrackedOrder } from '@/lib/orders/tracking';
import { holdPublicStream, limitPublic } from '@/lib/public-limits';

type Ctx = { params: Promise<{ orderId: string }> };

/** A tracker's live stream: this order's changes only, as its public view, resumable with Last-Event-ID. */
export const GET = handle(async (req, ctx: Ctx) => {
  await limitPublic(req, 'stream'); // 429 past the address's new streams per minute
  const { orderId } = await ctx.params;
  await requireTrackedOrder(orderId); // 404 before any stream opens
  const since = resumePoint(req);
  const release = holdPublicStream(req); // 429 past the address's open streams
  return sseResponse(req.signal, (send) => followTrackedOrder(orderId, since, send), release);
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
