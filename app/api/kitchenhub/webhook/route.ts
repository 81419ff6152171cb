import { clientAddress } from '@/lib/client-address';
import { handle, notAllowed, readBody } from '@/lib/http';
import { receiveWebhook, WEBHOOK_MAX_BODY_BYTES } from '@/lib/kitchenhub/ingest';

/** KitchenHub order webhooks: verified over the raw bytes, stored raw, applied once; 200 means "received". */
export const POST = handle(
  async (req) => {
    const result = await receiveWebhook({
      body: await readBody(req),
      headers: req.headers,
      url: req.url,
      address: clientAddress(req),
    });
    return Response.json(result.body, { status: result.status });
  },
  { maxBodyBytes: WEBHOOK_MAX_BODY_BYTES }, // long delivery orders; the raw body is stored, so it is capped
);

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
