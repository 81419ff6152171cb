import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readJson } from '@/lib/http';
import { changeStaffBody } from '@/lib/manager/schemas';
import { changeMember } from '@/lib/manager/staff';

type Ctx = { params: Promise<{ staffId: string }> };

/** Renames, sets a PIN or role, deactivates ({"active": false}: their sessions end) or brings back a member. */
export const PUT = handle(async (req, ctx: Ctx) => {
  await requireStaff(req, 'manager');
  const { staffId } = await ctx.params;
  const body = await readJson(req, changeStaffBody);
  return Response.json({ member: await changeMember(staffId, body) });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, POST, PATCH, DELETE } = notAllowed('PUT');
