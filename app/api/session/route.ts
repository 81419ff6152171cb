import { deviceCookieHeader, requireStaff, sessionCookieHeader, signIn, signOut } from '@/lib/auth/staff';
import { handle, notAllowed, readJson } from '@/lib/http';
import { signInBody } from '@/lib/orders/schemas';

/** Sign in with name and PIN: sets the session cookie (and, for a manager, marks the device trusted). */
export const POST = handle(async (req) => {
  const { name, pin } = await readJson(req, signInBody);
  const { staff, cookie, deviceMark } = await signIn(req, name, pin);
  const headers = new Headers({ 'Set-Cookie': sessionCookieHeader(req, cookie) });
  if (deviceMark) headers.append('Set-Cookie', deviceCookieHeader(req, deviceMark));
  return Response.json({ staff }, { headers });
});

/** Who is signed in (401 when nobody). */
export const GET = handle(async (req) => Response.json({ staff: await requireStaff(req) }));

/** Sign out: ends the session and clears the cookie. */
export const DELETE = handle(async (req) => {
  await signOut(req);
  return new Response(null, { status: 204, headers: { 'Set-Cookie': sessionCookieHeader(req, '', 0) } });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { PUT, PATCH } = notAllowed('GET', 'POST', 'DELETE');
