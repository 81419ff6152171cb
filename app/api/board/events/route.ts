import { handle, notAllowed } from '@/lib/http';
import { resumePoint, sseResponse } from '@/lib/live/sse';
import { followPickupBoard } from '@/lib/orders/tracking';
import { holdPublicStream, limitPublic } from '@/lib/public-limits';

/** The pickup board's live stream: each order change as its public board entry only, resumable with Last-Event-ID. */
export const GET = handle(async (req) => {
  await limitPublic(req, 'stream'); // 429 past the address's new streams per minute
  const since = resumePoint(req);
  const release = holdPublicStream(req); // 429 past the address's open streams
  return sseResponse(req.signal, (send) => followPickupBoard(since, send), release);
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
