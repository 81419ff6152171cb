// Client rules for the public pages (tracker and pickup board): a conditional GET that keeps what we
// have on 304, how often to poll and how to back off, and how pushed updates merge into the cache.
// Pure apart from getFresh's fetch, so the unit tests can call every rule.
import type * as z from 'zod/mini';
import { canCancel } from '../orders/status';
import { apiErrorSchema, type ApiErrorBody } from './fetch';
import type { BoardEntry, PickupBoard, TrackingView } from './schemas';

/** Data with the ETag it came with (null once a pushed update replaced it) and when it arrived. */
export type Fresh<T> = { data: T; etag: string | null; receivedAt: number };

/** A failed GET: the HTTP status (0 offline), the server's Retry-After in ms, and its error body. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterMs: number | null,
    readonly body: ApiErrorBody | null,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

function retryAfterMs(res: Response): number | null {
  const raw = res.headers.get('retry-after');
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/**
 * GET with If-None-Match: a 304 keeps `previous` (no body to download or parse). The shared getJson()
 * in ./fetch cannot send the header or read Retry-After, which polling needs. `cache: 'no-store'`
 * keeps the browser's own cache out of it, so the 304 reaches us.
 */
export async function getFresh<T>(
  url: string,
  schema: z.ZodMiniType<T>,
  previous: Fresh<T> | undefined,
  signal?: AbortSignal,
): Promise<Fresh<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      signal,
      cache: 'no-store',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(previous?.etag ? { 'If-None-Match': previous.etag } : {}) },
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new FetchError('No connection to the kitchen right now.', 0, null, null);
  }
  if (res.status === 304 && previous) return previous; // its server_time and receivedAt still pair up
  const receivedAt = Date.now();
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = apiErrorSchema.safeParse(body);
    throw new FetchError(
      error.success ? error.data.message : `The server answered ${res.status}.`,
      res.status,
      retryAfterMs(res),
      error.success ? error.data : null,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new FetchError('The server sent something unexpected.', res.status, null, null);
  return { data: parsed.data, etag: res.headers.get('etag'), receivedAt };
}

export const POLL_MS = 15_000;
/** While the stream is live, the tracker still refreshes now and then: other orders moving change its ETA. */
export const LIVE_ETA_REFRESH_MS = 60_000;
export const MAX_BACKOFF_MS = 5 * 60_000;

/** How long to wait before retrying a failed poll: doubling from 15 s to 5 min, never sooner than Retry-After. */
export function backoffMs(failures: number, error: unknown): number {
  const doubling = Math.min(MAX_BACKOFF_MS, POLL_MS * 2 ** Math.max(0, failures - 1));
  const asked = error instanceof FetchError ? (error.retryAfterMs ?? 0) : 0;
  return Math.max(doubling, asked);
}

/** A 404 will not heal by retrying (the order is gone); anything else (offline, 429, 5xx) might. */
export const shouldRetry = (_failures: number, error: unknown): boolean =>
  !(error instanceof FetchError && error.status === 404);

/** The tracker's polling: every 15 s while the stream is down, else only to refresh an open order's ETA. */
export const trackerPollMs = (live: boolean, open: boolean): number | false =>
  live ? (open ? LIVE_ETA_REFRESH_MS : false) : POLL_MS;

/** Keeps the newer of the cached and the pushed view: pushes and poll answers may land in either order. */
export function mergeTracking(
  cached: Fresh<TrackingView> | undefined,
  pushed: TrackingView,
  now = Date.now(),
): Fresh<TrackingView> {
  if (cached && cached.data.version > pushed.version) return cached;
  return { data: pushed, etag: null, receivedAt: now };
}

/** Puts a pushed entry onto the board (ignoring one older than what is shown); a null column leaves. */
export function upsertBoardEntry(board: PickupBoard, entry: BoardEntry): PickupBoard {
  const shown = board.entries.find((e) => e.key === entry.key);
  if (shown && shown.version > entry.version) return board;
  const entries = board.entries.filter((e) => e.key !== entry.key);
  if (entry.column) entries.push(entry);
  return { ...board, entries };
}

/** The board's two columns, each by ticket (business day, then daily number). */
export function boardColumns(entries: readonly BoardEntry[]): { preparing: BoardEntry[]; ready: BoardEntry[] } {
  const sorted = [...entries].sort(
    (a, b) => a.key.slice(0, 10).localeCompare(b.key.slice(0, 10)) || a.daily_number - b.daily_number,
  );
  return {
    preparing: sorted.filter((e) => e.column === 'preparing'),
    ready: sorted.filter((e) => e.column === 'ready'),
  };
}

export const JUST_READY_MS = 10_000;
/** A ready order is highlighted for its first few seconds on the board (server clock). */
export const isJustReady = (e: BoardEntry, serverNow: number): boolean =>
  e.column === 'ready' && serverNow - e.since < JUST_READY_MS;

/** The server's clock now, from when `fresh` arrived and what the server said its time was. */
export const serverNow = (fresh: Fresh<{ server_time: number }>, now: number): number =>
  now + (fresh.data.server_time - fresh.receivedAt);

/** The tracker offers Cancel only while cancelOrder would allow it, and only for orders placed with us. */
export const trackerCanCancel = (v: Pick<TrackingView, 'status' | 'provider'>): boolean =>
  canCancel(v.status) && v.provider === null;
