import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readJson } from '@/lib/http';
import { acceptBody, acceptHubOrder, toHubOrderView } from '@/lib/kitchenhub/manager';

/** A manager accepts a pending KitchenHub order with a prep time (1–240 minutes): it becomes a ticket. */
export const POST = handle(async (req, ctx: { params: Promise<{ hubOrderId: string }> }) => {
  const member = await requireStaff(req, 'manager');
  const { hubOrderId } = await ctx.params;
  const { prep_time_minutes } = await readJson(req, acceptBody);
  const hub = await acceptHubOrder({ hubOrderId, prepTimeMinutes: prep_time_minutes, actor: `staff:${member.id}` });
  return Response.json({ hub_order: toHubOrderView(hub) });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
