// What each error code means and an example body, built with the same constructors the API throws
// with where there is one, so the examples read exactly like real answers.
import {
  ApiError,
  ERROR_HTTP_STATUS,
  forbidden,
  invalidRequest,
  notFound,
  unauthorized,
  type ErrorCode,
} from '../errors';
import { outOfStockMessage } from '../orders/menu';
import { notCancelable, notEditable } from '../orders/service';

/** When each code is sent. A Record: a new code in lib/errors.ts does not compile until it is documented. */
export const ERROR_MEANING: Record<ErrorCode, string> = {
  invalid_request:
    'A missing, malformed or unknown field (named in `field`), an option not on the menu (`allowed` lists the menu), a body that is not valid JSON, or a bad query parameter.',
  unauthorized: 'The X-API-Key header is missing, or the key is unknown or revoked.',
  forbidden: 'Signed-in staff whose role may not do this (staff endpoints only; the /v1 API never sends it).',
  not_found: 'No order with this id, or the order belongs to another API key.',
  method_not_allowed: 'The URL does not take this HTTP method: the `Allow` header and `allowed` list the ones it does.',
  out_of_stock: "The kitchen has 86'd an option you chose; `item` names it. Offer the customer something else.",
  order_not_editable:
    'PUT on an order that is toasting, ready, delivered or canceled: orders change only while queued or prepping.',
  order_not_cancelable: 'DELETE on an order that is toasting or later, or already canceled.',
  conflict: 'A staff action based on an outdated version of the order (staff endpoints only).',
  idempotency_conflict: 'An Idempotency-Key reused with a different request body. Use a new key for a new order.',
  payload_too_large: 'The request body is larger than the server accepts.',
  unsupported_media_type: 'A request body that is not sent as JSON (Content-Type: application/json).',
  rate_limited: 'Too many requests for this key this minute. Wait the seconds in Retry-After (also in `retry_after`).',
  store_paused: 'A manager paused new orders. Retry after the seconds in Retry-After.',
  service_unavailable:
    'The server cannot reach its storage (disk full, read-only or failing); nothing was changed. Retry after the seconds in Retry-After.',
};

const body = (e: ApiError) => ({ error: e.code, message: e.message, ...e.extra });

/** A realistic body for each error code. */
export function errorExamples(opts: {
  maxBodyBytes: number;
  breads: string[];
}): Record<ErrorCode, Record<string, unknown>> {
  const breads = opts.breads.length > 0 ? opts.breads : ['white', 'wheat', 'sourdough'];
  return {
    invalid_request: body(
      invalidRequest(`rye is not a bread option. Allowed: ${breads.join(', ')}.`, 'bread', { allowed: breads }),
    ),
    unauthorized: body(unauthorized('Missing X-API-Key header. Send your API key, e.g. X-API-Key: pbj_test_….')),
    forbidden: body(forbidden('Only a manager can do this.')),
    not_found: body(notFound('order', 'ord_aaaaaaaaaaaaaaaaaaaa')),
    method_not_allowed: body(
      new ApiError('method_not_allowed', 'PATCH is not allowed here. This URL takes GET, POST.', {
        allowed: ['GET', 'POST'],
      }),
    ),
    out_of_stock: body(
      new ApiError('out_of_stock', outOfStockMessage({ type: 'jelly', label: 'Grape' }), {
        item: { type: 'jelly', option: 'grape' },
      }),
    ),
    order_not_editable: body(notEditable('toasting')),
    order_not_cancelable: body(notCancelable('ready')),
    conflict: body(
      new ApiError('conflict', 'Order ord_x4k2m7q5t3v6b5n6c2pa changed since you saw it (now version 3, toasting).'),
    ),
    idempotency_conflict: body(
      new ApiError(
        'idempotency_conflict',
        'This Idempotency-Key was already used with a different request body. Use a new key for a new order.',
      ),
    ),
    payload_too_large: body(
      new ApiError('payload_too_large', `The request body must be at most ${opts.maxBodyBytes} bytes.`),
    ),
    unsupported_media_type: body(
      new ApiError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.'),
    ),
    rate_limited: body(
      new ApiError('rate_limited', 'Too many requests: at most 120 per 60 seconds. Retry in 12 seconds.', {
        retry_after: 12,
      }),
    ),
    store_paused: body(
      new ApiError('store_paused', 'The kitchen is not taking new orders right now. Please try again shortly.'),
    ),
    service_unavailable: body(
      new ApiError(
        'service_unavailable',
        'Our storage is unavailable right now; nothing was changed. Please try again shortly.',
      ),
    ),
  };
}

export const statusOf = (code: ErrorCode): number => ERROR_HTTP_STATUS[code];
