import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed } from '@/lib/http';
import { requireHubOrder, toHubOrderView } from '@/lib/kitchenhub/manager';

/** One KitchenHub order with everything KitchenHub sent (the latest Order object, ids exact). */
export const GET = handle(async (req, ctx: { params: Promise<{ hubOrderId: string }> }) => {
  await requireStaff(req, 'manager');
  const { hubOrderId } = await ctx.params;
  const hub = await requireHubOrder(hubOrderId);
  return Response.json({ hub_order: toHubOrderView(hub), data: hub.data });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
