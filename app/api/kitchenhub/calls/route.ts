import { z } from 'zod';
import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readQuery } from '@/lib/http';
import { listHubCalls } from '@/lib/kitchenhub/outbox';

const query = z.strictObject({
  open: z.enum(['true', 'false']).optional(),
  hub_order_id: z.string().min(1).max(40).optional(),
});

/** Our calls to KitchenHub, newest first; `?open=true` for the ones not through yet (pending or failed). */
export const GET = handle(async (req) => {
  await requireStaff(req, 'manager');
  const q = readQuery(req, query);
  return Response.json({ calls: await listHubCalls({ open: q.open === 'true', hubOrderId: q.hub_order_id }) });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
