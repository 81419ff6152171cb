import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed } from '@/lib/http';
import { revokeApiKey } from '@/lib/manager/keys';

type Ctx = { params: Promise<{ keyId: string }> };

/** Revokes the key: the API refuses it with 401 from the next request on. */
export const DELETE = handle(async (req, ctx: Ctx) => {
  await requireStaff(req, 'manager');
  const { keyId } = await ctx.params;
  return Response.json({ key: await revokeApiKey(keyId) });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, POST, PUT, PATCH } = notAllowed('DELETE');
