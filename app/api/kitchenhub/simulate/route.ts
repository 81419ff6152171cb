import { z } from 'zod';
import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readJson } from '@/lib/http';
import { simulateIncomingOrder } from '@/sandbox/kitchenhub/sandbox';

const body = z.strictObject({ kind: z.enum(['asap', 'scheduled']).default('asap') });

/** Demo mode only: the sandbox KitchenHub sends a realistic order to our webhook, as the real one would. */
export const POST = handle(async (req) => {
  await requireStaff(req, 'manager');
  const { kind } = await readJson(req, body);
  return Response.json(await simulateIncomingOrder(kind), { status: 201 });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
