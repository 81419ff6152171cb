import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed } from '@/lib/http';
import { screensOverview } from '@/lib/live/screens';

/** Every kitchen screen heard from today with its last heartbeat, and the missing-order alarm (managers only). */
export const GET = handle(async (req) => {
  await requireStaff(req, 'manager');
  return Response.json(await screensOverview());
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
