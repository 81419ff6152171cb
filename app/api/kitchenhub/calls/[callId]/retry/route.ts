import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed } from '@/lib/http';
import { requireCallId, retryHubCall } from '@/lib/kitchenhub/outbox';

type Ctx = { params: Promise<{ callId: string }> };

/** "Retry now" for a waiting or failed call to KitchenHub. */
export const POST = handle(async (req, ctx: Ctx) => {
  await requireStaff(req, 'manager');
  const { callId } = await ctx.params;
  return Response.json({ call: await retryHubCall(requireCallId(callId)) });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
