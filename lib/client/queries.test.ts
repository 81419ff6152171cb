import { QueryClient } from '@tanstack/react-query';
import { describe, expect, test } from 'vitest';
import { trackingQuery, upsertTicket } from './queries';
import type { Board, Ticket, TrackingView } from './schemas';
import { mergeTracking, type Fresh } from './tracking';

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

describe('trackingQuery', () => {
  const view = (version: number, status: TrackingView['status']): TrackingView => ({
    order_id: 'ord_abcdefghijklmnopqrst',
    daily_number: 4,
    status,
    steps: ['queued', 'prepping', 'ready', 'delivered'],
    eta_minutes: null,
    customer_first_name: 'Mia',
    choices: null,
    items: null,
    provider: null,
    canceled_by: null,
    version,
    server_time: 1_000,
  });

  test('a refetch answered after a pushed change does not put the older status back', async () => {
    const client = new QueryClient();
    const query = trackingQuery('ord_abcdefghijklmnopqrst');
    const { queryKey } = query;
    client.setQueryData<Fresh<TrackingView>>(queryKey, { data: view(2, 'prepping'), etag: null, receivedAt: 0 });
    const realFetch = globalThis.fetch;
    // The browser's fetch, standing in for the network: while the GET is on its way, the stream pushes "ready".
    globalThis.fetch = async () => {
      client.setQueryData<Fresh<TrackingView>>(queryKey, (c) => mergeTracking(c, view(3, 'ready')));
      return Response.json(view(2, 'prepping'));
    };
    try {
      await client.fetchQuery({ ...query, staleTime: 0 }); // what the page's refetch runs
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(client.getQueryData<Fresh<TrackingView>>(queryKey)?.data).toMatchObject({ status: 'ready', version: 3 });
  });
});
