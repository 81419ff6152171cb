import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed } from '@/lib/http';
import { storeControls } from '@/lib/manager/store';

/** Pause state, kitchen capacity and aging thresholds. Pause itself is PUT /api/store. */
export const GET = handle(async (req) => {
  await requireStaff(req, 'manager');
  return Response.json(await storeControls());
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
