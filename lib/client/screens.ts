'use client';
// A kitchen screen's heartbeat (lib/live/screens.ts): tells the server what this tablet has seen,
// learns whether it is in sync, and carries the missing-order alarm to every screen.
import { useEffect, useRef, useState } from 'react';
import * as z from 'zod/mini';
import { sendJson } from './fetch';

const screenSchema = z.object({
  id: z.string(),
  name: z.string(),
  station: z.string(),
  staff_name: z.nullable(z.string()),
  device: z.nullable(z.string()),
  last_seen_at: z.number(),
  silent: z.boolean(),
  last_seq: z.number(),
  behind: z.number(),
  showing: z.number(),
  in_sync: z.nullable(z.boolean()),
});
export type ScreenView = z.infer<typeof screenSchema>;

export const alarmSchema = z.object({
  orders: z.array(
    z.object({
      order_id: z.string(),
      daily_number: z.number(),
      customer_first_name: z.nullable(z.string()),
      status: z.string(),
      source: z.string(),
      waiting_ms: z.number(),
    }),
  ),
  silent_screens: z.array(screenSchema),
  open_screens: z.number(),
  threshold_seconds: z.number(),
});
export type MissingOrderAlarm = z.infer<typeof alarmSchema>;

const paceSchema = z.object({ avg_ticket_ms: z.nullable(z.number()), finished: z.number(), window_ms: z.number() });
export type KitchenPace = z.infer<typeof paceSchema>;

export const heartbeatResponseSchema = z.object({
  in_sync: z.nullable(z.boolean()),
  seq: z.number(),
  server_time: z.number(),
  heartbeat_ms: z.number(),
  alarm: z.nullable(alarmSchema),
  pace: paceSchema,
});

export const screensOverviewSchema = z.object({
  screens: z.array(screenSchema),
  alarm: z.nullable(alarmSchema),
  missing_order_seconds: z.number(),
  server_time: z.number(),
});
export type ScreensOverview = z.infer<typeof screensOverviewSchema>;

const ID_KEY = 'kds.screen-id';
/** This tablet's id, kept across reloads so the manager sees one screen, not one per page load. */
export function screenId(): string {
  try {
    const known = localStorage.getItem(ID_KEY);
    if (known && /^[A-Za-z0-9_-]{8,64}$/.test(known)) return known;
    const id = crypto.randomUUID();
    localStorage.setItem(ID_KEY, id);
    return id;
  } catch {
    return crypto.randomUUID(); // storage blocked: a new id per load is still a working heartbeat
  }
}

export type Snapshot = { lastSeq: number; digest: string; shown: string[] };

/**
 * Beats now and then every `heartbeat_ms` the server asks for. `snapshot` reads the screen's state at
 * the moment of each beat; `onOutOfSync` runs when the server holds other tickets at the same point,
 * or when events the server had a beat ago have still not arrived.
 */
export function useScreenHeartbeat(opts: {
  station: string;
  enabled: boolean;
  snapshot: () => Snapshot;
  onOutOfSync: () => void;
}): { alarm: MissingOrderAlarm | null; pace: KitchenPace | null } {
  const [alarm, setAlarm] = useState<MissingOrderAlarm | null>(null);
  const [pace, setPace] = useState<KitchenPace | null>(null);
  const latest = useRef(opts);
  useEffect(() => {
    latest.current = opts;
  });
  const { station, enabled } = opts;

  useEffect(() => {
    if (!enabled) return;
    const id = screenId();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    // The server's latest sequence number at the previous beat: a beat later, this screen must have
    // seen at least that far. If not, an event was lost on the way (the last one, so no gap shows).
    let owed = 0;
    let every = 10_000;
    const beat = async () => {
      let snap = latest.current.snapshot();
      if (snap.lastSeq < owed) {
        latest.current.onOutOfSync();
        snap = latest.current.snapshot();
      }
      const res = await sendJson(
        'POST',
        '/api/screens/heartbeat',
        { screen_id: id, station, last_seq: snap.lastSeq, digest: snap.digest, shown: snap.shown.slice(0, 500) },
        heartbeatResponseSchema,
      );
      if (stopped) return;
      if (res.ok) {
        setAlarm(res.data.alarm);
        setPace(res.data.pace);
        every = res.data.heartbeat_ms;
        owed = res.data.seq;
        if (res.data.in_sync === false) latest.current.onOutOfSync();
      }
      timer = setTimeout(() => void beat(), every); // a failed beat is tried again on the same beat
    };
    void beat();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [station, enabled]);
  return { alarm, pace };
}
