import { handle, notAllowed, readCapped } from '@/lib/http';
import { receiveWebhook } from '@/lib/kitchenhub/ingest';

/** KitchenHub's delivery orders can be long; the raw body is stored, so it is capped. */
const MAX_WEBHOOK_BYTES = 512 * 1024;

/** KitchenHub order webhooks: verified, stored raw, applied once; 200 means "received". */
export const POST = handle(async (req) => {
  const body = await readCapped(req, MAX_WEBHOOK_BYTES);
  const result = await receiveWebhook({ body, headers: req.headers, url: req.url });
  return Response.json(result.body, { status: result.status });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
