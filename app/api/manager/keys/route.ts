import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readJson } from '@/lib/http';
import { createKey, listKeys } from '@/lib/manager/keys';
import { createKeyBody } from '@/lib/manager/schemas';

/** Every API key: name, prefix, test/live, created, last used, revoked (never the key itself). */
export const GET = handle(async (req) => {
  await requireStaff(req, 'manager');
  return Response.json({ keys: await listKeys() });
});

/** A new key with its own API client; the only answer that ever carries the plain key. */
export const POST = handle(async (req) => {
  await requireStaff(req, 'manager');
  const body = await readJson(req, createKeyBody);
  return Response.json(await createKey(body), { status: 201, headers: { 'Cache-Control': 'no-store' } });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { PUT, PATCH, DELETE } = notAllowed('GET', 'POST');
