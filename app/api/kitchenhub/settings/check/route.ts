import { requireStaff } from '@/lib/auth/staff';
import { handle } from '@/lib/http';
import { checkHubConnection } from '@/lib/kitchenhub/config';

/** "Check connection": fetches a fresh token from KitchenHub with the configured credentials. */
export const POST = handle(async (req) => {
  await requireStaff(req, 'manager');
  return Response.json(await checkHubConnection());
});
