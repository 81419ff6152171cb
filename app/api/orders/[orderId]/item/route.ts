import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readJson } from '@/lib/http';
import { itemActionBody } from '@/lib/orders/schemas';
import { markItem } from '@/lib/orders/service';
import { toTicketView } from '@/lib/orders/views';

/** One item of a multi-item (delivery-app) order done or not: the first starts the ticket, the last makes it ready. */
export const POST = handle(async (req, ctx: { params: Promise<{ orderId: string }> }) => {
  const member = await requireStaff(req);
  const { orderId } = await ctx.params;
  const { version, index, done } = await readJson(req, itemActionBody);
  const order = await markItem({ actor: `staff:${member.id}`, seenVersion: version, orderId, index, done });
  return Response.json({ ticket: toTicketView(order) });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
