import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readJson } from '@/lib/http';
import { rejectBody, rejectHubOrder, toHubOrderView } from '@/lib/kitchenhub/manager';

/** A manager rejects a pending KitchenHub order, with a reason. */
export const POST = handle(async (req, ctx: { params: Promise<{ hubOrderId: string }> }) => {
  const member = await requireStaff(req, 'manager');
  const { hubOrderId } = await ctx.params;
  const { reason } = await readJson(req, rejectBody);
  const hub = await rejectHubOrder({ hubOrderId, reason, actor: `staff:${member.id}` });
  return Response.json({ hub_order: toHubOrderView(hub) });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
