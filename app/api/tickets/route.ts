import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed } from '@/lib/http';
import { kitchenBoard } from '@/lib/orders/tickets';

/** Every open ticket and the recently finished ones, with the event seq to follow the stream from. */
export const GET = handle(async (req) => {
  await requireStaff(req);
  return Response.json(await kitchenBoard());
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
