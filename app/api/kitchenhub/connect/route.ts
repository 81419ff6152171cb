import { z } from 'zod';
import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readJson } from '@/lib/http';
import { connectKitchenHub } from '@/lib/kitchenhub/connect';

const body = z.strictObject({ rotate_secret: z.boolean().default(false) });

/** "Connect" (or "Rotate secret"): a fresh token, the providers' capabilities, our webhook registered. */
export const POST = handle(async (req) => {
  await requireStaff(req, 'manager');
  const { rotate_secret } = await readJson(req, body);
  return Response.json(await connectKitchenHub({ rotate: rotate_secret }));
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
