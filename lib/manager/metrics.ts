// A business day's numbers from its orders and their status events. Pure: the database read is in
// db/sqlite/metrics.ts, the clock and time zone come in as arguments, so every figure is testable.
import { z } from 'zod';
import type { MetricsEvent, MetricsOrder } from '@/db/storage/metrics';
import { isOpen, STATUS, type OrderStatus } from '../orders/status';
import type { MenuType } from '../orders/types';
import { CANCEL_KINDS, ITEM_GROUPS, type DayNumbers, type ItemGroup } from './schemas';

const MINUTE = 60_000;
/** The steps a ticket waits in, in kitchen order (delivered and canceled are ends, not waits). */
export const TIMED_STATUSES = [
  STATUS.queued,
  STATUS.prepping,
  STATUS.toasting,
  STATUS.ready,
] as const satisfies readonly OrderStatus[];
type TimedStatus = (typeof TIMED_STATUSES)[number];
const HISTOGRAM_CAP = 30; // minutes: longer tickets share the last bar

/** The p-th percentile (0–1) of ascending `sorted`, interpolating between the closest ranks; null when empty. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(1, Math.max(0, p)) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (rank - lo);
}

const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

export type CancelKind = (typeof CANCEL_KINDS)[number];

/** When one ticket reached each milestone, and how long it spent in each step. */
export type TicketTimes = {
  readyAt: number | null;
  deliveredAt: number | null;
  canceledAt: number | null;
  canceledFrom: OrderStatus | null;
  canceledActor: string | null;
  /** Placed → ready: how long the customer waited for the kitchen. Null until ready. */
  ticketMs: number | null;
  inStatus: Partial<Record<TimedStatus, number>>;
};

const isTimed = (s: OrderStatus): s is TimedStatus => (TIMED_STATUSES as readonly string[]).includes(s);

/**
 * Walks one order's status events (oldest first). Ready is the last move into ready from a making
 * step: an undo out of ready un-readies it, and a recall (delivered → ready) is not a new ready.
 * The time in the current step counts up to `openUntil` (now, for today), or not at all when null.
 */
export function ticketTimes(
  order: Pick<MetricsOrder, 'createdAt' | 'status'>,
  events: readonly MetricsEvent[],
  openUntil: number | null,
): TicketTimes {
  const t: TicketTimes = {
    readyAt: null,
    deliveredAt: null,
    canceledAt: null,
    canceledFrom: null,
    canceledActor: null,
    ticketMs: null,
    inStatus: {},
  };
  let current: OrderStatus | null = null;
  let since = order.createdAt;
  const spend = (until: number) => {
    // A step passed through within the same millisecond still counts as visited (for 0 ms).
    if (current && isTimed(current) && until >= since)
      t.inStatus[current] = (t.inStatus[current] ?? 0) + (until - since);
  };
  for (const e of events) {
    if (current !== null) spend(e.at);
    if (e.toStatus === STATUS.ready && e.fromStatus !== STATUS.delivered) t.readyAt = e.at;
    if (e.fromStatus === STATUS.ready && e.toStatus !== STATUS.delivered) t.readyAt = null; // undone
    if (e.toStatus === STATUS.delivered) t.deliveredAt = e.at;
    if (e.toStatus === STATUS.canceled) {
      t.canceledAt = e.at;
      t.canceledFrom = e.fromStatus;
      t.canceledActor = e.actor;
    }
    current = e.toStatus;
    since = e.at;
  }
  if (current === null) current = order.status; // no log (should not happen): the row's status from creation
  if (openUntil !== null && isOpen(current)) spend(openUntil);
  if (t.readyAt !== null) t.ticketMs = t.readyAt - order.createdAt;
  return t;
}

/** Whether a ticket was late: ready more than `lateMinutes` after it was placed, or still not ready past that. */
export function isLate(
  order: Pick<MetricsOrder, 'createdAt' | 'status'>,
  times: TicketTimes,
  lateMinutes: number,
  now: number | null,
): boolean {
  const limit = lateMinutes * MINUTE;
  if (times.ticketMs !== null) return times.ticketMs > limit;
  return now !== null && isOpen(order.status) && now - order.createdAt > limit;
}

/** The hour of the day (0–23) in the store's time zone. */
export function hourIn(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
  return (ms) => Number(format.format(ms)) % 24;
}

/** Who canceled, for people: the staff member's name, the customer's channel, or the delivery app. */
export function cancelerOf(
  order: Pick<MetricsOrder, 'canceledBy' | 'provider'>,
  actor: string | null,
  staffNames: ReadonlyMap<string, string>,
): { kind: CancelKind; who: string } {
  if (actor?.startsWith('staff:'))
    return { kind: 'kitchen', who: staffNames.get(actor.slice('staff:'.length)) ?? 'Kitchen staff' };
  if (actor === 'tracker') return { kind: 'customer', who: 'Customer (tracking page)' };
  if (actor?.startsWith('api:')) return { kind: 'customer', who: 'Customer (ordering app)' };
  if (actor === 'kitchenhub' || order.canceledBy === 'provider')
    return { kind: 'provider', who: order.provider ?? 'Delivery app' };
  if (order.canceledBy === 'customer') return { kind: 'customer', who: 'Customer' };
  if (order.canceledBy === 'kitchen') return { kind: 'kitchen', who: 'Kitchen staff' };
  return { kind: 'unknown', who: 'Unknown' };
}

const hubItem = z.looseObject({ name: z.string().min(1), quantity: z.number().int().positive().catch(1) });

/** What a day sold: each menu option chosen (canceled orders excluded) and delivery-app items by name. */
export function itemsSold(orders: readonly MetricsOrder[], labels: ReadonlyMap<string, string>): DayNumbers['items'] {
  const counts = new Map<ItemGroup, Map<string, number>>();
  const add = (group: ItemGroup, option: string | null, n = 1) => {
    if (!option) return;
    let m = counts.get(group);
    if (!m) counts.set(group, (m = new Map()));
    m.set(option, (m.get(option) ?? 0) + n);
  };
  for (const o of orders) {
    if (o.status === STATUS.canceled) continue;
    add('bread', o.bread);
    add('peanut_butter', o.peanutButter);
    add('jelly', o.jelly);
    add('toast', o.toast);
    add('cut', o.cut);
    o.extras.forEach((x) => add('extras', x));
    for (const raw of o.items ?? []) {
      const item = hubItem.safeParse(raw);
      if (item.success) add('delivery', item.data.name, item.data.quantity);
    }
  }
  const label = (group: ItemGroup, option: string) =>
    group === 'delivery' ? option : (labels.get(`${group as MenuType}:${option}`) ?? option.replaceAll('_', ' '));
  return ITEM_GROUPS.flatMap((group) => {
    const m = counts.get(group);
    if (!m) return [];
    const rows = [...m]
      .map(([option, count]) => ({ option, label: label(group, option), count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    return [{ group, rows }];
  });
}

export type DayInput = {
  date: string;
  today: string;
  days: string[];
  orders: readonly MetricsOrder[];
  events: readonly MetricsEvent[];
  staffNames: ReadonlyMap<string, string>;
  /** `type:option` → label, for items sold. */
  labels: ReadonlyMap<string, string>;
  warningMinutes: number;
  lateMinutes: number;
  timeZone: string;
  now: number;
};

/** Every figure on the Numbers screen for one business day. */
export function dayNumbers(input: DayInput): DayNumbers {
  const live = input.date === input.today ? input.now : null; // only today's open tickets are still ticking
  const byOrder = new Map<string, MetricsEvent[]>();
  for (const e of input.events) {
    const list = byOrder.get(e.orderId);
    if (list) list.push(e);
    else byOrder.set(e.orderId, [e]);
  }
  const hour = hourIn(input.timeZone);
  const hours = Array.from({ length: 24 }, (_, h) => ({ hour: h, api: 0, kitchenhub: 0 }));
  const ticketMs: number[] = [];
  const spent = new Map<TimedStatus, number[]>(TIMED_STATUSES.map((s) => [s, []]));
  const canceledTickets: DayNumbers['canceled']['tickets'] = [];
  const totals: DayNumbers['totals'] = {
    orders: 0,
    api: 0,
    kitchenhub: 0,
    made: 0,
    delivered: 0,
    open: 0,
    canceled: 0,
    late: 0,
    late_open: 0,
  };

  for (const o of input.orders) {
    const times = ticketTimes(o, byOrder.get(o.id) ?? [], live);
    totals.orders++;
    totals[o.source]++;
    const slot = hours[hour(o.createdAt)];
    if (slot) slot[o.source]++;
    if (o.status === STATUS.delivered) totals.delivered++;
    if (o.status === STATUS.canceled) {
      totals.canceled++;
      const by = cancelerOf(o, times.canceledActor, input.staffNames);
      canceledTickets.push({
        order_id: o.id,
        daily_number: o.dailyNumber,
        at: times.canceledAt ?? o.createdAt,
        from: times.canceledFrom,
        ...by,
      });
    } else if (isOpen(o.status)) totals.open++;
    if (times.ticketMs !== null) {
      totals.made++;
      ticketMs.push(times.ticketMs);
    }
    if (o.status !== STATUS.canceled && isLate(o, times, input.lateMinutes, live)) {
      totals.late++;
      if (times.ticketMs === null) totals.late_open++;
    }
    for (const s of TIMED_STATUSES) {
      const ms = times.inStatus[s];
      if (ms !== undefined) spent.get(s)?.push(ms);
    }
  }

  ticketMs.sort((a, b) => a - b);
  const top = ticketMs.at(-1);
  const bars =
    top === undefined
      ? 0
      : Math.min(HISTOGRAM_CAP, Math.max(Math.floor(top / MINUTE) + 1, Math.ceil(input.lateMinutes) + 1));
  const histogram = Array.from({ length: bars }, (_, minute) => ({
    minute,
    count: 0,
    open_ended: minute === HISTOGRAM_CAP - 1,
  }));
  for (const ms of ticketMs) {
    const bar = histogram[Math.min(bars - 1, Math.floor(ms / MINUTE))];
    if (bar) bar.count++;
  }

  const byWho = new Map<string, { kind: CancelKind; who: string; count: number }>();
  for (const t of canceledTickets) {
    const k = `${t.kind}:${t.who}`;
    const row = byWho.get(k) ?? { kind: t.kind, who: t.who, count: 0 };
    row.count++;
    byWho.set(k, row);
  }

  return {
    date: input.date,
    today: input.today,
    time_zone: input.timeZone,
    warning_minutes: input.warningMinutes,
    late_minutes: input.lateMinutes,
    generated_at: input.now,
    days: input.days,
    totals,
    hours,
    ticket_time: {
      count: ticketMs.length,
      median_ms: percentile(ticketMs, 0.5),
      p90_ms: percentile(ticketMs, 0.9),
      max_ms: top ?? null,
      histogram,
    },
    per_status: TIMED_STATUSES.map((status) => {
      const values = spent.get(status) ?? [];
      const sum = values.reduce((a, b) => a + b, 0);
      return {
        status,
        tickets: values.length,
        average_ms: values.length ? sum / values.length : 0,
        median_ms: median(values) ?? 0,
      };
    }),
    canceled: {
      by: [...byWho.values()].sort((a, b) => b.count - a.count || a.who.localeCompare(b.who)),
      tickets: canceledTickets,
    },
    items: itemsSold(input.orders, input.labels),
  };
}

// ——— CSV export: one row per order ———

const CSV_COLUMNS = [
  'business_date',
  'daily_number',
  'order_id',
  'source',
  'provider',
  'status',
  'created_at',
  'ready_at',
  'delivered_at',
  'ticket_minutes',
  'late',
  'canceled_at',
  'canceled_by',
  'bread',
  'peanut_butter',
  'jelly',
  'toast',
  'cut',
  'extras',
  'items',
] as const;

/**
 * One CSV cell: quoted when it holds a comma, quote or line break, and defused when it starts like a
 * spreadsheet formula (customer and delivery-app text must never run as one, OWASP "CSV injection").
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The day's orders as CSV (RFC 4180, CRLF): what a manager opens in a spreadsheet. */
export function dayCsv(
  input: Pick<DayInput, 'date' | 'today' | 'orders' | 'events' | 'staffNames' | 'lateMinutes' | 'now'>,
): string {
  const live = input.date === input.today ? input.now : null;
  const byOrder = new Map<string, MetricsEvent[]>();
  for (const e of input.events) byOrder.set(e.orderId, [...(byOrder.get(e.orderId) ?? []), e]);
  const lines = [CSV_COLUMNS.join(',')];
  for (const o of input.orders) {
    const times = ticketTimes(o, byOrder.get(o.id) ?? [], live);
    const items = (o.items ?? []).flatMap((raw) => {
      const item = hubItem.safeParse(raw);
      return item.success ? [`${item.data.quantity}x ${item.data.name}`] : [];
    });
    const row: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null> = {
      business_date: input.date,
      daily_number: o.dailyNumber,
      order_id: o.id,
      source: o.source,
      provider: o.provider,
      status: o.status,
      created_at: iso(o.createdAt),
      ready_at: iso(times.readyAt),
      delivered_at: iso(times.deliveredAt),
      ticket_minutes: times.ticketMs === null ? null : Math.round(times.ticketMs / 6_000) / 10,
      late: o.status === STATUS.canceled ? null : isLate(o, times, input.lateMinutes, live) ? 'yes' : 'no',
      canceled_at: iso(times.canceledAt),
      canceled_by: o.status === STATUS.canceled ? cancelerOf(o, times.canceledActor, input.staffNames).who : null,
      bread: o.bread,
      peanut_butter: o.peanutButter,
      jelly: o.jelly,
      toast: o.toast,
      cut: o.cut,
      extras: o.extras.join('; '),
      items: items.join('; '),
    };
    lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
