import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed } from '@/lib/http';
import { listAccounts } from '@/lib/kitchenhub/accounts';

/** KitchenHub's integration accounts (one per delivery app) with their online status. */
export const GET = handle(async (req) => {
  await requireStaff(req, 'manager');
  return Response.json(await listAccounts());
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
