import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readJson } from '@/lib/http';
import { staffActionBody } from '@/lib/orders/schemas';
import { setRush } from '@/lib/orders/service';
import { toTicketView } from '@/lib/orders/views';

/** Marks a ticket RUSH: it goes first on the board and in the ETA, only while being made. */
export const POST = handle(async (req, ctx: { params: Promise<{ orderId: string }> }) => {
  const member = await requireStaff(req);
  const { orderId } = await ctx.params;
  const { version } = await readJson(req, staffActionBody);
  const order = await setRush({ actor: `staff:${member.id}`, seenVersion: version, orderId, rush: true });
  return Response.json({ ticket: toTicketView(order) });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
