import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed } from '@/lib/http';
import { incomingHubOrders } from '@/lib/kitchenhub/manager';

/** The manager's Incoming (pending) and Scheduled lists. */
export const GET = handle(async (req) => {
  await requireStaff(req, 'manager');
  return Response.json(await incomingHubOrders());
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
