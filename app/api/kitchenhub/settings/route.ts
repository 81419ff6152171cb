import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, originOf, readJson } from '@/lib/http';
import { hubSettingsBody, hubSettingsView, updateHubSettings } from '@/lib/kitchenhub/config';

/** The KitchenHub connection as the manager console shows it (secrets only as set/unset and a hint). */
export const GET = handle(async (req) => {
  await requireStaff(req, 'manager');
  return Response.json(await hubSettingsView(originOf(req)));
});

/** Changes the API settings, the public URL, auto-accept or pausing with the store. */
export const PUT = handle(async (req) => {
  await requireStaff(req, 'manager');
  const body = await readJson(req, hubSettingsBody);
  await updateHubSettings(body);
  return Response.json(await hubSettingsView(originOf(req)));
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PATCH, DELETE } = notAllowed('GET', 'PUT');
