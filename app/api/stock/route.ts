import { requireStaff } from '@/lib/auth/staff';
import { handle } from '@/lib/http';
import { menuView } from '@/lib/orders/stock';

export const GET = handle(async (req) => {
  await requireStaff(req);
  return Response.json(await menuView());
});
