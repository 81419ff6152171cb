'use client';
// The live stream hook: an EventSource that resumes by itself (the browser resends Last-Event-ID),
// reports its health for the banner, and tells the page when to refetch everything.
import { useEffect, useRef, useState } from 'react';

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
    let stopped = false;
    const good = () => setHealth({ state: 'live', lastGoodAt: Date.now() });

    const connect = () => {
      source = new EventSource(url);
      source.addEventListener('ready', () => {
        if (broken) handlers.current.onResync();
        broken = false;
        good();
      });
      source.addEventListener('resync', () => handlers.current.onResync());
      for (const name of eventsKey.split(',')) {
        source.addEventListener(name, (e: MessageEvent<string>) => {
          good();
          try {
            handlers.current.onMessage(name, JSON.parse(e.data));
          } catch (err) {
            console.error('bad live message', err);
          }
        });
      }
      source.onerror = () => {
        broken = true;
        setHealth((h) => ({ state: 'reconnecting', lastGoodAt: h.lastGoodAt }));
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          // The browser gave up (e.g. the server answered an error): try again ourselves.
          source.close();
          retry = setTimeout(connect, 3_000);
        }
      };
    };
    connect();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [url, eventsKey]);

  return health;
}
