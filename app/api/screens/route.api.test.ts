// Kitchen screens' heartbeats and the missing-order alarm, over real HTTP.
import { beforeAll, describe, expect, test } from 'vitest';
import { ticketDigest } from '@/lib/orders/digest';
import { newApiClient, SEED_EXAMPLE_ORDER, signInStaff, type ApiClient, type StaffClient } from '@/test/api';
import { eventually } from '@/test/eventually';
import { startServer, type TestServer } from '@/test/server';

let server: TestServer;
let kitchen: StaffClient;
let manager: StaffClient;
let api: ApiClient;

beforeAll(async () => {
  server = await startServer({ KITCHENHUB_SANDBOX: 'false' });
  kitchen = await signInStaff(server.url, 'kitchen');
  manager = await signInStaff(server.url, 'manager');
  api = await newApiClient(server.url);
});

type Board = { tickets: Array<{ order_id: string; version: number; status: string }>; seq: number };
const board = async (): Promise<Board> => kitchen.json('GET', '/api/tickets');
const beat = async (screenId: string, b: Board, over: Record<string, unknown> = {}) =>
  kitchen.json('POST', '/api/screens/heartbeat', {
    screen_id: screenId,
    station: 'all',
    last_seq: b.seq,
    digest: ticketDigest(b.tickets),
    shown: b.tickets.map((t) => t.order_id),
    ...over,
  });
const overview = async () => manager.json('GET', '/api/screens');

describe('screen heartbeats', () => {
  test('a heartbeat registers the screen; the answer says whether its tickets match the server', async () => {
    await api.createOrder({ ...SEED_EXAMPLE_ORDER, customer_name: 'Hal Beat' });
    const b = await board();
    const ok = await beat('screen-alpha-0001', b);
    expect(ok).toMatchObject({ in_sync: true, seq: b.seq, alarm: null, heartbeat_ms: expect.any(Number) });

    const wrong = await beat('screen-alpha-0001', b, { digest: ticketDigest(b.tickets.slice(1)) });
    expect(wrong.in_sync).toBe(false); // same point in the log, different tickets: it missed something

    const behind = await beat('screen-alpha-0001', b, { last_seq: Math.max(0, b.seq - 1), digest: '00000000' });
    expect(behind.in_sync).toBeNull(); // events still on their way: no verdict

    const { screens } = await overview();
    expect(screens).toEqual([
      expect.objectContaining({
        id: 'screen-alpha-0001',
        station: 'all',
        staff_name: 'Casey',
        name: 'All screen (Casey)',
        silent: false,
        showing: b.tickets.length,
        behind: 1,
        in_sync: null,
      }),
    ]);
  });

  test('an order no screen has shown raises the alarm with the quiet screens, and showing it clears it', async () => {
    const set = await manager.json('PUT', '/api/screens/settings', { missing_order_seconds: 5 });
    expect(set.missing_order_seconds).toBe(5);
    const before = await board();
    await beat('screen-quiet-0002', before); // this screen then goes quiet
    const placed = await api.createOrder({ ...SEED_EXAMPLE_ORDER, customer_name: 'Una Seen' });
    const b = await board();
    // A second screen beats without the new order (say its stream dropped it).
    await beat('screen-other-0003', b, {
      shown: b.tickets.filter((t) => t.order_id !== placed.order_id).map((t) => t.order_id),
      digest: '00000000',
    });
    expect((await overview()).alarm).toBeNull(); // not yet: the order is younger than the threshold

    // The clock raises the alarm: the order unseen past the threshold (5 s) and the quiet screen past
    // three missed beats (6 s). Read on the overview: reading it is no screen's beat.
    await eventually(
      overview,
      (o) => o.alarm?.silent_screens.some((s: { id: string }) => s.id === 'screen-quiet-0002') === true,
      'the alarm, with the quiet screen silent',
    );
    const stillBeating = await beat('screen-other-0003', b, { shown: [], digest: '00000000' });
    expect(stillBeating.alarm.orders).toEqual([
      expect.objectContaining({ order_id: placed.order_id, customer_first_name: 'Una', status: 'queued' }),
    ]);
    const { alarm } = await overview();
    expect(alarm.orders.map((o: { order_id: string }) => o.order_id)).toEqual([placed.order_id]);
    expect(alarm.silent_screens.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(['screen-quiet-0002', 'screen-alpha-0001']),
    );
    expect(alarm.silent_screens.map((s: { id: string }) => s.id)).not.toContain('screen-other-0003');
    expect(alarm.open_screens).toBe(1);

    const cleared = await beat('screen-other-0003', b, { shown: [placed.order_id] });
    expect(cleared.alarm).toBeNull();
    expect((await overview()).alarm).toBeNull();
  });

  test('bad heartbeats are 400 and change nothing; made-up order ids are ignored; staff only', async () => {
    const b = await board();
    for (const body of [
      {},
      { screen_id: 'short', station: 'all', last_seq: 0, digest: '00000000', shown: [] },
      { screen_id: 'screen-bad-0004', station: 'bar', last_seq: 0, digest: '00000000', shown: [] },
      { screen_id: 'screen-bad-0004', station: 'all', last_seq: -1, digest: '00000000', shown: [] },
      { screen_id: 'screen-bad-0004', station: 'all', last_seq: 0, digest: 'zz', shown: [] },
      { screen_id: 'screen-bad-0004', station: 'all', last_seq: 0, digest: '00000000', shown: Array(501).fill('x') },
    ]) {
      const res = await kitchen.send('POST', '/api/screens/heartbeat', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request' });
    }
    expect((await overview()).screens.map((s: { id: string }) => s.id)).not.toContain('screen-bad-0004');
    const fine = await beat('screen-made-up-0005', b, { shown: ['ord_does_not_exist'] });
    expect(fine.in_sync).toBe(true);
    expect((await fetch(`${server.url}/api/screens/heartbeat`, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await kitchen.send('PUT', '/api/screens/settings', { missing_order_seconds: 30 })).status).toBe(403);
    expect((await manager.send('PUT', '/api/screens/settings', { missing_order_seconds: 2 })).status).toBe(400);
  });
});
