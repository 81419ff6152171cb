import { SANDBOX_PATH } from '@/lib/kitchenhub/config';
import { handle, readBody } from '@/lib/http';
import { sandbox } from '@/sandbox/kitchenhub/sandbox';

/** The demo's KitchenHub API (404 unless demo mode): only the operations of KitchenHub's openapi-v2.json. */
const serve = handle(async (req) => {
  const hub = sandbox();
  // Public in demo mode: its bodies go through the capped reader like every other route's.
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
  return hub.handle(new Request(req, { body }), new URL(req.url).pathname.slice(SANDBOX_PATH.length));
});

export const GET = serve;
export const POST = serve;
export const PUT = serve;
export const PATCH = serve;
export const DELETE = serve;
