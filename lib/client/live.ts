'use client';
// The live stream hook: an EventSource that resumes by itself (the browser resends Last-Event-ID),
// reports its health for the banner, and tells the page when to refetch everything.
import { useEffect, useRef, useState } from 'react';

const RETRY_MS = 3_000;
/** The server pings every 15 s: twice that and more without a word means the connection is gone. */
const SILENCE_MS = 35_000;

export type StreamHealth = { state: 'connecting' | 'live' | 'reconnecting'; lastGoodAt: number | null };

export function useLiveStream(opts: {
  url: string | null; // null: not yet (waiting for the first fetch to know where to start)
  onMessage: (event: string, data: unknown) => void;
  /** The stream came back after a break, or the server asked for it: refetch everything. */
  onResync: () => void;
  events: readonly string[];
}): StreamHealth {
  const [health, setHealth] = useState<StreamHealth>({ state: 'connecting', lastGoodAt: null });
  const handlers = useRef(opts);
  useEffect(() => {
    handlers.current = opts;
  });
  const { url } = opts;
  const eventsKey = opts.events.join(',');

  useEffect(() => {
    if (!url) return;
    let source: EventSource | null = null;
    let broken = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let lastHeard = Date.now();
    const good = () => {
      lastHeard = Date.now();
      setHealth({ state: 'live', lastGoodAt: lastHeard });
    };
    const lost = () => {
      broken = true;
      setHealth((h) => ({ state: 'reconnecting', lastGoodAt: h.lastGoodAt }));
    };
    const close = () => {
      if (retry) clearTimeout(retry);
      source?.close();
      source = null;
    };

    const connect = () => {
      close();
      lastHeard = Date.now();
      const es = (source = new EventSource(url));
      es.addEventListener('ready', () => {
        if (broken) handlers.current.onResync();
        broken = false;
        good();
      });
      es.addEventListener('ping', () => {
        if (!broken) good();
      });
      es.addEventListener('resync', () => handlers.current.onResync());
      for (const name of eventsKey.split(',')) {
        es.addEventListener(name, (e: MessageEvent<string>) => {
          good();
          try {
            handlers.current.onMessage(name, JSON.parse(e.data));
          } catch (err) {
            console.error('bad live message', err);
          }
        });
      }
      es.onerror = () => {
        lost();
        if (es.readyState === EventSource.CLOSED) {
          // The browser gave up (e.g. the server answered an error): try again ourselves.
          retry = setTimeout(connect, RETRY_MS);
        }
      };
    };

    // A connection that hears nothing, not even the server's ping, is dead even if nobody said so
    // (a tablet's Wi-Fi can drop without closing the socket): start a new one.
    const watchdog = setInterval(() => {
      if (source && Date.now() - lastHeard > SILENCE_MS) {
        lost();
        connect();
      }
    }, 5_000);
    const offline = () => {
      close();
      lost();
    };
    const online = () => connect();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    connect();
    return () => {
      clearInterval(watchdog);
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      close();
    };
  }, [url, eventsKey]);

  return health;
}
