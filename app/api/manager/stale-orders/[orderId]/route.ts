import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readJson } from '@/lib/http';
import { resolveStaleBody } from '@/lib/manager/schemas';
import { resolveStaleOrder } from '@/lib/orders/service';
import { toTicketView } from '@/lib/orders/views';

type Ctx = { params: Promise<{ orderId: string }> };

/** A manager resolves an order left open past an earlier day's close: handed off, or voided. */
export const POST = handle(async (req, ctx: Ctx) => {
  const member = await requireStaff(req, 'manager');
  const { orderId } = await ctx.params;
  const { version, outcome } = await readJson(req, resolveStaleBody);
  const order = await resolveStaleOrder({ actor: `staff:${member.id}`, seenVersion: version, orderId, outcome });
  return Response.json({ ticket: toTicketView(order) });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
