// Resume: live streams (kitchen screens on /api/events, customer trackers on /api/track/{id}/events)
// ride through a server restart on the same database. Events happen before, while the server is down
// (another instance keeps working: here the test process itself, through lib/) and after; every client
// resumes with Last-Event-ID and ends with every event of its topic exactly once, in order.
import { afterAll, describe, expect, test } from 'vitest';
import { moveOrder, placeOrder } from '@/lib/orders/service';
import { ApiClient, newApiClient, SEED_EXAMPLE_ORDER, signInStaff, StaffClient } from '@/test/api';
import { PUBLIC_UNLIMITED, startServer, type TestServer } from '@/test/server';
import { eventually, pool, ResumingStream, rows, size } from './harness';

const STREAMS = size(20, 200); // half kitchen screens, half trackers (one order each)
let server: TestServer | undefined;
const streams: ResumingStream[] = [];
afterAll(async () => {
  streams.forEach((s) => s.close()); // the server is stopped after them (test/setup.ts)
});

const latestSeq = async () =>
  (await rows<{ seq: number | null }>('select max(seq) seq from order_events'))[0]!.seq ?? 0;
const seqsOf = async (after: number, orderId?: string) =>
  (
    await rows<{ seq: number }>(
      `select seq from order_events where seq > ${after}${orderId ? ` and order_id = '${orderId}'` : ''} order by seq`,
    )
  ).map((r) => r.seq);

describe('resume after a restart', () => {
  test(`${STREAMS} live streams resume with Last-Event-ID: nothing missed, nothing twice`, async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '1000000', ...PUBLIC_UNLIMITED });
    const url = () => server!.url;
    const firstApi = await newApiClient(url());
    const firstKitchen = await signInStaff(url(), 'kitchen');
    // The same key and session cookie, at wherever the server listens now (a restart changes the port).
    const api = {
      createOrder: (o: Record<string, unknown>) => new ApiClient(url(), firstApi.key, firstApi.clientId).createOrder(o),
      clientId: firstApi.clientId,
    };
    const kitchen = {
      cookie: firstKitchen.cookie,
      json: (m: string, p: string, b?: unknown) => new StaffClient(url(), firstKitchen.cookie).json(m, p, b),
    };
    const trackers = STREAMS / 2;
    const tracked: Array<{ id: string; version: number }> = [];
    for (let i = 0; i < trackers; i++)
      tracked.push({ id: (await api.createOrder({ customer_id: `resume-${i}` })).order_id, version: 1 });

    const kitchenStreams = Array.from(
      { length: STREAMS - trackers },
      () => new ResumingStream(url, '/api/events', { Cookie: kitchen.cookie }),
    );
    const trackerStreams = tracked.map((o) => new ResumingStream(url, `/api/track/${o.id}/events`));
    streams.push(...kitchenStreams, ...trackerStreams);
    await eventually(
      () => streams.filter((s) => s.connections >= 1).length,
      (n) => n === streams.length,
      'every stream to connect',
    );
    const from = await latestSeq(); // fresh streams send only what happens after they connect

    const advanceAll = () =>
      pool(
        10,
        tracked.map((o) => async () => {
          await kitchen.json('POST', `/api/orders/${o.id}/advance`, { version: o.version });
          o.version++;
        }),
      );
    const extraOrders = async (n: number) => {
      for (let i = 0; i < n; i++) await api.createOrder({ customer_id: 'resume-extra' });
    };

    // Up: every tracked order moves, and new orders arrive.
    await advanceAll();
    await extraOrders(5);
    await eventually(
      () => trackerStreams.filter((s) => s.count('order') >= 1).length,
      (n) => n === trackers,
      'each tracker to see its first event',
    );

    // Down: the kitchen keeps working (another instance would): the event log grows meanwhile.
    await server.stop();
    for (const o of tracked) {
      await moveOrder({ actor: 'staff:stf_kitchen', orderId: o.id, action: 'advance', seenVersion: o.version });
      o.version++;
    }
    for (let i = 0; i < 5; i++) {
      await placeOrder({
        clientId: api.clientId,
        body: { ...SEED_EXAMPLE_ORDER, extras: [...SEED_EXAMPLE_ORDER.extras], customer_id: 'resume-down' },
        origin: 'http://down.local',
      });
    }

    // Up again, on a new port: every client reconnects by itself, then more happens.
    const restartedAt = performance.now();
    server = await server.restart();
    await eventually(
      () => streams.filter((s) => s.connections >= 2).length,
      (n) => n === streams.length,
      'every stream to reconnect',
      30_000,
    );
    console.log(
      `resume: all ${streams.length} streams back ${((performance.now() - restartedAt) / 1000).toFixed(1)} s after the restart began`,
    );
    await advanceAll();
    await extraOrders(5);

    const last = await latestSeq();
    await eventually(
      async () => [
        ...kitchenStreams.map((s) => s.orderIds().at(-1)),
        ...(await Promise.all(
          tracked.map(async (o, i) => trackerStreams[i]!.orderIds().at(-1) === (await seqsOf(from, o.id)).at(-1)),
        )),
      ],
      (v) => v.every((x) => x === last || x === true),
      'every stream to catch up',
    );

    const expectedKitchen = await seqsOf(from);
    expect(expectedKitchen.length).toBeGreaterThan(tracked.length * 3); // moves up, down and after, plus new orders
    for (const s of kitchenStreams) {
      expect(s.orderIds()).toEqual(expectedKitchen); // every event, once, in order
      expect(s.count('resync')).toBe(0);
    }
    for (const [i, o] of tracked.entries()) {
      const s = trackerStreams[i]!;
      expect(s.orderIds()).toEqual(await seqsOf(from, o.id)); // only its own order's events, each once
      expect(s.orderIds()).toHaveLength(3);
      expect(s.count('resync')).toBe(0);
    }
  }, 240_000);
});
