import { requireStaff } from '@/lib/auth/staff';
import { handle } from '@/lib/http';
import { reconcile } from '@/lib/kitchenhub/reconcile';

/** "Check KitchenHub now": one reconciliation poll (GET /v2/orders/), as the timer would run it. */
export const POST = handle(async (req) => {
  await requireStaff(req, 'manager');
  return Response.json(await reconcile());
});
