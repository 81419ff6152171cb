import { handle, notAllowed } from '@/lib/http';
import { resumePoint, sseResponse } from '@/lib/live/sse';
import { followPickupBoard } from '@/lib/orders/tracking';

/** The pickup board's live stream: each order change as its public board entry only, resumable with Last-Event-ID. */
export const GET = handle(async (req) => {
  const since = resumePoint(req);
  return sseResponse(req.signal, (send) => followPickupBoard(since, send));
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
