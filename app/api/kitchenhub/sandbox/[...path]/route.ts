import { SANDBOX_PATH } from '@/lib/kitchenhub/config';
import { handle } from '@/lib/http';
import { serveSandbox } from '@/sandbox/kitchenhub/sandbox';

/**
 * The sandbox KitchenHub API (404 unless demo data or KITCHENHUB_SANDBOX is on): only the operations
 * of KitchenHub's openapi-v2.json, for a signed-in manager or this install's sandbox credentials.
 */
const serve = handle(async (req) => serveSandbox(req, new URL(req.url).pathname.slice(SANDBOX_PATH.length)));

export const GET = serve;
export const POST = serve;
export const PUT = serve;
export const PATCH = serve;
export const DELETE = serve;
