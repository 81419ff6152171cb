import { describe, expect, test } from 'vitest';
import { orderViewSchema } from '../orders/response-schemas';
import { toOrderView } from '../orders/views';
import type { Order } from '../orders/types';
import { fieldsOf, limitsOf, typeOf } from './describe';
import { buildOpenApiDocument } from './document';

const doc = buildOpenApiDocument({
  origin: 'https://pbj.example',
  rateLimitPerMinute: 60,
  maxBodyBytes: 2048,
  menu: [{ type: 'jelly', option: 'grape', label: 'Grape' }],
});

const order: Order = {
  id: 'ord_aaaaaaaaaaaaaaaaaaaa',
  source: 'api',
  clientId: 'cli_x',
  provider: null,
  customerId: null,
  customerName: null,
  orderType: 'pickup',
  businessDate: '2026-11-23',
  dailyNumber: 1,
  status: 'canceled',
  bread: null,
  peanutButter: null,
  jelly: null,
  toast: null,
  cut: null,
  extras: [],
  items: null,
  notes: null,
  canceledBy: 'kitchen',
  attention: null,
  rush: false,
  itemsDone: [],
  version: 3,
  createdAt: 0,
  updatedAt: 1,
  statusAt: 1,
};

describe('the response schema', () => {
  test('parses what toOrderView really sends, strictly (a field added to the view without the schema fails here)', () => {
    expect(() => orderViewSchema.parse(toOrderView(order, null, 'https://pbj.example'))).not.toThrow();
    expect(() => orderViewSchema.parse({ ...toOrderView(order, 4, 'https://pbj.example'), surprise: true })).toThrow();
  });
});

describe('the document', () => {
  test('uses the configured origin, limits and menu', () => {
    expect(doc.servers).toEqual([{ url: 'https://pbj.example', description: 'This server' }]);
    expect(doc.info.description).toContain('at most 2048 bytes');
    expect(doc.info.description).toContain('60 requests a minute');
    expect(doc.components.schemas.CreateOrderRequest?.properties?.jelly?.description).toContain('`grape`');
    expect(doc.paths['/v1/orders']?.post?.['x-codeSamples']?.[0]?.source).toMatch(
      /^curl -X POST https:\/\/pbj\.example\/v1\/orders/,
    );
  });

  test('its examples are valid against its own schemas', () => {
    const example =
      doc.paths['/v1/orders/{order_id}']?.delete?.responses['200']?.content?.['application/json']?.example;
    expect(orderViewSchema.parse(example)).toMatchObject({
      status: 'canceled',
      canceled_by: 'customer',
      eta_minutes: null,
    });
  });
});

describe('reading schemas for people', () => {
  test('types and limits in words', () => {
    expect(typeOf({ anyOf: [{ type: 'integer' }, { type: 'null' }] })).toBe('integer | null');
    expect(typeOf({ type: ['string', 'null'] })).toBe('string | null');
    expect(typeOf({ type: 'array', items: { type: 'string' } })).toBe('array of string');
    expect(typeOf({ type: 'string', format: 'date-time' })).toBe('string (date-time)');
    expect(typeOf({ $ref: '#/components/schemas/Order' })).toBe('Order');
    expect(limitsOf({ type: 'string', minLength: 1, maxLength: 40 })).toEqual(['1–40 characters']);
    expect(limitsOf({ type: 'array', maxItems: 10, uniqueItems: true })).toEqual(['at most 10 items', 'no repeats']);
    expect(limitsOf({ type: 'integer', minimum: 1, maximum: 100, default: 20 })).toEqual(['1–100', 'default 20']);
  });

  test('an object flattens into rows, nested objects with dotted names', () => {
    const rows = fieldsOf(doc, { $ref: '#/components/schemas/Order' });
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['order_id', 'choices', 'choices.bread', 'choices.extras', 'tracking_url']),
    );
    expect(rows.find((r) => r.name === 'choices.extras')).toMatchObject({ type: 'array of string', required: true });
    const create = fieldsOf(doc, { $ref: '#/components/schemas/CreateOrderRequest' });
    expect(create.find((r) => r.name === 'extras')?.limits).toEqual(['at most 10 items', 'no repeats']);
    expect(create.find((r) => r.name === 'notes')).toMatchObject({ required: false });
  });
});
