import { requireStaff } from '@/lib/auth/staff';
import { notFound } from '@/lib/errors';
import { handle, notAllowed, readJson } from '@/lib/http';
import { acceptBody, acceptHubOrder, rejectBody, rejectHubOrder, toHubOrderView } from '@/lib/kitchenhub/manager';

type Ctx = { params: Promise<{ hubOrderId: string; decision: string }> };

/** A manager accepts (with a prep time) or rejects (with a reason) a pending KitchenHub order. */
export const POST = handle(async (req, ctx: Ctx) => {
  const member = await requireStaff(req, 'manager');
  const { hubOrderId, decision } = await ctx.params;
  const actor = `staff:${member.id}`;
  switch (decision) {
    case 'accept': {
      const { prep_time_minutes } = await readJson(req, acceptBody);
      return Response.json({
        hub_order: toHubOrderView(await acceptHubOrder({ hubOrderId, prepTimeMinutes: prep_time_minutes, actor })),
      });
    }
    case 'reject': {
      const { reason } = await readJson(req, rejectBody);
      return Response.json({ hub_order: toHubOrderView(await rejectHubOrder({ hubOrderId, reason, actor })) });
    }
    default:
      throw notFound('decision', decision);
  }
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
