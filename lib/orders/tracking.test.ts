import { describe, expect, test } from 'vitest';
import { ORDER_STATUSES } from './status';
import { boardName, menuLabels, toBoardEntry, toTrackingView, trackingEtagBasis } from './tracking';
import type { Order } from './types';

const NOW = Date.UTC(2030, 0, 15, 12, 0, 0);
const order = (over: Partial<Order> = {}): Order => ({
  id: 'ord_abcdefghijklmnopqrst',
  source: 'api',
  clientId: 'cli_secret',
  provider: null,
  customerId: 'cus_secret_42',
  customerName: 'Robin van der Berg',
  orderType: 'pickup',
  businessDate: '2030-01-15',
  dailyNumber: 7,
  status: 'queued',
  bread: 'wheat',
  peanutButter: 'crunchy',
  jelly: 'grape',
  toast: 'none',
  cut: 'fingers',
  extras: ['banana_slices', 'mystery_topping'],
  items: null,
  notes: 'Ring 555-0100',
  canceledBy: null,
  attention: null,
  rush: false,
  itemsDone: [],
  version: 3,
  createdAt: NOW - 60_000,
  updatedAt: NOW - 30_000,
  statusAt: NOW - 30_000,
  ...over,
});
const labels = menuLabels([
  { type: 'bread', option: 'wheat', label: 'Whole wheat', inStock: true, sort: 0 },
  { type: 'extras', option: 'banana_slices', label: 'Banana slices', inStock: true, sort: 0 },
  { type: 'toast', option: 'none', label: 'No toast', inStock: true, sort: 0 },
]);

describe('toTrackingView', () => {
  test('carries a first name at most: no customer id, client, full name or notes', () => {
    const view = toTrackingView(order(), 5, labels, NOW);
    const text = JSON.stringify(view);
    for (const secret of ['cus_secret_42', 'cli_secret', 'van der Berg', '555-0100'])
      expect(text).not.toContain(secret);
    expect(view).not.toHaveProperty('customer_id');
    expect(view.customer_first_name).toBe('Robin');
    expect(toTrackingView(order({ customerName: null }), 5, labels, NOW).customer_first_name).toBeNull();
  });

  test('labels choices from the menu, falling back to readable words for an option the menu lacks', () => {
    const { choices } = toTrackingView(order(), 5, labels, NOW);
    expect(choices).toMatchObject({
      bread: { option: 'wheat', label: 'Whole wheat' },
      toast: { option: 'none', label: 'No toast' },
      cut: { option: 'fingers', label: 'fingers' },
      extras: [
        { option: 'banana_slices', label: 'Banana slices' },
        { option: 'mystery_topping', label: 'mystery topping' },
      ],
    });
  });

  test('steps leave out toasting without toast; ETA, version and clock pass through', () => {
    expect(toTrackingView(order(), 5, labels, NOW)).toMatchObject({
      steps: ['queued', 'prepping', 'ready', 'delivered'],
      eta_minutes: 5,
      version: 3,
      server_time: NOW,
    });
    expect(toTrackingView(order({ toast: 'dark' }), 5, labels, NOW).steps).toEqual([
      'queued',
      'prepping',
      'toasting',
      'ready',
      'delivered',
    ]);
  });

  test('delivery-app items show name, quantity and options, never the free-text instructions', () => {
    const hub = order({
      source: 'kitchenhub',
      provider: 'GrubHub',
      toast: null,
      items: [
        {
          name: 'PB&J Classic',
          quantity: 2,
          instructions: 'Leave at door 4B, call Robin',
          options: [{ name: 'Extra jelly', quantity: 1 }],
        },
        { unexpected: true },
      ],
    });
    const view = toTrackingView(hub, 3, labels, NOW);
    expect(view.choices).toBeNull();
    expect(view.provider).toBe('GrubHub');
    expect(view.items).toEqual([{ name: 'PB&J Classic', quantity: 2, options: ['Extra jelly'] }]);
    expect(JSON.stringify(view)).not.toContain('door 4B');
  });

  test('the ETag basis is the view without its clock', () => {
    const a = toTrackingView(order(), 5, labels, NOW);
    const b = toTrackingView(order(), 5, labels, NOW + 9_000);
    expect(trackingEtagBasis(a)).toEqual(trackingEtagBasis(b));
    expect(trackingEtagBasis(a)).not.toHaveProperty('server_time');
    expect(trackingEtagBasis(toTrackingView(order({ version: 4 }), 5, labels, NOW))).not.toEqual(trackingEtagBasis(a));
  });
});

describe('the pickup board', () => {
  test('puts queued, prepping and toasting under Preparing, ready under Ready, and takes closed orders off', () => {
    const columns = Object.fromEntries(
      ORDER_STATUSES.map((status) => [status, toBoardEntry(order({ status })).column]),
    );
    expect(columns).toEqual({
      queued: 'preparing',
      prepping: 'preparing',
      toasting: 'preparing',
      ready: 'ready',
      delivered: null,
      canceled: null,
    });
  });

  test('an entry has a public key, the number and a first name, never the order id', () => {
    const entry = toBoardEntry(order({ status: 'ready' }));
    expect(entry).toEqual({
      key: '2030-01-15-7',
      daily_number: 7,
      name: 'Robin',
      column: 'ready',
      version: 3,
      since: NOW - 30_000,
    });
    expect(JSON.stringify(entry)).not.toMatch(/ord_|cus_|Berg/);
  });

  test('a first name too long to read across the room becomes its initial', () => {
    expect(boardName('Mia Johnson')).toBe('Mia');
    expect(boardName('Bartholomew-Alexander Smith')).toBe('B.');
    expect(boardName('   ')).toBeNull();
    expect(boardName(null)).toBeNull();
  });
});
