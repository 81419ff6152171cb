import { requireStaff } from '@/lib/auth/staff';
import { handle } from '@/lib/http';
import { incomingHubOrders } from '@/lib/kitchenhub/manager';

/** The manager's Incoming (pending) and Scheduled lists. */
export const GET = handle(async (req) => {
  await requireStaff(req, 'manager');
  return Response.json(await incomingHubOrders());
});
