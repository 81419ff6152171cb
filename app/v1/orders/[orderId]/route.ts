import { authenticateApiKey } from '@/lib/auth/api-key';
import { handleApi, jsonWithEtag, notAllowedApi, originOf, preflight, readJson } from '@/lib/http';
import { updateOrderBody } from '@/lib/orders/schemas';
import { cancelOrder, editOrder, requireClientOrder, viewOf } from '@/lib/orders/service';

type Ctx = { params: Promise<{ orderId: string }> };

export const GET = handleApi(async (req, ctx: Ctx) => {
  const client = await authenticateApiKey(req);
  const { orderId } = await ctx.params;
  const order = await requireClientOrder(client.id, orderId);
  return jsonWithEtag(req, await viewOf(order, originOf(req)));
});

export const PUT = handleApi(async (req, ctx: Ctx) => {
  const client = await authenticateApiKey(req);
  const { orderId } = await ctx.params;
  const changes = await readJson(req, updateOrderBody);
  const order = await editOrder({ clientId: client.id, actor: `api:${client.id}`, orderId, changes });
  return Response.json(await viewOf(order, originOf(req)));
});

export const DELETE = handleApi(async (req, ctx: Ctx) => {
  const client = await authenticateApiKey(req);
  const { orderId } = await ctx.params;
  const order = await cancelOrder({ clientId: client.id, actor: `api:${client.id}`, orderId, canceledBy: 'customer' });
  return Response.json(await viewOf(order, originOf(req)));
});

export const OPTIONS = preflight('GET, PUT, DELETE');

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PATCH } = notAllowedApi('GET', 'PUT', 'DELETE');
