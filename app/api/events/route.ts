import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed } from '@/lib/http';
import { followOrderEvents } from '@/lib/live/follow';
import { resumePoint, sseResponse } from '@/lib/live/sse';
import { toEventView, toTicketView } from '@/lib/orders/views';

/** The kitchen's live stream: every order change as a ticket, resumable with Last-Event-ID. */
export const GET = handle(async (req) => {
  await requireStaff(req);
  const since = resumePoint(req);
  return sseResponse(req.signal, (send) =>
    followOrderEvents({
      topic: 'kitchen',
      since,
      send,
      renderKey: 'kitchen-ticket',
      render: ({ event, order }) => ({ event: toEventView(event), ticket: toTicketView(order) }),
    }),
  );
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
