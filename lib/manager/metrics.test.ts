import { describe, expect, test } from 'vitest';
import type { MetricsEvent, MetricsOrder } from '@/db/storage/metrics';
import type { OrderStatus } from '../orders/status';
import {
  cancelerOf,
  csvCell,
  dayCsv,
  dayNumbers,
  hourIn,
  isLate,
  percentile,
  ticketTimes,
  type DayInput,
} from './metrics';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 23, 11, 0, 0); // 11:00 UTC

let seq = 0;
const ev = (
  orderId: string,
  from: OrderStatus | null,
  to: OrderStatus,
  atMin: number,
  actor = 'staff:stf_kitchen',
): MetricsEvent => ({
  seq: ++seq,
  orderId,
  fromStatus: from,
  toStatus: to,
  actor,
  at: T0 + atMin * MIN,
});
/** A ticket's events from creation through `steps` (each [status, minute]). */
const walk = (orderId: string, steps: Array<[OrderStatus, number]>, createdMin = 0): MetricsEvent[] => {
  const out = [ev(orderId, null, 'queued', createdMin, 'api:cli_x')];
  let from: OrderStatus = 'queued';
  for (const [to, at] of steps) {
    out.push(ev(orderId, from, to, at));
    from = to;
  }
  return out;
};
const order = (id: string, over: Partial<MetricsOrder> = {}): MetricsOrder => ({
  id,
  dailyNumber: 1,
  source: 'api',
  provider: null,
  status: 'delivered',
  createdAt: T0,
  canceledBy: null,
  bread: 'white',
  peanutButter: 'smooth',
  jelly: 'grape',
  toast: 'none',
  cut: 'halves',
  extras: [],
  items: null,
  ...over,
});

describe('percentile', () => {
  test('interpolates between the closest ranks; the median of an even count is the midpoint', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBeCloseTo(91);
    expect(percentile([1, 2, 3], 0)).toBe(1);
    expect(percentile([1, 2, 3], 1)).toBe(3);
  });
});

describe('ticketTimes', () => {
  test('times each step from the event log and the ticket from placed to ready', () => {
    const t = ticketTimes(
      order('a', { createdAt: T0 }),
      walk('a', [
        ['prepping', 1],
        ['toasting', 4],
        ['ready', 6],
        ['delivered', 9],
      ]),
      null,
    );
    expect(t.ticketMs).toBe(6 * MIN);
    expect(t.readyAt).toBe(T0 + 6 * MIN);
    expect(t.deliveredAt).toBe(T0 + 9 * MIN);
    expect(t.inStatus).toEqual({ queued: 1 * MIN, prepping: 3 * MIN, toasting: 2 * MIN, ready: 3 * MIN });
  });

  test('an undo out of ready un-readies the ticket; ready again counts from the second time', () => {
    const events = walk('a', [
      ['prepping', 1],
      ['ready', 2],
      ['prepping', 2.5],
      ['ready', 5],
    ]);
    expect(ticketTimes(order('a', { status: 'ready' }), events, null).ticketMs).toBe(5 * MIN);
    const undone = walk('b', [
      ['prepping', 1],
      ['ready', 2],
      ['prepping', 2.5],
    ]);
    expect(ticketTimes(order('b', { status: 'prepping' }), undone, null).ticketMs).toBeNull();
  });

  test('a recall (delivered → ready) is not a new ready', () => {
    const events = walk('a', [
      ['prepping', 1],
      ['ready', 3],
      ['delivered', 4],
      ['ready', 20],
    ]);
    expect(ticketTimes(order('a', { status: 'ready' }), events, null).ticketMs).toBe(3 * MIN);
  });

  test("an open ticket's current step counts until now only when asked (today)", () => {
    const events = walk('a', [['prepping', 1]]);
    expect(ticketTimes(order('a', { status: 'prepping' }), events, T0 + 5 * MIN).inStatus.prepping).toBe(4 * MIN);
    expect(ticketTimes(order('a', { status: 'prepping' }), events, null).inStatus.prepping).toBeUndefined();
  });

  test('a cancel records when, from which step and by whom', () => {
    const events = [...walk('a', [['prepping', 1]]), ev('a', 'prepping', 'canceled', 2, 'tracker')];
    const t = ticketTimes(order('a', { status: 'canceled' }), events, null);
    expect([t.canceledAt, t.canceledFrom, t.canceledActor, t.ticketMs]).toEqual([
      T0 + 2 * MIN,
      'prepping',
      'tracker',
      null,
    ]);
  });
});

describe('isLate', () => {
  const o = order('a', { createdAt: T0, status: 'ready' });
  test('late means ready more than lateMinutes after it was placed', () => {
    expect(
      isLate(
        o,
        ticketTimes(
          o,
          walk('a', [
            ['prepping', 1],
            ['ready', 8],
          ]),
          null,
        ),
        8,
        null,
      ),
    ).toBe(false);
    expect(
      isLate(
        o,
        ticketTimes(
          o,
          walk('a', [
            ['prepping', 1],
            ['ready', 8.5],
          ]),
          null,
        ),
        8,
        null,
      ),
    ).toBe(true);
  });
  test('a ticket still open past lateMinutes is late today; on a past day (no clock) it is not judged', () => {
    const open = order('b', { status: 'prepping' });
    const times = ticketTimes(open, walk('b', [['prepping', 1]]), null);
    expect(isLate(open, times, 8, T0 + 9 * MIN)).toBe(true);
    expect(isLate(open, times, 8, T0 + 7 * MIN)).toBe(false);
    expect(isLate(open, times, 8, null)).toBe(false);
  });
});

describe('cancelerOf', () => {
  const names = new Map([['stf_kitchen', 'Casey']]);
  test('names the staff member, the customer channel or the delivery app', () => {
    expect(cancelerOf({ canceledBy: 'kitchen', provider: null }, 'staff:stf_kitchen', names)).toEqual({
      kind: 'kitchen',
      who: 'Casey',
    });
    expect(cancelerOf({ canceledBy: 'kitchen', provider: null }, 'staff:gone', names)).toEqual({
      kind: 'kitchen',
      who: 'Kitchen staff',
    });
    expect(cancelerOf({ canceledBy: 'customer', provider: null }, 'api:cli_demo', names)).toEqual({
      kind: 'customer',
      who: 'Customer (ordering app)',
    });
    expect(cancelerOf({ canceledBy: 'customer', provider: null }, 'tracker', names)).toEqual({
      kind: 'customer',
      who: 'Customer (tracking page)',
    });
    expect(cancelerOf({ canceledBy: 'provider', provider: 'GrubHub' }, 'kitchenhub', names)).toEqual({
      kind: 'provider',
      who: 'GrubHub',
    });
    expect(cancelerOf({ canceledBy: null, provider: null }, null, names)).toEqual({ kind: 'unknown', who: 'Unknown' });
  });
});

describe('hourIn', () => {
  test("buckets by the store's time zone, not the server's", () => {
    expect(hourIn('UTC')(T0)).toBe(11);
    expect(hourIn('America/New_York')(T0)).toBe(6); // November: UTC−5
    expect(hourIn('Asia/Kolkata')(T0)).toBe(16); // UTC+5:30 → 16:30
  });
});

function day(over: Partial<DayInput> = {}): DayInput {
  return {
    date: '2026-11-23',
    today: '2026-11-24',
    days: ['2026-11-23'],
    orders: [],
    events: [],
    staffNames: new Map([['stf_kitchen', 'Casey']]),
    labels: new Map([
      ['bread:white', 'White'],
      ['bread:brioche', 'Brioche'],
      ['extras:honey', 'Honey'],
    ]),
    warningMinutes: 5,
    lateMinutes: 8,
    timeZone: 'UTC',
    now: T0 + 600 * MIN,
    ...over,
  };
}

describe('dayNumbers', () => {
  // Four tickets made in 2, 4, 6 and 12 minutes (the last one late), one canceled by a cook, one by
  // the customer, one delivery-app order; orders at 11:00, 11:30 and 13:10.
  const orders = [
    order('a', { dailyNumber: 1, createdAt: T0, bread: 'brioche', extras: ['honey'] }),
    order('b', { dailyNumber: 2, createdAt: T0, status: 'ready' }),
    order('c', { dailyNumber: 3, createdAt: T0 + 30 * MIN }),
    order('d', {
      dailyNumber: 4,
      createdAt: T0 + 130 * MIN,
      source: 'kitchenhub',
      provider: 'GrubHub',
      bread: null,
      peanutButter: null,
      jelly: null,
      toast: null,
      cut: null,
      items: [{ name: 'PB&J Classic', quantity: 2 }, { bogus: true }],
    }),
    order('e', {
      dailyNumber: 5,
      createdAt: T0 + 130 * MIN,
      status: 'canceled',
      canceledBy: 'kitchen',
      bread: 'brioche',
    }),
    order('f', { dailyNumber: 6, createdAt: T0 + 131 * MIN, status: 'canceled', canceledBy: 'customer' }),
  ];
  const events = [
    ...walk('a', [
      ['prepping', 1],
      ['ready', 2],
      ['delivered', 3],
    ]),
    ...walk('b', [
      ['prepping', 1],
      ['ready', 4],
    ]),
    ...walk(
      'c',
      [
        ['prepping', 31],
        ['ready', 36],
        ['delivered', 40],
      ],
      30,
    ),
    ...walk(
      'd',
      [
        ['prepping', 131],
        ['ready', 142],
        ['delivered', 150],
      ],
      130,
    ),
    ...walk('e', [['canceled', 131]], 130),
    ...walk('f', [], 131),
    ev('f', 'queued', 'canceled', 132, 'api:cli_x'),
  ];
  const n = dayNumbers(day({ orders, events }));

  test('totals, by source and by outcome', () => {
    expect(n.totals).toEqual({
      orders: 6,
      api: 5,
      kitchenhub: 1,
      made: 4,
      delivered: 3,
      open: 1,
      canceled: 2,
      late: 1,
      late_open: 0,
    });
  });

  test('orders per hour by source', () => {
    expect(n.hours).toHaveLength(24);
    expect(n.hours[11]).toEqual({ hour: 11, api: 3, kitchenhub: 0 });
    expect(n.hours[13]).toEqual({ hour: 13, api: 2, kitchenhub: 1 });
    expect(n.hours.reduce((s, h) => s + h.api + h.kitchenhub, 0)).toBe(6);
  });

  test('median and p90 ticket time (placed → ready), and a histogram by minute', () => {
    // 2, 4, 6, 12 minutes
    expect(n.ticket_time.count).toBe(4);
    expect(n.ticket_time.median_ms).toBe(5 * MIN);
    expect(n.ticket_time.p90_ms).toBeCloseTo(10.2 * MIN);
    expect(n.ticket_time.max_ms).toBe(12 * MIN);
    expect(n.ticket_time.histogram).toHaveLength(13);
    expect(n.ticket_time.histogram.filter((b) => b.count > 0).map((b) => b.minute)).toEqual([2, 4, 6, 12]);
  });

  test('time per step averages over the tickets that went through it', () => {
    const step = Object.fromEntries(n.per_status.map((s) => [s.status, s]));
    // prepping: a 1, b 3, c 5, d 11 → 20 / 4; toasting: nobody
    expect(step.prepping).toMatchObject({ tickets: 4, average_ms: 5 * MIN });
    expect(step.toasting).toMatchObject({ tickets: 0, average_ms: 0 });
    // ready → delivered: a 1, c 4, d 8; b is still ready but this is a past day: not counted
    expect(step.ready?.tickets).toBe(3);
    expect(step.ready?.average_ms).toBeCloseTo((13 / 3) * MIN);
  });

  test('canceled orders and by whom', () => {
    expect(n.canceled.by).toEqual([
      { kind: 'kitchen', who: 'Casey', count: 1 },
      { kind: 'customer', who: 'Customer (ordering app)', count: 1 },
    ]);
    expect(n.canceled.tickets.map((t) => [t.daily_number, t.from, t.who])).toEqual([
      [5, 'queued', 'Casey'],
      [6, 'queued', 'Customer (ordering app)'],
    ]);
  });

  test('items sold leave canceled orders out and count delivery-app items by quantity', () => {
    const group = (g: string) => n.items.find((i) => i.group === g)?.rows;
    expect(group('bread')).toEqual([
      { option: 'white', label: 'White', count: 2 },
      { option: 'brioche', label: 'Brioche', count: 1 },
    ]);
    expect(group('extras')).toEqual([{ option: 'honey', label: 'Honey', count: 1 }]);
    expect(group('delivery')).toEqual([{ option: 'PB&J Classic', label: 'PB&J Classic', count: 2 }]);
  });

  test("today's open tickets tick: one past the late threshold counts as late and open", () => {
    const today = dayNumbers(
      day({
        today: '2026-11-23',
        now: T0 + 20 * MIN,
        orders: [order('x', { status: 'prepping' })],
        events: walk('x', [['prepping', 1]]),
      }),
    );
    expect(today.totals).toMatchObject({ late: 1, late_open: 1, made: 0, open: 1 });
    expect(today.per_status.find((s) => s.status === 'prepping')?.average_ms).toBe(19 * MIN);
  });

  test('an empty day has no figures, not zeros that look measured', () => {
    const empty = dayNumbers(day());
    expect(empty.ticket_time).toEqual({ count: 0, median_ms: null, p90_ms: null, max_ms: null, histogram: [] });
    expect(empty.items).toEqual([]);
  });
});

describe('CSV export', () => {
  test('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });

  test('one row per order with its times, lateness and canceler', () => {
    const orders = [
      order('a', { dailyNumber: 1, extras: ['honey', 'sea_salt'] }),
      order('b', { dailyNumber: 2, status: 'canceled', canceledBy: 'kitchen' }),
      order('c', {
        dailyNumber: 3,
        source: 'kitchenhub',
        provider: 'Uber, Eats',
        items: [{ name: '=cmd', quantity: 3 }],
      }),
    ];
    const events = [
      ...walk('a', [
        ['prepping', 1],
        ['ready', 9],
        ['delivered', 10],
      ]),
      ...walk('b', [['canceled', 2]]),
      ...walk('c', []),
    ];
    const lines = dayCsv(day({ orders, events })).split('\r\n');
    expect(lines).toHaveLength(5); // header, three rows, and the final line break
    const header = lines[0]?.split(',') ?? [];
    const row = (i: number) =>
      Object.fromEntries(header.map((h, j) => [h, lines[i]?.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)[j]]));
    expect(row(1)).toMatchObject({
      daily_number: '1',
      ticket_minutes: '9',
      late: 'yes',
      ready_at: new Date(T0 + 9 * MIN).toISOString(),
      extras: 'honey; sea_salt',
    });
    expect(row(2)).toMatchObject({ status: 'canceled', canceled_by: 'Casey', late: '', ticket_minutes: '' });
    expect(row(3)).toMatchObject({ provider: '"Uber, Eats"', items: '3x =cmd' });
  });
});
