// The OpenAPI 3.1 document of the public /v1 API, generated from the zod schemas the handlers parse
// with (lib/orders/schemas.ts) and answer with (lib/orders/response-schemas.ts), and from the error
// table in lib/errors.ts, so it cannot drift from what the server does. Served at /v1/openapi.json
// and rendered at /docs.
import { z } from 'zod';
import { DEMO_API_KEY } from '../demo-data';
import { ERROR_CODES, ERROR_HTTP_STATUS, type ErrorCode } from '../errors';
import { errorBodySchema, orderListSchema, orderViewSchema } from '../orders/response-schemas';
import {
  createOrderBody,
  idempotencyKeyHeader,
  listOrdersQuery,
  orderIdParam,
  updateOrderBody,
} from '../orders/schemas';
import { MENU_TYPES, type MenuType } from '../orders/types';
import { toOrderView } from '../orders/views';
import { ERROR_MEANING, errorExamples } from './errors';
import type {
  CodeSample,
  HeaderObject,
  JsonSchema,
  MediaType,
  OpenApiDocument,
  OperationObject,
  ParameterObject,
  ResponseObject,
} from './types';

export type MenuEntry = { type: MenuType; option: string; label: string };
export type DocumentOptions = {
  /** The server's own origin, e.g. http://localhost:3000: servers[] and the curl examples use it. */
  origin: string;
  /** The current menu, to list the allowed options (membership is data, checked on every request). */
  menu?: readonly MenuEntry[];
  rateLimitPerMinute: number;
  maxBodyBytes: number;
  /** The key the examples send: a placeholder (PLACEHOLDER_API_KEY) unless demo data is on. */
  apiKey?: string;
};

/** The key the examples use on a real install: a placeholder to replace with a key a manager created. */
export const PLACEHOLDER_API_KEY = 'YOUR_API_KEY';
const REF = (name: string) => `#/components/schemas/${name}`;

// ——— Schemas, from zod ———

/** JSON Schema for one registry of zod schemas, with refs between them pointing into components. */
function toSchemas(entries: Array<[string, z.ZodType]>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of entries) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', io, uri: REF, unrepresentable: 'throw' });
  return Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, tidy(s as JsonSchema)]));
}

/** Drops what belongs to a standalone JSON Schema but not a component ($schema, $id) and zod's 2^53 integer bounds. */
function tidy(schema: JsonSchema): JsonSchema {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$schema' || k === '$id') continue;
      if ((k === 'maximum' && v === Number.MAX_SAFE_INTEGER) || (k === 'minimum' && v === Number.MIN_SAFE_INTEGER))
        continue;
      out[k] = walk(v);
    }
    return out;
  };
  return walk(schema) as JsonSchema;
}

const MENU_NOUN: Record<MenuType, string> = {
  bread: 'breads',
  peanut_butter: 'peanut butters',
  jelly: 'jellies',
  toast: 'toast levels',
  cut: 'cuts',
  extras: 'extras',
};

function menuHint(menu: readonly MenuEntry[] | undefined, type: MenuType): string {
  const options = (menu ?? []).filter((o) => o.type === type).map((o) => `\`${o.option}\``);
  return options.length > 0 ? ` On the menu now: ${options.join(', ')}.` : ` One of the menu's ${MENU_NOUN[type]}.`;
}

/**
 * The choice fields' descriptions (from the request schemas' .meta) end with the menu's options now:
 * the menu is data, so this is the one part of the request schemas the document adds.
 */
function addMenuHints(schemas: Record<string, JsonSchema>, menu: readonly MenuEntry[] | undefined): void {
  for (const schema of Object.values(schemas)) {
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      if (isMenuType(name)) prop.description = `${prop.description ?? ''}${menuHint(menu, name)}`;
    }
  }
}
const isMenuType = (name: string): name is MenuType => (MENU_TYPES as readonly string[]).includes(name);

// ——— Headers and parameters ———

const integer = (description: string): HeaderObject => ({ description, schema: { type: 'integer', minimum: 0 } });
const HEADERS: Record<string, HeaderObject> = {
  ETag: {
    description:
      'A weak validator of this representation: send it back in If-None-Match to get 304 while nothing changed.',
    schema: { type: 'string' },
  },
  'RateLimit-Limit': integer('Requests this key may make per minute.'),
  'RateLimit-Remaining': integer('Requests left in the current minute.'),
  'RateLimit-Reset': integer('Seconds until the current window ends and the count starts again.'),
  'Retry-After': integer('Seconds to wait before retrying.'),
  'Idempotent-Replayed': {
    description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key.',
    schema: { type: 'string', enum: ['true'] },
  },
};
const headerRef = (name: keyof typeof HEADERS) => ({ $ref: `#/components/headers/${name}` });
const RATE_HEADERS = {
  'RateLimit-Limit': headerRef('RateLimit-Limit'),
  'RateLimit-Remaining': headerRef('RateLimit-Remaining'),
  'RateLimit-Reset': headerRef('RateLimit-Reset'),
};

function parameters(): Record<string, ParameterObject> {
  const query = tidy(z.toJSONSchema(listOrdersQuery, { target: 'draft-2020-12', io: 'input' }) as JsonSchema);
  const params: Record<string, ParameterObject> = {
    OrderId: {
      name: 'order_id',
      in: 'path',
      required: true,
      description: 'The order_id returned when the order was created.',
      schema: tidy(z.toJSONSchema(orderIdParam, { target: 'draft-2020-12' }) as JsonSchema),
      example: 'ord_x4k2m7q5t3v6b5n6c2pa',
    },
    IdempotencyKey: {
      name: 'Idempotency-Key',
      in: 'header',
      description:
        'Optional, recommended: a key you choose per order (1–255 printable characters, no spaces). A retry with the same key and body returns the first answer and creates nothing; the same key with another body is 422 idempotency_conflict. Kept at least 24 hours.',
      schema: tidy(z.toJSONSchema(idempotencyKeyHeader, { target: 'draft-2020-12' }) as JsonSchema),
      example: '3f1c9a2e-order-1',
    },
    IfNoneMatch: {
      name: 'If-None-Match',
      in: 'header',
      description:
        'The ETag of the copy you have: the answer is 304 with no body while nothing changed (cheap polling).',
      schema: { type: 'string' },
      example: 'W/"cS20pxL3Gro2t81QD7rtZVH71nI"',
    },
  };
  // A query field's description (schemas.ts, .meta) belongs to the parameter, not to its schema.
  for (const [name, { description, ...schema }] of Object.entries(query.properties ?? {})) {
    params[`List_${name}`] = {
      name,
      in: 'query',
      required: (query.required ?? []).includes(name),
      description: description ?? name,
      schema,
    };
  }
  return params;
}

// ——— Operations ———

type Op = {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  operationId: string;
  summary: string;
  description: string;
  tag: 'Orders' | 'Reference';
  auth: boolean;
  params: string[];
  body?: 'CreateOrderRequest' | 'UpdateOrderRequest';
  bodyExample?: Record<string, unknown>;
  ok: {
    status: '200' | '201';
    schema: string;
    description: string;
    example?: unknown;
    etag?: boolean;
    replay?: boolean;
  };
  errors: ErrorCode[];
  curl: (origin: string) => string;
};

const SEED_EXAMPLE = {
  customer_id: 'cus_2048',
  bread: 'brioche',
  peanut_butter: 'smooth',
  jelly: 'grape',
  toast: 'light',
  cut: 'halves',
  extras: ['banana_slices'],
};
const EXAMPLE_ID = 'ord_x4k2m7q5t3v6b5n6c2pa';

function exampleOrder(
  origin: string,
  overrides: { status?: 'queued' | 'canceled'; jelly?: string; extras?: string[] } = {},
) {
  const at = Date.UTC(2026, 10, 23, 12, 0, 0);
  const status = overrides.status ?? 'queued';
  const changed = status !== 'queued' || overrides.jelly !== undefined;
  return toOrderView(
    {
      id: EXAMPLE_ID,
      source: 'api',
      clientId: 'cli_example',
      provider: null,
      customerId: 'cus_2048',
      customerName: null,
      orderType: 'pickup',
      businessDate: '2026-11-23',
      dailyNumber: 42,
      status,
      bread: 'brioche',
      peanutButter: 'smooth',
      jelly: overrides.jelly ?? 'grape',
      toast: 'light',
      cut: 'halves',
      extras: overrides.extras ?? ['banana_slices'],
      items: null,
      notes: null,
      canceledBy: status === 'canceled' ? 'customer' : null,
      attention: null,
      rush: false,
      itemsDone: [],
      version: changed ? 2 : 1,
      createdAt: at,
      updatedAt: changed ? at + 60_000 : at,
      statusAt: changed && status === 'canceled' ? at + 60_000 : at,
    },
    status === 'canceled' ? null : 6,
    origin,
  );
}

const shellQuote = (json: unknown) => `'${JSON.stringify(json, null, 2).replaceAll("'", "'\\''")}'`;
function operations(origin: string, apiKey: string): Op[] {
  const key = `-H "X-API-Key: ${apiKey}"`;
  const orderPath = `${origin}/v1/orders/${EXAMPLE_ID}`;
  return [
    {
      method: 'post',
      path: '/v1/orders',
      operationId: 'createOrder',
      tag: 'Orders',
      auth: true,
      summary: 'Create an order',
      description:
        'Places one sandwich order. The answer carries the order_id to track it and `eta_minutes` from the real kitchen queue. While a manager has paused intake the answer is 503 store_paused.',
      params: ['IdempotencyKey'],
      body: 'CreateOrderRequest',
      bodyExample: SEED_EXAMPLE,
      ok: {
        status: '201',
        schema: 'Order',
        description:
          'Created. A replay of an idempotent retry answers the first response again, with Idempotent-Replayed: true.',
        example: exampleOrder(origin),
        replay: true,
      },
      errors: [
        'invalid_request',
        'unauthorized',
        'out_of_stock',
        'idempotency_conflict',
        'payload_too_large',
        'unsupported_media_type',
        'rate_limited',
        'store_paused',
      ],
      curl: (o) =>
        `curl -X POST ${o}/v1/orders \\\n  -H "Content-Type: application/json" \\\n  ${key} \\\n  -H "Idempotency-Key: 3f1c9a2e-order-1" \\\n  -d ${shellQuote(SEED_EXAMPLE)}`,
    },
    {
      method: 'get',
      path: '/v1/orders',
      operationId: 'listOrders',
      tag: 'Orders',
      auth: true,
      summary: 'List your orders',
      description:
        'Your orders, newest first, a page at a time: pass the last order_id of a page as `starting_after` for the next one.',
      params: ['List_limit', 'List_starting_after', 'List_status', 'List_customer_id', 'IfNoneMatch'],
      ok: {
        status: '200',
        schema: 'OrderList',
        description: 'A page of orders.',
        example: { object: 'list', data: [exampleOrder(origin)], has_more: true },
        etag: true,
      },
      errors: ['invalid_request', 'unauthorized', 'rate_limited'],
      curl: (o) => `curl "${o}/v1/orders?limit=2" \\\n  ${key}`,
    },
    {
      method: 'get',
      path: '/v1/orders/{order_id}',
      operationId: 'getOrder',
      tag: 'Orders',
      auth: true,
      summary: 'Get an order',
      description:
        'The order with its current status and `eta_minutes`. Poll with If-None-Match: 304 (no body) until something changes.',
      params: ['OrderId', 'IfNoneMatch'],
      ok: { status: '200', schema: 'Order', description: 'The order.', example: exampleOrder(origin), etag: true },
      errors: ['unauthorized', 'not_found', 'rate_limited'],
      curl: () => `curl -i ${orderPath} \\\n  ${key}`,
    },
    {
      method: 'put',
      path: '/v1/orders/{order_id}',
      operationId: 'updateOrder',
      tag: 'Orders',
      auth: true,
      summary: 'Change an order',
      description:
        'Changes only the fields sent; the rest stay. Allowed while the order is queued or prepping; the kitchen sees the change flagged on the ticket.',
      params: ['OrderId'],
      body: 'UpdateOrderRequest',
      bodyExample: { jelly: 'strawberry', extras: [] },
      ok: {
        status: '200',
        schema: 'Order',
        description: 'The order after the change.',
        example: exampleOrder(origin, { jelly: 'strawberry', extras: [] }),
      },
      errors: [
        'invalid_request',
        'unauthorized',
        'not_found',
        'out_of_stock',
        'order_not_editable',
        'payload_too_large',
        'unsupported_media_type',
        'rate_limited',
      ],
      curl: () =>
        `curl -X PUT ${orderPath} \\\n  -H "Content-Type: application/json" \\\n  ${key} \\\n  -d ${shellQuote({ jelly: 'strawberry', extras: [] })}`,
    },
    {
      method: 'delete',
      path: '/v1/orders/{order_id}',
      operationId: 'cancelOrder',
      tag: 'Orders',
      auth: true,
      summary: 'Cancel an order',
      description:
        'Cancels the order while it is queued or prepping and returns it with `"status": "canceled"` and `"canceled_by": "customer"`.',
      params: ['OrderId'],
      ok: {
        status: '200',
        schema: 'Order',
        description: 'The canceled order.',
        example: exampleOrder(origin, { status: 'canceled' }),
      },
      errors: ['unauthorized', 'not_found', 'order_not_cancelable', 'rate_limited'],
      curl: () => `curl -X DELETE ${orderPath} \\\n  ${key}`,
    },
    {
      method: 'get',
      path: '/v1/openapi.json',
      operationId: 'getOpenApi',
      tag: 'Reference',
      auth: false,
      summary: 'This document',
      description:
        'The OpenAPI 3.1 description of the API, generated from the schemas the server validates with. No key needed.',
      params: ['IfNoneMatch'],
      ok: { status: '200', schema: 'OpenApiDocument', description: 'The OpenAPI document.', etag: true },
      errors: [],
      curl: (o) => `curl ${o}/v1/openapi.json`,
    },
  ];
}

function errorResponses(op: Op, examples: Record<ErrorCode, Record<string, unknown>>): Record<string, ResponseObject> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of op.errors)
    byStatus.set(ERROR_HTTP_STATUS[code], [...(byStatus.get(ERROR_HTTP_STATUS[code]) ?? []), code]);
  const out: Record<string, ResponseObject> = {};
  for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    const headers: ResponseObject['headers'] = codes.includes('unauthorized') ? {} : { ...RATE_HEADERS };
    if (codes.includes('rate_limited') || codes.includes('store_paused'))
      headers['Retry-After'] = headerRef('Retry-After');
    out[String(status)] = {
      description: codes.map((c) => `\`${c}\`: ${ERROR_MEANING[c]}`).join('\n\n'),
      headers,
      content: {
        'application/json': {
          schema: { $ref: REF('Error') },
          examples: Object.fromEntries(codes.map((c) => [c, { summary: c, value: examples[c] }])),
        },
      },
    };
  }
  return out;
}

function toOperation(op: Op, origin: string, examples: Record<ErrorCode, Record<string, unknown>>): OperationObject {
  const okHeaders: ResponseObject['headers'] = op.auth ? { ...RATE_HEADERS } : {};
  if (op.ok.etag) okHeaders.ETag = headerRef('ETag');
  if (op.ok.replay) okHeaders['Idempotent-Replayed'] = headerRef('Idempotent-Replayed');
  const media: MediaType = { schema: { $ref: REF(op.ok.schema) } };
  if (op.ok.example !== undefined) media.example = op.ok.example;
  const responses: Record<string, ResponseObject> = {
    [op.ok.status]: { description: op.ok.description, headers: okHeaders, content: { 'application/json': media } },
  };
  if (op.ok.etag) {
    responses['304'] = {
      description: 'Not modified: the If-None-Match ETag is still current. No body.',
      headers: { ...(op.auth ? RATE_HEADERS : {}), ETag: headerRef('ETag') },
    };
  }
  Object.assign(responses, errorResponses(op, examples));
  responses.default = {
    description: 'An unexpected failure on the server (`internal_error`); safe to retry later.',
    content: { 'application/json': { schema: { $ref: REF('Error') } } },
  };
  const sample: CodeSample = { lang: 'Shell', label: 'curl', source: op.curl(origin) };
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: op.description,
    tags: [op.tag],
    ...(op.auth ? {} : { security: [] }),
    parameters: op.params.map((p) => ({ $ref: `#/components/parameters/${p}` })),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: REF(op.body) }, example: op.bodyExample } },
          },
        }
      : {}),
    responses,
    'x-codeSamples': [sample],
    'x-errors': op.errors,
  };
}

/** The OpenAPI 3.1 document of /v1, for this server's origin and menu. */
export function buildOpenApiDocument(opts: DocumentOptions): OpenApiDocument {
  const requests = toSchemas(
    [
      ['CreateOrderRequest', createOrderBody],
      ['UpdateOrderRequest', updateOrderBody],
    ],
    'input',
  );
  addMenuHints(requests, opts.menu);
  const responses = toSchemas(
    [
      ['Order', orderViewSchema],
      ['OrderList', orderListSchema],
      ['Error', errorBodySchema],
    ],
    'output',
  );
  const examples = errorExamples({
    maxBodyBytes: opts.maxBodyBytes,
    breads: (opts.menu ?? []).filter((o) => o.type === 'bread').map((o) => o.option),
  });
  const ops = operations(opts.origin, opts.apiKey ?? PLACEHOLDER_API_KEY);

  const paths: OpenApiDocument['paths'] = {};
  for (const op of ops) (paths[op.path] ??= {})[op.method] = toOperation(op, opts.origin, examples);

  return {
    openapi: '3.1.0',
    info: {
      title: 'PB&J Orders API',
      version: '1.0.0',
      // Integrators' tools want to know under what terms the API is offered.
      license: {
        name: 'Proprietary: for ordering apps with an API key from this restaurant',
        identifier: 'LicenseRef-PBJ-Proprietary',
      },
      description: [
        "Create, track, change and cancel PB&J sandwich orders. Every request sends an API key in `X-API-Key`; a key sees only its own orders (another key's order id answers 404, like an unknown one).",
        `Bodies are JSON (\`Content-Type: application/json\`), at most ${opts.maxBodyBytes} bytes. Each key may make ${opts.rateLimitPerMinute} requests a minute; every answer says how many are left in \`RateLimit-*\` headers, and 429 says when to retry in \`Retry-After\`.`,
        'Every error has the same shape, `{"error": code, "message": sentence, …}`: the error table lists every code with its HTTP status (`x-error-codes` in the OpenAPI document). The API answers CORS requests from any origin: keys, not cookies, authenticate it.',
      ].join('\n\n'),
    },
    servers: [{ url: opts.origin, description: 'This server' }],
    tags: [
      {
        name: 'Orders',
        description:
          'One order is one sandwich: queued → prepping → toasting → ready → delivered, or canceled while queued or prepping. Orders with `"toast": "none"` skip toasting.',
      },
      { name: 'Reference', description: 'This description of the API.' },
    ],
    security: [{ ApiKey: [] }],
    paths,
    components: {
      securitySchemes: {
        ApiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'X-API-Key',
          description: `Your key: \`pbj_test_…\` for testing or \`pbj_live_…\` for real orders. A manager creates keys (Manager → API keys; each is shown once) and revokes them; a revoked key is refused (401) at once.${opts.apiKey === DEMO_API_KEY ? ` This server has demo data on: the examples use its demo key, \`${DEMO_API_KEY}\` (not for real orders).` : ` The examples say \`${PLACEHOLDER_API_KEY}\`: put your key there.`}`,
        },
      },
      schemas: {
        ...requests,
        ...responses,
        OpenApiDocument: {
          type: 'object',
          description: 'An OpenAPI 3.1 document (this one).',
          required: ['openapi', 'info', 'paths'],
        },
      },
      parameters: parameters(),
      headers: HEADERS,
    },
    'x-error-codes': ERROR_CODES.map((code) => ({
      code,
      status: ERROR_HTTP_STATUS[code],
      description: ERROR_MEANING[code],
      operations: ops.filter((op) => op.errors.includes(code)).map((op) => op.operationId),
    })),
  };
}
