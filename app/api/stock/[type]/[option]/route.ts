import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readJson } from '@/lib/http';
import { stockBody } from '@/lib/orders/schemas';
import { setOptionStock } from '@/lib/orders/stock';

type Ctx = { params: Promise<{ type: string; option: string }> };

/** 86 an option ({"in_stock": false}) or bring it back ({"in_stock": true}). */
export const PUT = handle(async (req, ctx: Ctx) => {
  const member = await requireStaff(req);
  const { type, option } = await ctx.params;
  const { in_stock } = await readJson(req, stockBody);
  return Response.json(await setOptionStock({ type, option, inStock: in_stock, actor: `staff:${member.id}` }));
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, POST, PATCH, DELETE } = notAllowed('PUT');
