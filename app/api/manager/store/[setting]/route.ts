import { z } from 'zod';
import { requireStaff } from '@/lib/auth/staff';
import { notFound } from '@/lib/errors';
import { handle, notAllowed, readJson } from '@/lib/http';
import { STORE_SETTINGS } from '@/lib/manager/schemas';
import { saveStoreSetting } from '@/lib/manager/store';

type Ctx = { params: Promise<{ setting: string }> };
const settingParam = z.enum(STORE_SETTINGS);

/** PUT /api/manager/store/kitchen (capacity: feeds the ETA) or /aging (ticket colours); 400 names a bad field. */
export const PUT = handle(async (req, ctx: Ctx) => {
  await requireStaff(req, 'manager');
  const setting = settingParam.safeParse((await ctx.params).setting);
  if (!setting.success) throw notFound('store setting');
  const body = await readJson(req, z.unknown());
  return Response.json(await saveStoreSetting(setting.data, body));
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, POST, PATCH, DELETE } = notAllowed('PUT');
