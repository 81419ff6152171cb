// Live updates across instances (design.md "Live updates"): the event log is the truth; PostgreSQL's
// LISTEN/NOTIFY only says "the log grew" (appendEventIn notifies inside the transaction that appends,
// so the signal goes out exactly when the event is committed). Each instance keeps one listening
// connection and, woken, reads the log from where it left off, so a lost or coalesced notification
// loses nothing.
import { Client } from 'pg';
import { storageConfig } from '../config';

export const EVENTS_CHANNEL = 'kds_events';

/**
 * Calls `onChange` whenever any instance announces new events, and once after every (re)connect (the
 * log may have grown while it was away). Reconnects by itself with backoff. Returns a stop function.
 */
export function watchEventLog(onChange: () => void): () => void {
  let stopped = false;
  let client: Client | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let delay = 250;

  const connect = async () => {
    if (stopped) return;
    const url = storageConfig().DATABASE_URL;
    if (!url) return;
    const c = new Client({ connectionString: url, keepAlive: true, connectionTimeoutMillis: 5_000 });
    const again = (err?: Error) => {
      if (err) console.error(`event watcher: ${err.message}; reconnecting`);
      c.removeAllListeners();
      void c.end().catch(() => {});
      if (client === c) client = null;
      if (!stopped && !retry) {
        retry = setTimeout(() => {
          retry = undefined;
          void connect();
        }, delay);
        retry.unref?.();
        delay = Math.min(delay * 2, 5_000);
      }
    };
    c.on('error', again);
    c.on('end', () => again());
    c.on('notification', () => onChange());
    try {
      await c.connect();
      await c.query(`listen ${EVENTS_CHANNEL}`);
      if (stopped) return void c.end();
      client = c;
      delay = 250;
      onChange(); // whatever was written while no one listened
    } catch (err) {
      again(err instanceof Error ? err : new Error(String(err)));
    }
  };
  void connect();
  return () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    void client?.end().catch(() => {});
    client = null;
  };
}
