import { requireStaff } from '@/lib/auth/staff';
import { handle } from '@/lib/http';
import { screensOverview } from '@/lib/live/screens';

/** Every kitchen screen heard from today with its last heartbeat, and the missing-order alarm. */
export const GET = handle(async (req) => {
  await requireStaff(req);
  return Response.json(await screensOverview());
});
