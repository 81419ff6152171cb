import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readJson } from '@/lib/http';
import { addStaffBody } from '@/lib/manager/schemas';
import { addMember, listTeam } from '@/lib/manager/staff';

/** Everyone who can sign in (and who no longer can), and which of them is asking. */
export const GET = handle(async (req) => {
  const me = await requireStaff(req, 'manager');
  return Response.json({ staff: await listTeam(), you: me.id });
});

/** Adds a member with a PIN no active member uses (409 conflict otherwise). */
export const POST = handle(async (req) => {
  await requireStaff(req, 'manager');
  const body = await readJson(req, addStaffBody);
  return Response.json({ member: await addMember(body) }, { status: 201 });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { PUT, PATCH, DELETE } = notAllowed('GET', 'POST');
