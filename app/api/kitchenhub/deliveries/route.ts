import { listDeliveries } from '@/db/sqlite/kitchenhub';
import { requireStaff } from '@/lib/auth/staff';
import { handle } from '@/lib/http';

/** Every webhook received, newest first, with its outcome: the manager's deliveries log. */
export const GET = handle(async (req) => {
  await requireStaff(req, 'manager');
  const deliveries = await listDeliveries(200);
  return Response.json({
    deliveries: deliveries.map((d) => ({ id: d.id, received_at: d.receivedAt, event_type: d.eventType, hub_order_id: d.hubOrderId, hub_status: d.hubStatus, outcome: d.outcome, error: d.error })),
  });
});
