import { requireStaff } from '@/lib/auth/staff';
import { handle } from '@/lib/http';
import { storeControls } from '@/lib/manager/store';

/** Pause state, kitchen capacity and aging thresholds. Pause itself is PUT /api/store. */
export const GET = handle(async (req) => {
  await requireStaff(req, 'manager');
  return Response.json(await storeControls());
});
