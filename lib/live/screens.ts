// No silent missing orders. Every kitchen screen sends a heartbeat: where it is in the event log, a
// digest of the tickets it holds, and which orders it shows. The answer tells it whether it is in
// sync, and carries the missing-order alarm: open orders no screen has shown within the configured
// time, with the screens that have gone quiet. Everything is in the database, so any instance can
// answer and a restart loses nothing.
import { z } from 'zod';
import { latestEventSeq, listKitchenOrders } from '@/db/storage/orders';
import * as storage from '@/db/storage/screens';
import { ticketDigest } from '../orders/digest';
import { kitchenPace } from '../orders/tickets';
import { STATIONS, STATION_LABEL, type Station } from '../orders/kitchen';
import { firstName } from '../orders/views';
import { getSetting, setSetting } from '../settings';

/** Screens not heard from for this long drop off the manager's list. */
const LISTED_FOR_MS = 12 * 60 * 60_000;

export const heartbeatBody = z.strictObject({
  screen_id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, - or _'),
  station: z.enum(STATIONS),
  last_seq: z.number().int().min(0),
  digest: z.string().regex(/^[0-9a-f]{8}$/),
  /** Ids of the orders the screen shows right now. */
  shown: z.array(z.string().min(1).max(64)).max(500),
});
export type HeartbeatBody = z.infer<typeof heartbeatBody>;

export const screenSettingsBody = z.strictObject({ missing_order_seconds: z.number().int().min(5).max(600) });

/** How often a screen should beat: often enough that the alarm never fires for an order on screen. */
const beatEvery = (missingOrderSeconds: number) => Math.min(10_000, Math.max(2_000, (missingOrderSeconds * 1000) / 3));
/** A screen that missed three beats in a row is silent. */
const silentAfter = (missingOrderSeconds: number) => 3 * beatEvery(missingOrderSeconds);

export type ScreenView = ReturnType<typeof toScreenView>;
function toScreenView(s: storage.ScreenRow, now: number, latest: number, silentMs: number) {
  return {
    id: s.id,
    name: `${STATION_LABEL[s.station as Station] ?? s.station} screen${s.staffName ? ` (${s.staffName})` : ''}`,
    station: s.station,
    staff_name: s.staffName,
    device: describeDevice(s.userAgent),
    last_seen_at: s.lastSeenAt,
    silent: now - s.lastSeenAt > silentMs,
    last_seq: s.lastSeq,
    behind: Math.max(0, latest - s.lastSeq),
    showing: s.showing,
    in_sync: s.inSync,
  };
}

function describeDevice(ua: string | null): string | null {
  if (!ua) return null;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Chrome\//.test(ua)
      ? 'Chrome'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Browser';
  const os = /iPad|iPhone/.test(ua)
    ? 'iOS'
    : /Android/.test(ua)
      ? 'Android'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  return os ? `${browser} on ${os}` : browser;
}

export type MissingOrderAlarm = {
  orders: Array<{
    order_id: string;
    daily_number: number;
    customer_first_name: string | null;
    status: string;
    source: string;
    waiting_ms: number;
  }>;
  silent_screens: ScreenView[];
  open_screens: number;
  threshold_seconds: number;
};

/** What every answer here is judged against, read once per request: the log's head and the threshold. */
type Reading = { now: number; latest: number; missingOrderSeconds: number };
async function read(now: number): Promise<Reading> {
  const [latest, { missingOrderSeconds }] = await Promise.all([latestEventSeq(), getSetting('screens')]);
  return { now, latest, missingOrderSeconds };
}

async function listScreenViews(r: Reading): Promise<ScreenView[]> {
  const rows = await storage.listScreens(r.now - LISTED_FOR_MS);
  return rows.map((s) => toScreenView(s, r.now, r.latest, silentAfter(r.missingOrderSeconds)));
}

/** Open orders no screen has shown within the threshold, and the screens gone quiet; null when all is well. */
async function missingOrderAlarm(r: Reading, views?: ScreenView[]): Promise<MissingOrderAlarm | null> {
  const unseen = await storage.unseenOpenOrders(r.now - r.missingOrderSeconds * 1000, 20);
  if (unseen.length === 0) return null;
  const all = views ?? (await listScreenViews(r));
  return {
    orders: unseen.map((o) => ({
      order_id: o.id,
      daily_number: o.dailyNumber,
      customer_first_name: firstName(o.customerName),
      status: o.status,
      source: o.source,
      waiting_ms: r.now - o.createdAt,
    })),
    silent_screens: all.filter((s) => s.silent),
    open_screens: all.filter((s) => !s.silent).length,
    threshold_seconds: r.missingOrderSeconds,
  };
}

/**
 * One heartbeat. `in_sync` is false when the screen holds other tickets than the server at the same
 * point of the event log (it must refetch), null when events are still on their way to it.
 */
export async function heartbeat(
  input: { body: HeartbeatBody; staffName: string; userAgent: string | null },
  now = Date.now(),
) {
  const { body } = input;
  const [r, open] = await Promise.all([read(now), listKitchenOrders()]);
  const inSync =
    body.last_seq === r.latest
      ? ticketDigest(open.map((o) => ({ order_id: o.id, version: o.version }))) === body.digest
      : null;
  await storage.recordHeartbeat(
    {
      id: body.screen_id,
      station: body.station,
      staffName: input.staffName,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      lastSeq: body.last_seq,
      showing: body.shown.length,
      inSync,
      lastSeenAt: now,
    },
    body.shown,
    now,
  );
  return {
    in_sync: inSync,
    seq: r.latest,
    server_time: now,
    heartbeat_ms: beatEvery(r.missingOrderSeconds),
    alarm: await missingOrderAlarm(r),
    pace: await kitchenPace(now),
  };
}

/** The manager's Screens section: every screen heard from today, and the alarm if there is one. */
export async function screensOverview(now = Date.now()) {
  const r = await read(now);
  const views = await listScreenViews(r);
  return {
    screens: views,
    alarm: await missingOrderAlarm(r, views),
    missing_order_seconds: r.missingOrderSeconds,
    server_time: now,
  };
}

export async function updateScreenSettings(body: z.infer<typeof screenSettingsBody>, now = Date.now()) {
  await setSetting('screens', { missingOrderSeconds: body.missing_order_seconds }, now);
  return screensOverview(now);
}
