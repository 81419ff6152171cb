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

type Entry = {
  key: string;
  daily_number: number;
  name: string | null;
  column: 'preparing' | 'ready' | null;
  version: number;
  since: number;
};
type Board = { entries: Entry[]; seq: number; server_time: number };
const getBoard = async (): Promise<Board> => (await fetch(`${server.url}/api/board`)).json();
const ENTRY_KEYS = ['column', 'daily_number', 'key', 'name', 'since', 'version'];
const place = (name: string, extra: Record<string, unknown> = {}) =>
  api.createOrder({ customer_id: `cus_${name.toLowerCase().replace(/\W/g, '')}_4411`, customer_name: name, ...extra });

describe('GET /api/board', () => {
  test('shows preparing and ready orders by daily number and first name only; handed-off and canceled ones leave', async () => {
    const queued = await place('Quinn Queuedley');
    const toasting = await place('Tess Toastworth', { toast: 'dark' });
    const ready = await place('Rae Readington');
    const done = await place('Dana Deliverson');
    const canceled = await place('Cal Cancelmore');
    await kitchen.advanceTo(toasting.order_id, 'toasting');
    await kitchen.advanceTo(ready.order_id, 'ready');
    await kitchen.advanceTo(done.order_id, 'delivered');
    await kitchen.json('POST', `/api/orders/${canceled.order_id}/cancel`, { version: 1 });

    const res = await fetch(`${server.url}/api/board`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const board = JSON.parse(text) as Board;
    const at = (n: number) => board.entries.find((e) => e.daily_number === n);
    expect(at(queued.daily_number)).toMatchObject({ name: 'Quinn', column: 'preparing' });
    expect(at(toasting.daily_number)).toMatchObject({ name: 'Tess', column: 'preparing' });
    expect(at(ready.daily_number)).toMatchObject({ name: 'Rae', column: 'ready' });
    expect(at(done.daily_number)).toBeUndefined();
    expect(at(canceled.daily_number)).toBeUndefined();
    for (const e of board.entries) expect(Object.keys(e).sort()).toEqual(ENTRY_KEYS);
    expect(text).not.toMatch(/ord_|cus_|Queuedley|Toastworth|Readington/); // an order id would let anyone cancel it
  });

  test('answers If-None-Match with 304 until the board changes', async () => {
    const first = await fetch(`${server.url}/api/board`);
    const etag = first.headers.get('etag')!;
    expect((await fetch(`${server.url}/api/board`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    await place('Nell Newcomb');
    expect((await fetch(`${server.url}/api/board`, { headers: { 'If-None-Match': etag } })).status).toBe(200);
  });
});

describe('GET /api/board/events', () => {
  test('sends each change as a public board entry only, as orders move to Ready and leave', async () => {
    const { seq } = await getBoard();
    const stream = await SseReader.open(`${server.url}/api/board/events?since=${seq}`);
    const isMine = (n: number, column: Entry['column']) => (e: SseEvent) =>
      e.event === 'order' && (e.data as Entry).daily_number === n && (e.data as Entry).column === column;
    try {
      expect(stream.headers.get('cache-control')).toBe('no-cache, no-transform');
      const order = await place('Bea Boardwell', { toast: 'none' });
      await stream.next(isMine(order.daily_number, 'preparing'));
      await kitchen.advanceTo(order.order_id, 'ready');
      const ready = await stream.next(isMine(order.daily_number, 'ready'));
      expect(ready.data).toMatchObject({ name: 'Bea', version: 3 });
      await kitchen.advanceTo(order.order_id, 'delivered');
      await stream.next(isMine(order.daily_number, null));
      for (const e of stream.all().filter((m) => m.event === 'order'))
        expect(Object.keys(e.data as Entry).sort()).toEqual(ENTRY_KEYS);
      expect(JSON.stringify(stream.all())).not.toMatch(/ord_|cus_|Boardwell/);
    } finally {
      stream.close();
    }
  });
});
