import { SANDBOX_PATH } from '@/lib/kitchenhub/config';
import { handle } from '@/lib/http';
import { sandbox } from '@/sandbox/kitchenhub/sandbox';

/** The demo's KitchenHub API (404 unless demo mode): only the operations of KitchenHub's openapi-v2.json. */
const serve = handle(async (req) => {
  const hub = await sandbox();
  return hub.handle(req, new URL(req.url).pathname.slice(SANDBOX_PATH.length));
});

export const GET = serve;
export const POST = serve;
export const PUT = serve;
export const PATCH = serve;
export const DELETE = serve;
