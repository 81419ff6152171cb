// The Numbers screen's data: a business day read from the event log, computed by metrics.ts.
import { listBusinessDates, loadBusinessDay } from '@/db/storage/metrics';
import { listStaff } from '@/db/storage/staff';
import { env } from '../env';
import { businessDate } from '../orders/service';
import { menuView } from '../orders/stock';
import { getSetting } from '../settings';
import { dayCsv, dayNumbers, type DayInput } from './metrics';
import type { DayNumbers } from './schemas';

const DAYS_LISTED = 60;

async function inputFor(date: string | undefined, now: number): Promise<DayInput> {
  const timeZone = env().STORE_TIMEZONE;
  const today = businessDate(now, timeZone);
  const day = date ?? today;
  const [{ orders, events }, days, staff, menu, aging] = await Promise.all([
    loadBusinessDay(day),
    listBusinessDates(DAYS_LISTED),
    listStaff(),
    menuView(),
    getSetting('aging'),
  ]);
  return {
    date: day,
    today,
    days,
    orders,
    events,
    staffNames: new Map(staff.map((s) => [s.id, s.name])),
    labels: new Map(menu.options.map((o) => [`${o.type}:${o.option}`, o.label])),
    warningMinutes: aging.warningMinutes,
    lateMinutes: aging.lateMinutes,
    timeZone,
    now,
  };
}

/** A business day's numbers (default: today in the store's time zone), late by today's threshold. */
export async function numbersFor(date: string | undefined, now = Date.now()): Promise<DayNumbers> {
  return dayNumbers(await inputFor(date, now));
}

/** The day's orders as a CSV download. */
export async function numbersCsv(
  date: string | undefined,
  now = Date.now(),
): Promise<{ filename: string; body: string }> {
  const input = await inputFor(date, now);
  return { filename: `pbj-orders-${input.date}.csv`, body: dayCsv(input) };
}
