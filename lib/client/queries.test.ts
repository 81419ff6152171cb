import { describe, expect, test } from 'vitest';
import { upsertTicket } from './queries';
import type { Board, Ticket } from './schemas';

const ticket = (id: string, over: Partial<Ticket> = {}): Ticket => ({
  order_id: id,
  daily_number: 1,
  status: 'queued',
  version: 1,
  source: 'api',
  provider: null,
  order_type: 'pickup',
  customer_first_name: null,
  bread: 'white',
  peanut_butter: 'smooth',
  jelly: 'grape',
  toast: 'none',
  cut: 'halves',
  extras: [],
  items: null,
  notes: null,
  canceled_by: null,
  attention: null,
  created_at: 1000,
  status_at: 1000,
  updated_at: 1000,
  business_date: '2026-12-02',
  rush: false,
  items_done: [],
  ...over,
});
const board = (tickets: Ticket[], recent: Ticket[] = []): Board => ({
  tickets,
  recent,
  seq: 0,
  server_time: 0,
  aging: { warningMinutes: 5, lateMinutes: 8 },
  menu: [],
  business_date: '2026-12-02',
  alerts: { volume: 0.6, repeatSeconds: 10, escalate: true, escalateAfterSeconds: 30 },
});

describe('upsertTicket', () => {
  test('a newer version replaces the cached ticket; an older or equal one is ignored', () => {
    const b = board([ticket('a', { version: 3, status: 'prepping' })]);
    expect(upsertTicket(b, ticket('a', { version: 2, status: 'queued' }))).toBe(b);
    expect(upsertTicket(b, ticket('a', { version: 3, status: 'toasting' }))).toBe(b);
    expect(upsertTicket(b, ticket('a', { version: 4, status: 'toasting' })).tickets[0]?.status).toBe('toasting');
  });

  test('new tickets keep the board oldest first, so tickets already on screen never move', () => {
    const b = board([ticket('a', { created_at: 1 }), ticket('c', { created_at: 3 })]);
    const next = upsertTicket(upsertTicket(b, ticket('d', { created_at: 4 })), ticket('b', { created_at: 2 }));
    expect(next.tickets.map((t) => t.order_id)).toEqual(['a', 'b', 'c', 'd']);
  });

  test('handed-off and acknowledged-canceled tickets move to recall; an unacknowledged cancel stays on the board', () => {
    const b = board([ticket('a'), ticket('b'), ticket('c')]);
    let next = upsertTicket(b, ticket('a', { version: 2, status: 'delivered' }));
    next = upsertTicket(
      next,
      ticket('b', { version: 2, status: 'canceled', attention: { kind: 'canceled', by: 'customer' } }),
    );
    expect(next.tickets.map((t) => t.order_id)).toEqual(['b', 'c']);
    expect(next.recent.map((t) => t.order_id)).toEqual(['a']);
    next = upsertTicket(next, ticket('b', { version: 3, status: 'canceled', attention: null }));
    expect(next.tickets.map((t) => t.order_id)).toEqual(['c']);
    // A recalled ticket comes back from the recall list.
    next = upsertTicket(next, ticket('a', { version: 3, status: 'ready' }));
    expect(next.tickets.map((t) => t.order_id)).toEqual(['a', 'c']);
    expect(next.recent.map((t) => t.order_id)).toEqual(['b']);
  });
});
