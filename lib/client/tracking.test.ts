import { describe, expect, test } from 'vitest';
import type { BoardEntry, PickupBoard, TrackingView } from './schemas';
import {
  backoffMs,
  boardColumns,
  FetchError,
  isJustReady,
  mergeTracking,
  shouldRetry,
  trackerCanCancel,
  trackerPollMs,
  upsertBoardEntry,
} from './tracking';

const view = (over: Partial<TrackingView> = {}): TrackingView => ({
  order_id: 'ord_abcdefghijklmnopqrst',
  daily_number: 4,
  status: 'queued',
  steps: ['queued', 'prepping', 'ready', 'delivered'],
  eta_minutes: 6,
  customer_first_name: 'Mia',
  choices: null,
  items: null,
  provider: null,
  canceled_by: null,
  version: 1,
  server_time: 1_000,
  ...over,
});
const entry = (over: Partial<BoardEntry> = {}): BoardEntry => ({
  key: '2030-01-15-4',
  daily_number: 4,
  name: 'Mia',
  column: 'preparing',
  version: 1,
  since: 0,
  ...over,
});

describe('polling', () => {
  test('polls every 15 s while the stream is down; while live only an open order refreshes its ETA, once a minute', () => {
    expect(trackerPollMs(false, true)).toBe(15_000);
    expect(trackerPollMs(false, false)).toBe(15_000);
    expect(trackerPollMs(true, true)).toBe(60_000);
    expect(trackerPollMs(true, false)).toBe(false);
  });

  test('backs off by doubling up to five minutes, and never retries sooner than Retry-After', () => {
    expect([1, 2, 3, 4, 5, 6, 12].map((n) => backoffMs(n, new Error('offline')))).toEqual([
      15_000, 30_000, 60_000, 120_000, 240_000, 300_000, 300_000,
    ]);
    expect(backoffMs(1, new FetchError('slow down', 429, 90_000, null))).toBe(90_000);
    expect(backoffMs(4, new FetchError('slow down', 429, 5_000, null))).toBe(120_000);
  });

  test('retries anything but a 404', () => {
    expect(shouldRetry(3, new FetchError('gone', 404, null, null))).toBe(false);
    expect(shouldRetry(3, new FetchError('busy', 429, 1_000, null))).toBe(true);
    expect(shouldRetry(3, new FetchError('offline', 0, null, null))).toBe(true);
  });
});

describe('merging pushed tracker views', () => {
  test('a pushed view replaces an older one and drops its ETag; an older push changes nothing', () => {
    const cached = { data: view({ version: 2, status: 'prepping' }), etag: 'W/"x"', receivedAt: 1 };
    expect(mergeTracking(cached, view({ version: 3, status: 'ready' }), 50)).toEqual({
      data: view({ version: 3, status: 'ready' }),
      etag: null,
      receivedAt: 50,
    });
    expect(mergeTracking(cached, view({ version: 1 }), 50)).toBe(cached);
  });

  test('Cancel is offered only while cancelable, and never for a delivery-app order', () => {
    expect(
      ['queued', 'prepping', 'toasting', 'ready', 'delivered', 'canceled'].filter((status) =>
        trackerCanCancel(view({ status: status as TrackingView['status'] })),
      ),
    ).toEqual(['queued', 'prepping']);
    expect(trackerCanCancel(view({ provider: 'GrubHub' }))).toBe(false);
  });
});

describe('the pickup board', () => {
  const board = (entries: BoardEntry[]): PickupBoard => ({ entries, seq: 1, server_time: 0 });

  test('moves an entry between columns, drops it when it leaves, and ignores stale pushes', () => {
    const start = board([entry({ version: 2 })]);
    const ready = upsertBoardEntry(start, entry({ version: 3, column: 'ready' }));
    expect(ready.entries).toEqual([entry({ version: 3, column: 'ready' })]);
    expect(upsertBoardEntry(ready, entry({ version: 2 }))).toBe(ready);
    expect(upsertBoardEntry(ready, entry({ version: 4, column: null })).entries).toEqual([]);
  });

  test('sorts each column by business day, then daily number', () => {
    const cols = boardColumns([
      entry({ key: '2030-01-15-12', daily_number: 12 }),
      entry({ key: '2030-01-14-31', daily_number: 31 }),
      entry({ key: '2030-01-15-3', daily_number: 3 }),
      entry({ key: '2030-01-15-5', daily_number: 5, column: 'ready' }),
    ]);
    expect(cols.preparing.map((e) => e.daily_number)).toEqual([31, 3, 12]);
    expect(cols.ready.map((e) => e.daily_number)).toEqual([5]);
  });

  test('highlights a ready order for its first ten seconds only', () => {
    const e = entry({ column: 'ready', since: 100_000 });
    expect(isJustReady(e, 100_000 + 9_999)).toBe(true);
    expect(isJustReady(e, 100_000 + 10_000)).toBe(false);
    expect(isJustReady(entry({ since: 100_000 }), 100_500)).toBe(false);
  });
});
