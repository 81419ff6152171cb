// The fan-out interface of design.md "Live updates", kept on globalThis (a production build gives
// Server Actions and instrumentation their own module copies). On the SQLite file one process writes
// everything and publishes in-process. On PostgreSQL several instances share the event log: each
// delivers what it reads from the log, woken by LISTEN/NOTIFY, so a kitchen screen on instance B sees
// an order posted to instance A, in log order, and nothing is delivered twice.
import { sharedEventLog, watchEventLog } from '@/db/storage/events';
import { eventsSince, latestEventSeq } from '@/db/storage/orders';
import type { Order, OrderEvent } from '../orders/types';

export type FeedItem = { event: OrderEvent; order: Order };
/** `kitchen`: every order's events (staff screens). `order:<id>`: one order's (a tracker). */
export type Topic = 'kitchen' | `order:${string}`;
export type Listener = (item: FeedItem) => void;

export interface OrderFeed {
  publish(item: FeedItem): void;
  subscribe(topic: Topic, listener: Listener): () => void;
  subscriberCount(): number;
  /**
   * Resolves once events committed from now on will reach subscribers (a shared log's feed first
   * learns where the log ends). followOrderEvents awaits it before it reads the log's head.
   */
  ready(): Promise<void>;
}

function inProcessFeed(): OrderFeed {
  const topics = new Map<Topic, Set<Listener>>();
  const deliver = (topic: Topic, item: FeedItem) => {
    for (const fn of topics.get(topic) ?? []) {
      try {
        fn(item);
      } catch (err) {
        console.error('live listener failed', err); // one broken stream must not starve the others
      }
    }
  };
  return {
    publish(item) {
      deliver('kitchen', item);
      deliver(`order:${item.order.id}`, item);
    },
    subscribe(topic, listener) {
      let set = topics.get(topic);
      if (!set) topics.set(topic, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) topics.delete(topic);
      };
    },
    subscriberCount() {
      let n = 0;
      for (const set of topics.values()) n += set.size;
      return n;
    },
    ready: () => Promise.resolve(),
  };
}

/** Events read from the log per query while catching up. */
const BATCH = 200;

/**
 * The feed of a shared event log. Delivery always comes from the log, past the seq this process last
 * delivered: woken by a notification from any instance's commit, or at once by a local publish. The
 * watcher starts with the first subscriber (followOrderEvents replays from the log for anything
 * before it).
 */
function logTailingFeed(): OrderFeed {
  const local = inProcessFeed();
  let tail: number | null = null;
  let start: Promise<void> | null = null;
  let stopWatching: (() => void) | null = null;
  let running = false;
  let again = false;

  /** Learns where the log ends, once (again after a failure): delivery starts after it. */
  const started = (): Promise<void> =>
    (start ??= latestEventSeq().then(
      (seq) => void (tail ??= seq),
      (err: unknown) => {
        start = null;
        throw err;
      },
    ));

  async function catchUp(): Promise<void> {
    if (running) {
      again = true; // the running pass reads again when it is done: nothing announced is skipped
      return;
    }
    running = true;
    try {
      await started();
      do {
        again = false;
        for (;;) {
          const batch = await eventsSince(tail ?? 0, BATCH);
          for (const item of batch) {
            tail = item.event.seq;
            local.publish(item);
          }
          if (batch.length < BATCH) break;
        }
      } while (again);
    } catch (err) {
      console.error('live feed: reading the event log failed; the next change retries', err);
    } finally {
      running = false;
    }
  }

  return {
    // Other instances were notified by the commit itself; this one catches up at once.
    publish: () => void catchUp(),
    subscribe(topic, listener) {
      stopWatching ??= watchEventLog(() => void catchUp());
      return local.subscribe(topic, listener);
    },
    subscriberCount: () => local.subscriberCount(),
    ready: () => started(),
  };
}

const KEY = Symbol.for('kds.orderFeed');
const holder = globalThis as unknown as { [KEY]?: OrderFeed };
/** Chosen on first use, from the configured store (never at build time). */
const feed = (): OrderFeed => (holder[KEY] ??= sharedEventLog() ? logTailingFeed() : inProcessFeed());
export const orderFeed: OrderFeed = {
  publish: (item) => feed().publish(item),
  subscribe: (topic, listener) => feed().subscribe(topic, listener),
  subscriberCount: () => feed().subscriberCount(),
  ready: () => feed().ready(),
};
