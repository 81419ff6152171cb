import { beforeAll, describe, expect, test } from 'vitest';
import { newApiClient, signInStaff, type ApiClient, type StaffClient } from '@/test/api';
import { startServer, type TestServer } from '@/test/server';
import { SseReader, type SseEvent } from '@/test/sse';

let server: TestServer;
let api: ApiClient;
let kitchen: StaffClient;
beforeAll(async () => {
  server = await startServer();
  api = await newApiClient(server.url);
  kitchen = await signInStaff(server.url, 'kitchen');
});

type OrderMsg = {
  event: { seq: number; to: string; type: string };
  ticket: { order_id: string; status: string; version: number };
};
const forOrder = (id: string, status?: string) => (e: SseEvent) =>
  e.event === 'order' &&
  (e.data as OrderMsg).ticket.order_id === id &&
  (status === undefined || (e.data as OrderMsg).ticket.status === status);

describe('GET /api/events', () => {
  test('needs a staff session', async () => {
    await expect(SseReader.open(`${server.url}/api/events`)).rejects.toMatchObject({ status: 401 });
  });

  test('streams with no-transform caching headers and pushes a new API order and each kitchen move', async () => {
    const stream = await SseReader.open(`${server.url}/api/events`, { Cookie: kitchen.cookie });
    try {
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      expect(stream.headers.get('cache-control')).toBe('no-cache, no-transform');
      expect(stream.headers.get('content-encoding')).toBeNull();
      await stream.next((e) => e.event === 'ready');
      const { order_id } = await api.createOrder();
      const created = await stream.next(forOrder(order_id, 'queued'));
      expect((created.data as OrderMsg).event.type).toBe('created');
      expect(created.id).toBe(String((created.data as OrderMsg).event.seq));
      await kitchen.advanceTo(order_id, 'prepping');
      await stream.next(forOrder(order_id, 'prepping'));
      await api.json('PUT', `/v1/orders/${order_id}`, { jelly: 'apricot' });
      const edited = await stream.next((e) => forOrder(order_id)(e) && (e.data as OrderMsg).event.type === 'edited');
      expect((edited.data as OrderMsg).ticket.version).toBe(3);
    } finally {
      stream.close();
    }
  });

  test('a reconnect with Last-Event-ID replays what was missed, in order, and nothing twice', async () => {
    const first = await SseReader.open(`${server.url}/api/events`, { Cookie: kitchen.cookie });
    const { order_id } = await api.createOrder();
    const seen = await first.next(forOrder(order_id, 'queued'));
    first.close(); // the tablet drops off the network
    await kitchen.advanceTo(order_id, 'toasting');
    const other = await api.createOrder();
    const resumed = await SseReader.open(`${server.url}/api/events`, {
      Cookie: kitchen.cookie,
      'Last-Event-ID': seen.id!,
    });
    try {
      await resumed.next((e) => e.event === 'ready');
      const replay = resumed
        .all()
        .filter((e) => e.event === 'order')
        .map((e) => e.data as OrderMsg);
      expect(replay.map((m) => [m.ticket.order_id, m.event.to])).toEqual([
        [order_id, 'prepping'],
        [order_id, 'toasting'],
        [other.order_id, 'queued'],
      ]);
      const seqs = replay.map((m) => m.event.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(seqs[0]).toBeGreaterThan(Number(seen.id));
    } finally {
      resumed.close();
    }
  });

  test('an id from another database (ahead of the log) is told to resync', async () => {
    const stream = await SseReader.open(`${server.url}/api/events`, {
      Cookie: kitchen.cookie,
      'Last-Event-ID': '999999999',
    });
    try {
      const msg = await stream.next((e) => e.event === 'resync');
      expect(msg.data).toMatchObject({ reason: 'unknown_event_id' });
    } finally {
      stream.close();
    }
  });
});
