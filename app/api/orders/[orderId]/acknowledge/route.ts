import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readJson } from '@/lib/http';
import { staffActionBody } from '@/lib/orders/schemas';
import { acknowledgeOrder } from '@/lib/orders/service';
import { toTicketView } from '@/lib/orders/views';

/** Got it: a cook has seen what changed or that it was canceled; the ticket stops alerting on every screen. */
export const POST = handle(async (req, ctx: { params: Promise<{ orderId: string }> }) => {
  const member = await requireStaff(req);
  const { orderId } = await ctx.params;
  const { version } = await readJson(req, staffActionBody);
  const order = await acknowledgeOrder({ actor: `staff:${member.id}`, seenVersion: version, orderId });
  return Response.json({ ticket: toTicketView(order) });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
