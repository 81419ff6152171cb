import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readJson } from '@/lib/http';
import { storeStatus, storeUpdateBody, updateStore } from '@/lib/store';

export const GET = handle(async (req) => {
  await requireStaff(req);
  return Response.json(await storeStatus());
});

/** Pause or resume intake (managers): while paused, POST /v1/orders answers 503 store_paused. */
export const PUT = handle(async (req) => {
  await requireStaff(req, 'manager');
  const body = await readJson(req, storeUpdateBody);
  return Response.json(await updateStore(body));
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PATCH, DELETE } = notAllowed('GET', 'PUT');
