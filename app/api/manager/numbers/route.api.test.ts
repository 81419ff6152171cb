// The manager's numbers over real HTTP: today's figures from orders placed through the API and moved
// by the real staff endpoints, and a past day written with known times to check every figure exactly.
import { beforeAll, describe, expect, test } from 'vitest';
import { changeOrder, createOrder } from '@/db/storage/orders';
import { DEMO_CLIENT_ID } from '@/lib/seed';
import type { OrderStatus } from '@/lib/orders/status';
import { newApiClient, signInStaff, type ApiClient, type StaffClient } from '@/test/api';
import { startServer, type TestServer } from '@/test/server';

let server: TestServer;
let api: ApiClient;
let manager: StaffClient;
let kitchen: StaffClient;
beforeAll(async () => {
  server = await startServer();
  api = await newApiClient(server.url);
  [manager, kitchen] = await Promise.all([signInStaff(server.url, 'manager'), signInStaff(server.url, 'kitchen')]);
});

type Ticket = { order_id: string; status: OrderStatus; version: number; created_at: number; status_at: number };

/** Taps a ticket forward as a cook would until it reaches `to`; returns the ticket as it entered each status. */
async function tapTo(orderId: string, to: OrderStatus): Promise<Map<OrderStatus, Ticket>> {
  const seen = new Map<OrderStatus, Ticket>();
  let t: Ticket = await kitchen.ticket(orderId).then((x) => x as Ticket);
  while (t.status !== to) {
    t = (await kitchen.json('POST', `/api/orders/${orderId}/advance`, { version: t.version })).ticket;
    seen.set(t.status, t);
  }
  return seen;
}

/** The textbook percentile, written out here so the test does not share the code it checks. */
const expectedPercentile = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  const rank = p * (s.length - 1);
  const lo = s[Math.floor(rank)]!;
  const hi = s[Math.ceil(rank)]!;
  return lo + (hi - lo) * (rank - Math.floor(rank));
};

describe("today's numbers", () => {
  test('count, time, cancel and item figures match the orders placed and moved through the real endpoints', async () => {
    const o1 = await api.createOrder({ bread: 'brioche', toast: 'light', extras: ['honey'] });
    const o2 = await api.createOrder({ bread: 'white', toast: 'none', extras: [] });
    const o3 = await api.createOrder({ bread: 'white', toast: 'none', extras: [] });
    const o4 = await api.createOrder({ bread: 'sourdough', extras: [] });
    const o5 = await api.createOrder({ bread: 'wheat', extras: [] });
    const o6 = await api.createOrder({ bread: 'multigrain', toast: 'none', extras: [] });

    const ready = [
      await tapTo(o1.order_id, 'ready'),
      await tapTo(o2.order_id, 'ready'),
      await tapTo(o3.order_id, 'ready'),
    ].map((m) => m.get('ready')!);
    await tapTo(o1.order_id, 'delivered');
    await kitchen.json('POST', `/api/orders/${o4.order_id}/cancel`, { version: 1 });
    await api.json('DELETE', `/v1/orders/${o5.order_id}`);

    const n = await manager.json('GET', '/api/manager/numbers');
    expect(n.date).toBe(n.today);
    expect(n.totals).toEqual({
      orders: 6,
      api: 6,
      kitchenhub: 0,
      made: 3,
      delivered: 1,
      open: 3,
      canceled: 2,
      late: 0,
      late_open: 0,
    });

    const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone: n.time_zone, hour: '2-digit', hourCycle: 'h23' });
    const byHour = new Map<number, number>();
    for (const o of [o1, o2, o3, o4, o5, o6]) {
      const h = Number(hourOf.format(Date.parse(o.created_at)));
      byHour.set(h, (byHour.get(h) ?? 0) + 1);
    }
    for (const h of n.hours) expect([h.hour, h.api + h.kitchenhub]).toEqual([h.hour, byHour.get(h.hour) ?? 0]);

    const ticketMs = ready.map((t) => t.status_at - t.created_at);
    expect(n.ticket_time.count).toBe(3);
    expect(n.ticket_time.median_ms).toBeCloseTo(expectedPercentile(ticketMs, 0.5));
    expect(n.ticket_time.p90_ms).toBeCloseTo(expectedPercentile(ticketMs, 0.9));
    expect(n.ticket_time.max_ms).toBe(Math.max(...ticketMs));

    const tickets = Object.fromEntries(
      n.per_status.map((s: { status: string; tickets: number }) => [s.status, s.tickets]),
    );
    expect(tickets).toEqual({ queued: 6, prepping: 3, toasting: 1, ready: 3 });

    expect(n.canceled.by).toEqual([
      { kind: 'kitchen', who: 'Casey', count: 1 },
      { kind: 'customer', who: 'Customer (ordering app)', count: 1 },
    ]);
    expect(n.canceled.tickets.map((t: { order_id: string; from: string }) => [t.order_id, t.from])).toEqual([
      [o4.order_id, 'queued'],
      [o5.order_id, 'queued'],
    ]);

    const items = (group: string) =>
      Object.fromEntries(
        n.items
          .find((g: { group: string }) => g.group === group)
          .rows.map((r: { label: string; count: number }) => [r.label, r.count]),
      );
    expect(items('bread')).toEqual({ White: 2, Brioche: 1, Multigrain: 1 }); // the canceled sourdough and wheat do not count
    expect(items('extras')).toEqual({ Honey: 1 });
    expect(items('toast')).toEqual({ 'No toast': 3, Light: 1 });

    const csv = await manager.send('GET', '/api/manager/numbers/csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="pbj-orders-${n.date}.csv"`);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(7);
    const header = lines[0]!.split(',');
    const rowOf = (id: string) => {
      const cells = lines.find((l) => l.includes(id))!.split(',');
      return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
    };
    expect(rowOf(o4.order_id)).toMatchObject({ status: 'canceled', canceled_by: 'Casey', bread: 'sourdough' });
    expect(rowOf(o1.order_id)).toMatchObject({
      status: 'delivered',
      late: 'no',
      extras: 'honey',
      ready_at: new Date(ready[0]!.status_at).toISOString(),
    });
    expect(rowOf(o6.order_id)).toMatchObject({ status: 'queued', ready_at: '', ticket_minutes: '' });
  });
});

describe('a past business day', () => {
  const DAY = '2000-01-03';
  const at = (hh: number, mm: number) => Date.UTC(2000, 0, 3, hh, mm);

  /** An order of that day with its moves at the given times, written straight into the server's database. */
  async function pastOrder(id: string, created: number, moves: Array<[OrderStatus, number, string?]>): Promise<void> {
    const made = await createOrder(
      {
        id,
        source: 'api',
        clientId: DEMO_CLIENT_ID,
        provider: null,
        customerId: 'cus_past',
        customerName: null,
        orderType: 'pickup',
        businessDate: DAY,
        status: 'queued',
        bread: 'white',
        peanutButter: 'smooth',
        jelly: 'grape',
        toast: 'none',
        cut: 'halves',
        extras: [],
        items: null,
        notes: null,
        canceledBy: null,
        createdAt: created,
      },
      `api:${DEMO_CLIENT_ID}`,
    );
    expect(made.kind).toBe('created');
    for (const [status, when, actor = 'staff:stf_kitchen'] of moves) {
      await changeOrder(id, () => ({
        type: 'status',
        action: 'advance',
        actor,
        at: when,
        status,
        ...(status === 'canceled' ? { canceledBy: 'customer' as const } : {}),
      }));
    }
  }

  beforeAll(async () => {
    await pastOrder('ord_pastaaaaaaaaaaaaaaaa', at(10, 0), [
      ['prepping', at(10, 1)],
      ['ready', at(10, 4)],
      ['delivered', at(10, 6)],
    ]); // 4 min
    await pastOrder('ord_pastbbbbbbbbbbbbbbbb', at(10, 10), [
      ['prepping', at(10, 15)],
      ['ready', at(10, 22)],
    ]); // 12 min: late
    await pastOrder('ord_pastcccccccccccccccc', at(11, 5), [
      ['prepping', at(11, 6)],
      ['ready', at(11, 12)],
      ['delivered', at(11, 13)],
    ]); // 7 min
    await pastOrder('ord_pastdddddddddddddddd', at(11, 20), [['canceled', at(11, 21), 'tracker']]);
  });

  test('every figure is exact: late tickets by the aging threshold, median and p90, per hour, who canceled', async () => {
    const n = await manager.json('GET', `/api/manager/numbers?date=${DAY}`);
    expect(n.date).toBe(DAY);
    expect(n.days).toContain(DAY);
    expect(n.late_minutes).toBe(8);
    expect(n.totals).toEqual({
      orders: 4,
      api: 4,
      kitchenhub: 0,
      made: 3,
      delivered: 2,
      open: 1,
      canceled: 1,
      late: 1,
      late_open: 0,
    });
    expect(n.ticket_time).toMatchObject({ count: 3, median_ms: 7 * 60_000, p90_ms: 11 * 60_000, max_ms: 12 * 60_000 });
    expect(n.hours.filter((h: { api: number }) => h.api > 0)).toEqual([
      { hour: 10, api: 2, kitchenhub: 0 },
      { hour: 11, api: 2, kitchenhub: 0 },
    ]);
    expect(n.canceled.by).toEqual([{ kind: 'customer', who: 'Customer (tracking page)', count: 1 }]);
    const prepping = n.per_status.find((s: { status: string }) => s.status === 'prepping');
    expect(prepping).toMatchObject({ tickets: 3, average_ms: 320_000 }); // (3 + 7 + 6) / 3 minutes
  });

  test('a stricter late threshold counts more tickets late on the same day', async () => {
    await manager.json('PUT', '/api/manager/store/aging', { warningMinutes: 3, lateMinutes: 5 });
    expect((await manager.json('GET', `/api/manager/numbers?date=${DAY}`)).totals.late).toBe(2);
  });

  test('a day with no orders has no figures; a malformed date is 400 naming it', async () => {
    const empty = await manager.json('GET', '/api/manager/numbers?date=2000-01-01');
    expect(empty.totals.orders).toBe(0);
    expect(empty.ticket_time.median_ms).toBeNull();
    const bad = await manager.send('GET', '/api/manager/numbers?date=yesterday');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_request', field: 'date' });
    expect((await manager.send('GET', '/api/manager/numbers/csv?date=03-01-2000')).status).toBe(400);
  });
});
