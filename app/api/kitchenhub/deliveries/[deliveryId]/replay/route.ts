import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed } from '@/lib/http';
import { replayDelivery, requireDeliveryId } from '@/lib/kitchenhub/deliveries';

type Ctx = { params: Promise<{ deliveryId: string }> };

/** A manager runs a stored webhook delivery again; the answer is the new delivery and its outcome. */
export const POST = handle(async (req, ctx: Ctx) => {
  const member = await requireStaff(req, 'manager');
  const id = requireDeliveryId((await ctx.params).deliveryId);
  return Response.json(await replayDelivery(id, `staff:${member.id}`));
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
