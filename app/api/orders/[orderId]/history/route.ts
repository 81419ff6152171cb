import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed } from '@/lib/http';
import { ticketHistory } from '@/lib/orders/history';

/** A ticket's history, one tap away on the kitchen screen: every event in words, with who did it. */
export const GET = handle(async (req, ctx: { params: Promise<{ orderId: string }> }) => {
  await requireStaff(req);
  const { orderId } = await ctx.params;
  return Response.json(await ticketHistory(orderId));
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
