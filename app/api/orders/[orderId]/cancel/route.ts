import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readJson } from '@/lib/http';
import { staffActionBody } from '@/lib/orders/schemas';
import { cancelOrder } from '@/lib/orders/service';
import { toTicketView } from '@/lib/orders/views';

/** The kitchen cancels a ticket, only while queued or prepping (else 409 order_not_cancelable). */
export const POST = handle(async (req, ctx: { params: Promise<{ orderId: string }> }) => {
  const member = await requireStaff(req);
  const { orderId } = await ctx.params;
  const { version } = await readJson(req, staffActionBody);
  const order = await cancelOrder({
    actor: `staff:${member.id}`,
    seenVersion: version,
    orderId,
    canceledBy: 'kitchen',
  });
  return Response.json({ ticket: toTicketView(order) });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
