import { handle } from '@/lib/http';
import { ApiError } from '@/lib/errors';

/** Any other /api URL: 404 in our error shape, not the HTML not-found page. */
const none = handle(async (req) => {
  throw new ApiError('not_found', `No such endpoint: ${req.method} ${new URL(req.url).pathname}.`);
});

export const GET = none;
export const POST = none;
export const PUT = none;
export const PATCH = none;
export const DELETE = none;
