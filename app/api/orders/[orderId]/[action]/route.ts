import { requireStaff } from '@/lib/auth/staff';
import { notFound } from '@/lib/errors';
import { handle, notAllowed, readJson } from '@/lib/http';
import { itemActionBody, staffActionBody } from '@/lib/orders/schemas';
import { acknowledgeOrder, cancelOrder, markItem, moveOrder, setRush } from '@/lib/orders/service';
import { toTicketView } from '@/lib/orders/views';
import { ticketHistory } from '@/lib/orders/history';

type Ctx = { params: Promise<{ orderId: string; action: string }> };

/** A ticket's history, one tap away on the kitchen screen (`/api/orders/{id}/history`). */
export const GET = handle(async (req, ctx: Ctx) => {
  await requireStaff(req);
  const { orderId, action } = await ctx.params;
  if (action !== 'history') throw notFound('endpoint');
  return Response.json(await ticketHistory(orderId));
});

/** A cook's tap: advance, undo, cancel, acknowledge, rush, unrush, or an item done (`item`), with the version the screen showed (stale: 409 + current ticket). */
export const POST = handle(async (req, ctx: Ctx) => {
  const member = await requireStaff(req);
  const { orderId, action } = await ctx.params;
  if (action === 'item') {
    const { version, index, done } = await readJson(req, itemActionBody);
    const order = await markItem({ actor: `staff:${member.id}`, seenVersion: version, orderId, index, done });
    return Response.json({ ticket: toTicketView(order) });
  }
  const { version } = await readJson(req, staffActionBody);
  const who = { actor: `staff:${member.id}`, seenVersion: version, orderId };
  let order;
  switch (action) {
    case 'advance':
    case 'undo':
      order = await moveOrder({ ...who, action });
      break;
    case 'cancel':
      order = await cancelOrder({ ...who, canceledBy: 'kitchen' });
      break;
    case 'acknowledge':
      order = await acknowledgeOrder(who);
      break;
    case 'rush':
    case 'unrush':
      order = await setRush({ ...who, rush: action === 'rush' });
      break;
    default:
      throw notFound('action', action);
  }
  return Response.json({ ticket: toTicketView(order) });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { PUT, PATCH, DELETE } = notAllowed('GET', 'POST');
