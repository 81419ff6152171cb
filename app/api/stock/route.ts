import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed } from '@/lib/http';
import { menuView } from '@/lib/orders/stock';

export const GET = handle(async (req) => {
  await requireStaff(req);
  return Response.json(await menuView());
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
