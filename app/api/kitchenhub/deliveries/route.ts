import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readQuery } from '@/lib/http';
import { listDeliveryLog } from '@/lib/kitchenhub/deliveries';
import { deliveriesQuery } from '@/lib/kitchenhub/deliveries-query';

/** Every webhook received, newest first, with its outcome: the manager's deliveries log (`?outcome=`, `?limit=`). */
export const GET = handle(async (req) => {
  await requireStaff(req, 'manager');
  const query = readQuery(req, deliveriesQuery);
  return Response.json({ deliveries: await listDeliveryLog(query) });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
