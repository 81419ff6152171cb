import { requireStaff, signOutEverywhere } from '@/lib/auth/staff';
import { handle, notAllowed } from '@/lib/http';
import { findMember } from '@/lib/manager/staff';

type Ctx = { params: Promise<{ staffId: string }> };

/** Signs a staff member out on every device (a lost tablet, a PIN seen by someone): {ended: n}. */
export const DELETE = handle(async (req, ctx: Ctx) => {
  await requireStaff(req, 'manager');
  const { staffId } = await ctx.params;
  await findMember(staffId);
  return Response.json({ ended: await signOutEverywhere(staffId) });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, POST, PUT, PATCH } = notAllowed('DELETE');
