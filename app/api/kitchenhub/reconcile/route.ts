import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed } from '@/lib/http';
import { reconcile } from '@/lib/kitchenhub/reconcile';

/** "Check KitchenHub now": one reconciliation poll (GET /v2/orders/), as the timer would run it. */
export const POST = handle(async (req) => {
  await requireStaff(req, 'manager');
  return Response.json(await reconcile());
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
