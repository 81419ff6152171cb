import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readJson } from '@/lib/http';
import { screenSettingsBody, updateScreenSettings } from '@/lib/live/screens';

/** How long an order may go unshown before the alarm (managers). */
export const PUT = handle(async (req) => {
  await requireStaff(req, 'manager');
  const body = await readJson(req, screenSettingsBody);
  return Response.json(await updateScreenSettings(body));
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, POST, PATCH, DELETE } = notAllowed('PUT');
