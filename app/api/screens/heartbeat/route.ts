import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readJson } from '@/lib/http';
import { heartbeat, heartbeatBody } from '@/lib/live/screens';

/** A kitchen screen's heartbeat: what it has seen; the answer says whether it is in sync, and any alarm. */
export const POST = handle(async (req) => {
  const member = await requireStaff(req);
  const body = await readJson(req, heartbeatBody);
  return Response.json(await heartbeat({ body, staffName: member.name, userAgent: req.headers.get('user-agent') }));
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
