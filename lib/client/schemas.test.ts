// One schema per shape (issue 21, item 3): each wire shape is one zod schema. The pages parse with
// that very object, the server's view functions produce exactly its fields, and for the public API the
// OpenAPI document's component lists exactly its fields. Removing a field from a schema therefore
// changes the server's type, the page's parse and the document together; these tests fail when any
// one of them is written apart again.
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { schemaFields, sorted, valueFields } from '@/test/schema-fields';
import * as deliveryLog from '../kitchenhub/delivery-log';
import * as managerViews from '../manager/views';
import { fieldsOf } from '../openapi/describe';
import { buildOpenApiDocument } from '../openapi/document';
import { errorBodySchema, orderListSchema, orderViewSchema } from '../orders/response-schemas';
import { createOrderBody, updateOrderBody } from '../orders/schemas';
import { menuLabels, toBoardEntry, toTrackingView } from '../orders/tracking';
import type { Order, OrderEvent } from '../orders/types';
import * as orderViews from '../orders/views';
import * as client from './schemas';

const order: Order = {
  id: 'ord_aaaaaaaaaaaaaaaaaaaa',
  source: 'kitchenhub',
  clientId: null,
  provider: 'grubhub',
  customerId: 'cus_1',
  customerName: 'Robin Baker',
  orderType: 'pickup',
  businessDate: '2026-11-23',
  dailyNumber: 4,
  status: 'prepping',
  bread: 'white',
  peanutButter: 'smooth',
  jelly: 'grape',
  toast: 'light',
  cut: 'halves',
  extras: ['banana_slices'],
  items: [{ name: 'PB&J', quantity: 2, options: [{ name: 'Grape' }] }],
  notes: 'No crusts',
  canceledBy: null,
  attention: { kind: 'edited', changes: { jelly: { from: 'grape', to: 'strawberry' } } },
  rush: false,
  itemsDone: [0],
  version: 2,
  createdAt: Date.UTC(2026, 10, 23, 12),
  updatedAt: Date.UTC(2026, 10, 23, 12, 1),
  statusAt: Date.UTC(2026, 10, 23, 12, 1),
};
const event: OrderEvent = {
  seq: 9,
  orderId: order.id,
  type: 'status',
  action: 'advance',
  fromStatus: 'queued',
  toStatus: 'prepping',
  actor: 'staff_1',
  changes: null,
  version: 2,
  at: order.updatedAt,
};

describe('the pages parse with the server’s own schemas', () => {
  test('every schema lib/client/schemas exports is the very object a server module defines', () => {
    const sources: Array<Record<string, unknown>> = [orderViews, managerViews, deliveryLog];
    const exported = Object.entries(client).filter(([name]) => name.endsWith('Schema'));
    expect(exported.length).toBeGreaterThan(15);
    for (const [name, schema] of exported) {
      expect(
        sources.some((m) => m[name] === schema),
        `${name} is defined in lib/client instead of beside its server code`,
      ).toBe(true);
    }
  });

  test('each view function sends exactly its schema’s fields, and the page parses it', () => {
    const now = order.updatedAt;
    const apiOrder: Order = { ...order, source: 'api', provider: null, items: null }; // its choices are shown
    const views: Array<[string, z.core.$ZodType, unknown]> = [
      ['ticket', orderViews.ticketSchema, orderViews.toTicketView(order)],
      ['event', orderViews.eventViewSchema, orderViews.toEventView(event)],
      ['tracking', orderViews.trackingViewSchema, toTrackingView(apiOrder, 6, menuLabels([]), now)],
      ['board entry', orderViews.boardEntrySchema, toBoardEntry(order)],
      ['API order', orderViewSchema, orderViews.toOrderView(order, 6, 'https://pbj.example')],
    ];
    // attention (a union holding a record of changes) has no fixed fields inside: compare it as one field
    const fixed = (fields: string[]) => sorted(fields.filter((f) => !f.startsWith('attention.')));
    for (const [what, schema, view] of views) {
      expect(fixed(valueFields(view)), what).toEqual(fixed(schemaFields(schema)));
      expect(() => z.parse(schema, view), what).not.toThrow();
    }
  });
});

describe('the OpenAPI document is generated from the same schemas', () => {
  const doc = buildOpenApiDocument({ origin: 'https://pbj.example', rateLimitPerMinute: 60, maxBodyBytes: 2048 });
  const components: Array<[string, z.core.$ZodType]> = [
    ['Order', orderViewSchema],
    ['OrderList', orderListSchema],
    ['Error', errorBodySchema],
    ['CreateOrderRequest', createOrderBody],
    ['UpdateOrderRequest', updateOrderBody],
  ];

  test.each(components)('%s lists exactly the zod schema’s fields, nested ones included', (name, schema) => {
    const documented = fieldsOf(doc, { $ref: `#/components/schemas/${name}` }).map((row) => row.name);
    expect(sorted(documented)).toEqual(sorted(schemaFields(schema)));
  });

  test('every request field says what it means (a field added without its .meta fails here)', () => {
    for (const name of ['CreateOrderRequest', 'UpdateOrderRequest'])
      for (const row of fieldsOf(doc, { $ref: `#/components/schemas/${name}` }))
        expect(row.description, `${name}.${row.name}`).not.toBe('');
  });

  test('a field’s meaning is written once, on the schema, and reaches the document', () => {
    const meta = (s: z.core.$ZodType) => z.globalRegistry.get(s)?.description;
    const order = doc.components.schemas.Order?.properties ?? {};
    for (const [field, schema] of Object.entries(orderViewSchema.shape))
      if (meta(schema)) expect(order[field]?.description, field).toBe(meta(schema));
    expect(doc.components.schemas.CreateOrderRequest?.properties?.customer_id?.description).toBe(
      meta(createOrderBody.shape.customer_id),
    );
  });
});
