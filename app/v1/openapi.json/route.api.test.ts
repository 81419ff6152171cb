// The served OpenAPI document: valid OpenAPI 3.1, covering every /v1 route handler and method, every
// error code with its status, and describing what the server really answers.
import { validate, compileErrors } from '@readme/openapi-parser';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ERROR_HTTP_STATUS } from '@/lib/errors';
import { isRefusal } from '@/lib/http';
import type { OpenApiDocument } from '@/lib/openapi/types';
import { orderListSchema, orderViewSchema } from '@/lib/orders/response-schemas';
import { createOrderBody, updateOrderBody } from '@/lib/orders/schemas';
import { ROOT } from '@/test/paths';
import { startServer, type TestServer } from '@/test/server';

let server: TestServer;
let doc: OpenApiDocument;
let res: Response;
beforeAll(async () => {
  server = await startServer();
  res = await fetch(`${server.url}/v1/openapi.json`); // no key: the document is public
  doc = (await res.clone().json()) as OpenApiDocument;
});

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;
type Api = Parameters<typeof validate>[0];

/** Every route handler file under app/v1 (but the catch-all), as its URL template with parameters unnamed (`/v1/orders/{}`). */
function routeFiles(dir = path.join(ROOT, 'app', 'v1')): Array<{ file: string; template: string }> {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('[...') ? [] : routeFiles(full); // a catch-all is the 404 for unknown URLs, no endpoint
    if (!/^route\.(ts|js|tsx|mjs)$/.test(entry.name)) return [];
    const url = `/${path.relative(path.join(ROOT, 'app'), dir).split(path.sep).join('/')}`;
    return [{ file: full, template: url.replace(/\[[^\]]+\]/g, '{}') }];
  });
}
const unnamed = (p: string) => p.replace(/\{[^}]+\}/g, '{}');

describe('GET /v1/openapi.json', () => {
  test('is public JSON with an ETag (304 on If-None-Match) and CORS for browser tools', async () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await fetch(`${server.url}/v1/openapi.json`, { headers: { 'If-None-Match': etag! } })).status).toBe(304);
  });

  test('validates as OpenAPI 3.1 (and the validator does reject a broken document)', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as unknown as Api);
    expect(result.valid ? '' : compileErrors(result)).toBe('');
    expect(result.specification).toBe('OpenAPI');

    const broken = structuredClone(doc) as unknown as {
      paths: Record<string, Record<string, { parameters?: unknown[] }>>;
    };
    broken.paths['/v1/orders/{order_id}']!.get!.parameters = [
      { name: 'order_id', in: 'body', schema: { type: 'string' } },
    ];
    expect((await validate(broken as unknown as Api)).valid).toBe(false);
  });

  test('describes every route handler under app/v1 and every HTTP method each exports (OPTIONS aside), and nothing else', async () => {
    const files = routeFiles();
    expect(files.map((f) => f.template).sort()).toEqual(['/v1/openapi.json', '/v1/orders', '/v1/orders/{}']);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, item]) =>
        Object.keys(item).map((m) => `${m.toUpperCase()} ${unnamed(p)}`),
      ),
    );
    const served = new Set<string>();
    for (const { file, template } of files) {
      const mod = (await import(file)) as Record<string, unknown>;
      // A notAllowed() refusal (405 with Allow) is no endpoint either.
      for (const method of METHODS)
        if (typeof mod[method] === 'function' && !isRefusal(mod[method]) && method !== 'OPTIONS')
          served.add(`${method} ${template}`);
    }
    expect(served.size).toBeGreaterThanOrEqual(6);
    expect([...served].sort()).toEqual([...documented].filter((m) => !m.startsWith('PARAMETERS')).sort());
  });

  test('lists every error code with its HTTP status, and each operation answers its codes under that status with an example', () => {
    expect(Object.fromEntries(doc['x-error-codes'].map((e) => [e.code, e.status]))).toEqual(ERROR_HTTP_STATUS);
    for (const item of Object.values(doc.paths)) {
      for (const op of [item.get, item.post, item.put, item.delete].filter((o) => o !== undefined)) {
        for (const code of op['x-errors'] ?? []) {
          const status = String(ERROR_HTTP_STATUS[code as keyof typeof ERROR_HTTP_STATUS]);
          const example = op.responses[status]?.content?.['application/json']?.examples?.[code];
          expect(example?.value, `${op.operationId} ${code}`).toMatchObject({
            error: code,
            message: expect.any(String),
          });
        }
      }
    }
  });

  test('request schemas are the zod schemas the handlers parse with, every field described', () => {
    for (const [name, schema] of [
      ['CreateOrderRequest', createOrderBody],
      ['UpdateOrderRequest', updateOrderBody],
    ] as const) {
      const generated = doc.components.schemas[name]!;
      const shape = Object.keys(schema.shape);
      expect(Object.keys(generated.properties ?? {}).sort(), name).toEqual(shape.sort());
      expect(generated.additionalProperties).toBe(false);
      for (const [field, prop] of Object.entries(generated.properties ?? {}))
        expect(prop.description, `${name}.${field}`).toBeTruthy();
    }
    expect(doc.components.schemas.CreateOrderRequest?.required?.sort()).toEqual([
      'bread',
      'customer_id',
      'jelly',
      'peanut_butter',
    ]);
    // the menu of this server is listed in the option fields
    expect(doc.components.schemas.CreateOrderRequest?.properties?.jelly?.description).toContain('`grape`');
  });

  test('documents the headers: X-API-Key, Idempotency-Key, If-None-Match, ETag, RateLimit-*, Retry-After', () => {
    expect(doc.components.securitySchemes.ApiKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-API-Key' });
    const headerParams = Object.values(doc.components.parameters)
      .filter((p) => p.in === 'header')
      .map((p) => p.name);
    expect(headerParams).toEqual(expect.arrayContaining(['Idempotency-Key', 'If-None-Match']));
    expect(Object.keys(doc.components.headers)).toEqual(
      expect.arrayContaining(['ETag', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After']),
    );
    expect(doc.paths['/v1/orders']?.post?.responses['503']?.headers).toHaveProperty('Retry-After');
    expect(doc.paths['/v1/orders/{order_id}']?.get?.responses['304']?.headers).toHaveProperty('ETag');
  });

  test('the documented example request works against this server and its answer fits the documented schema', async () => {
    const op = doc.paths['/v1/orders']!.post!;
    const body = op.requestBody?.content['application/json']?.example;
    const placed = await fetch(`${server.url}/v1/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-API-Key': 'pbj_test_8dd1f2' },
      body: JSON.stringify(body),
    });
    expect(placed.status).toBe(201);
    const order = orderViewSchema.parse(await placed.json());
    expect(Object.keys(order).sort()).toEqual([...(doc.components.schemas.Order?.required ?? [])].sort());
    const list = await fetch(`${server.url}/v1/orders?limit=1`, { headers: { 'X-API-Key': 'pbj_test_8dd1f2' } });
    expect(orderListSchema.parse(await list.json()).data).toHaveLength(1);
    expect(op['x-codeSamples']?.[0]?.source).toContain(`curl -X POST ${server.url}/v1/orders`);
  });
});

describe('GET /docs', () => {
  test('renders every operation and every error code from the document', async () => {
    const page = await fetch(`${server.url}/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const item of Object.values(doc.paths))
      for (const op of [item.get, item.post, item.put, item.delete])
        if (op) expect(html).toContain(`id="op-${op.operationId}"`);
    for (const e of doc['x-error-codes']) expect(html).toContain(`id="error-${e.code}"`);
    expect(html).toContain(`curl -X DELETE ${server.url}/v1/orders/`);
  });
});
