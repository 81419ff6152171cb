import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readJson } from '@/lib/http';
import { staffActionBody } from '@/lib/orders/schemas';
import { moveOrder } from '@/lib/orders/service';
import { toTicketView } from '@/lib/orders/views';

/** Undo, or recall from the drawer: the ticket moves back exactly one step (stale version: 409 + current ticket). */
export const POST = handle(async (req, ctx: { params: Promise<{ orderId: string }> }) => {
  const member = await requireStaff(req);
  const { orderId } = await ctx.params;
  const { version } = await readJson(req, staffActionBody);
  const order = await moveOrder({ actor: `staff:${member.id}`, seenVersion: version, orderId, action: 'undo' });
  return Response.json({ ticket: toTicketView(order) });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
