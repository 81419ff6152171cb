import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readQuery } from '@/lib/http';
import { listDeliveryLog } from '@/lib/kitchenhub/deliveries';
import { deliveriesQuery } from '@/lib/kitchenhub/deliveries-query';
import { refusalCounts } from '@/lib/kitchenhub/refusals';

/**
 * Every webhook received, newest first, with its outcome: the manager's deliveries log (`?outcome=`,
 * `?limit=`); with how many failed authentication (only a sample of those has a row).
 */
export const GET = handle(async (req) => {
  await requireStaff(req, 'manager');
  const query = readQuery(req, deliveriesQuery);
  const [deliveries, refusals] = await Promise.all([listDeliveryLog(query), refusalCounts()]);
  return Response.json({ deliveries, refusals });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
