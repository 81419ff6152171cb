// The fan-out interface of design.md "Live updates". This in-process version keeps its subscribers on
// globalThis (a production build gives Server Actions and instrumentation their own module copies);
// a PostgreSQL LISTEN/NOTIFY version can replace it for several instances.
import type { Order, OrderEvent } from '../orders/types';

export type FeedItem = { event: OrderEvent; order: Order };
/** `kitchen`: every order's events (staff screens). `order:<id>`: one order's (a tracker). */
export type Topic = 'kitchen' | `order:${string}`;
export type Listener = (item: FeedItem) => void;

export interface OrderFeed {
  publish(item: FeedItem): void;
  subscribe(topic: Topic, listener: Listener): () => void;
  subscriberCount(): number;
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
  };
}

const KEY = Symbol.for('kds.orderFeed');
const holder = globalThis as unknown as { [KEY]?: OrderFeed };
export const orderFeed: OrderFeed = (holder[KEY] ??= inProcessFeed());
