import { authenticateApiKey } from '@/lib/auth/api-key';
import { invalidRequest } from '@/lib/errors';
import { handleApi, jsonWithEtag, notAllowedApi, originOf, preflight, readJson, readQuery } from '@/lib/http';
import { createOrderBody, idempotencyKeyHeader, listOrdersQuery } from '@/lib/orders/schemas';
import { etaFor, listOrders, placeOrder } from '@/lib/orders/service';
import { toOrderView } from '@/lib/orders/views';

export const POST = handleApi(async (req) => {
  const client = await authenticateApiKey(req);
  const idempotencyKey = req.headers.get('idempotency-key') ?? undefined;
  if (idempotencyKey !== undefined && !idempotencyKeyHeader.safeParse(idempotencyKey).success) {
    throw invalidRequest('Idempotency-Key must be 1 to 255 printable characters without spaces.', 'Idempotency-Key');
  }
  const body = await readJson(req, createOrderBody);
  const placed = await placeOrder({ clientId: client.id, body, idempotencyKey, origin: originOf(req) });
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (placed.replayed) headers['Idempotent-Replayed'] = 'true';
  return new Response(placed.body, { status: placed.status, headers });
});

export const GET = handleApi(async (req) => {
  const client = await authenticateApiKey(req);
  const q = readQuery(req, listOrdersQuery);
  const { orders, hasMore } = await listOrders({
    clientId: client.id,
    limit: q.limit,
    startingAfter: q.starting_after,
    status: q.status,
    customerId: q.customer_id,
  });
  const eta = await etaFor(orders);
  const origin = originOf(req);
  return jsonWithEtag(req, {
    object: 'list',
    data: orders.map((o) => toOrderView(o, eta.get(o.id) ?? null, origin)),
    has_more: hasMore,
  });
});

export const OPTIONS = preflight('GET, POST');

/** Every other method: 405 in our error shape, with Allow. */
export const { PUT, PATCH, DELETE } = notAllowedApi('GET', 'POST');
