// The public pages' limits (issue 25, item 4): the tracker, the pickup board, the tracker's Cancel and
// their live streams need no sign-in, so each client address has an allowance per minute for each
// (429 rate_limited in our error shape with Retry-After past it) and a cap on the streams it holds
// open at once. Run here with small limits; the defaults (README, lib/env.ts) are far above what a
// phone or a wall board does.
import { beforeAll, describe, expect, test } from 'vitest';
import { newApiClient, type ApiClient } from '@/test/api';
import { eventually, roomInMinuteWindow } from '@/test/eventually';
import { fetchFrom } from '@/test/from-address';
import { startServer, type TestServer } from '@/test/server';

const LIMITS = {
  PUBLIC_READS_PER_MINUTE: 6,
  PUBLIC_CANCELS_PER_MINUTE: 3,
  PUBLIC_STREAMS_PER_MINUTE: 5,
  PUBLIC_OPEN_STREAMS: 2,
};

let server: TestServer;
let api: ApiClient;
beforeAll(async () => {
  server = await startServer({
    ...Object.fromEntries(Object.entries(LIMITS).map(([k, v]) => [k, String(v)])),
    KITCHENHUB_SANDBOX: 'false',
    KITCHENHUB_POLL_SECONDS: '0',
  });
  api = await newApiClient(server.url);
});

/** Windows are per minute: start a burst well inside one (15 s left), so it is never split across two. */
const insideOneMinute = () => roomInMinuteWindow(15_000);

async function expectLimited(res: Response, what: string): Promise<void> {
  expect(res.status, what).toBe(429);
  expect(Number(res.headers.get('retry-after')), what).toBeGreaterThan(0);
  expect(await res.json(), what).toMatchObject({ error: 'rate_limited', message: expect.any(String) });
}

const get = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, init);
const liveStreams = async () => ((await (await get('/api/health')).json()) as { live_streams: number }).live_streams;

describe('per address per minute', () => {
  test('tracker reads: the allowance, then 429; the board counts apart (half the tracker allowance)', async () => {
    const { order_id } = await api.createOrder();
    await insideOneMinute();
    for (let i = 0; i < LIMITS.PUBLIC_READS_PER_MINUTE; i++) {
      const res = await get(`/api/track/${order_id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBe(String(LIMITS.PUBLIC_READS_PER_MINUTE));
    }
    await expectLimited(await get(`/api/track/${order_id}`), 'tracker read past the allowance');
    await expectLimited(
      await get('/api/track/ord_aaaaaaaaaaaaaaaaaaaa'),
      'guessing other ids counts against the same allowance',
    );
    for (let i = 0; i < LIMITS.PUBLIC_READS_PER_MINUTE / 2; i++) expect((await get('/api/board')).status).toBe(200);
    await expectLimited(await get('/api/board'), 'board read past the allowance');
  });

  test('the tracker and board pages count against the same allowances as their JSON (a client of its own: 127.0.7.1)', async () => {
    const { order_id } = await api.createOrder();
    const page = (path: string) => fetchFrom('127.0.7.1', `${server.url}${path}`);
    await insideOneMinute();
    for (let i = 0; i < LIMITS.PUBLIC_READS_PER_MINUTE; i++)
      expect((await page(`/track/${order_id}`)).status).toBe(200);
    await expectLimited(await page(`/track/${order_id}`), 'tracker page past the allowance');
    await expectLimited(await page(`/api/track/${order_id}`), 'its JSON shares it');
    for (let i = 0; i < LIMITS.PUBLIC_READS_PER_MINUTE / 2; i++) expect((await page('/board')).status).toBe(200);
    await expectLimited(await page('/board'), 'board page past the allowance');
    expect((await fetchFrom('127.0.7.2', `${server.url}/track/${order_id}`)).status).toBe(200); // another address is unaffected
  });

  test('tracker cancels: the allowance, then 429 (and the order is not canceled by the refused one)', async () => {
    const orders = await Promise.all(
      Array.from({ length: LIMITS.PUBLIC_CANCELS_PER_MINUTE + 1 }, () => api.createOrder()),
    );
    await insideOneMinute();
    for (const o of orders.slice(0, -1))
      expect((await get(`/api/track/${o.order_id}/cancel`, { method: 'POST' })).status).toBe(200);
    const last = orders.at(-1)!.order_id;
    await expectLimited(await get(`/api/track/${last}/cancel`, { method: 'POST' }), 'cancel past the allowance');
    expect(await api.json('GET', `/v1/orders/${last}`)).toMatchObject({ status: 'queued' });
  });
});

describe('live streams', () => {
  test('at most PUBLIC_OPEN_STREAMS open at once per address (429 beyond); closing one frees its place; new streams per minute are limited too', async () => {
    const { order_id } = await api.createOrder();
    await insideOneMinute();
    const base = await liveStreams();
    const open = (path: string) => {
      const ac = new AbortController();
      return get(path, { signal: ac.signal }).then((res) => ({ res, close: () => ac.abort() }));
    };
    const first = await open(`/api/track/${order_id}/events`); // 1st new stream this minute
    const second = await open('/api/board/events'); // 2nd
    expect([first.res.status, second.res.status]).toEqual([200, 200]);
    await expectLimited((await open('/api/board/events')).res, 'a third open stream'); // 3rd
    first.close();
    await eventually(liveStreams, (n) => n === base + 1, 'the closed stream to end on the server');
    const third = await open(`/api/track/${order_id}/events`); // 4th
    expect(third.res.status).toBe(200);
    second.close();
    third.close();
    await eventually(liveStreams, (n) => n === base, 'both streams to end on the server');
    const fourth = await open('/api/board/events'); // 5th: the last this minute
    expect(fourth.res.status).toBe(200);
    fourth.close();
    await expectLimited((await open('/api/board/events')).res, 'a sixth new stream in one minute'); // 6th
  });
});
