import { SANDBOX_PATH } from '@/lib/kitchenhub/config';
import { handle } from '@/lib/http';
import { sandbox } from '@/lib/kitchenhub/sandbox';

/** The demo's KitchenHub API (404 unless demo mode): token grants and order calls, as the fake answers them. */
const serve = handle(async (req) => {
  const hub = sandbox();
  return hub.handle(req, new URL(req.url).pathname.slice(SANDBOX_PATH.length), { control: false });
});

export const GET = serve;
export const POST = serve;
