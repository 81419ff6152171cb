import { notAllowed } from '@/lib/http'; // Benchmark baseline (scripts/bench.ts): the empty GET handler on a dynamic route, like
// /v1/orders/{id}. Beside /api/bench/empty it shows what Next's dynamic routing costs by itself.

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  return Response.json({ ok: true, id });
}

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
