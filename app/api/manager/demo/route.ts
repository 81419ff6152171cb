import { requireStaff } from '@/lib/auth/staff';
import { demoView, switchDemoOff } from '@/lib/demo';
import { handle, notAllowed } from '@/lib/http';

/** Whether demo data and the sandbox KitchenHub are on. */
export const GET = handle(async (req) => {
  await requireStaff(req, 'manager');
  return Response.json(await demoView());
});

/** Going live: the demo key revoked, the demo staff deactivated, the banner, docs key and sandbox off. */
export const DELETE = handle(async (req) => {
  const member = await requireStaff(req, 'manager');
  await switchDemoOff(member);
  return Response.json(await demoView());
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH } = notAllowed('GET', 'DELETE');
