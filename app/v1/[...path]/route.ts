import { handleApi } from '@/lib/http';
import { ApiError } from '@/lib/errors';

/** Any other /v1 URL: 404 in the API's error shape (an API client cannot parse the HTML not-found page). */
const none = handleApi(async (req) => {
  throw new ApiError(
    'not_found',
    `No such endpoint: ${req.method} ${new URL(req.url).pathname}. The API is described at /v1/openapi.json and /docs.`,
  );
});

export const GET = none;
export const POST = none;
export const PUT = none;
export const PATCH = none;
export const DELETE = none;
