import { eventsSince, latestEventSeq } from '@/db/storage/orders';
import { orderFeed, type FeedItem, type Topic } from './feed';
import type { Send } from './sse';

/** A stream this far behind is told to refetch everything instead of replaying event by event. */
export const MAX_REPLAY = 500;

/**
 * Each change's rendering per kind of stream, made once and shared: the same FeedItem object reaches
 * every subscriber of a topic, so 500 kitchen screens cost one ticket view and one JSON.stringify, not
 * 500. Replayed items are read per stream and rendered per stream.
 */
const rendered = new WeakMap<FeedItem, Map<string, string>>();
function renderedOnce(item: FeedItem, key: string, render: (item: FeedItem) => unknown): string {
  let byKey = rendered.get(item);
  if (!byKey) rendered.set(item, (byKey = new Map()));
  let json = byKey.get(key);
  if (json === undefined) byKey.set(key, (json = JSON.stringify(render(item))));
  return json;
}

/**
 * Follows a topic from `since`: subscribes first and holds live events until the replay from the event
 * log is out, so none is lost and none arrives out of order. `render` shapes an event for this stream.
 * Without `since` (a fresh page that just fetched its data) only live events are sent.
 */
export async function followOrderEvents(opts: {
  topic: Topic;
  since: number | undefined;
  send: Send;
  render: (item: FeedItem) => unknown;
  /** Names `render` when every stream of this kind renders an item alike: the result is then shared. */
  renderKey?: string;
}): Promise<() => void> {
  const { topic, send, render, renderKey } = opts;
  let lastSent = 0;
  const emit = (item: FeedItem) => {
    if (item.event.seq <= lastSent) return;
    lastSent = item.event.seq;
    if (renderKey)
      send({ id: item.event.seq, event: 'order', data: null, json: renderedOnce(item, renderKey, render) });
    else send({ id: item.event.seq, event: 'order', data: render(item) });
  };
  let held: FeedItem[] | null = [];
  const unsubscribe = orderFeed.subscribe(topic, (item) => (held ? held.push(item) : emit(item)));
  try {
    await orderFeed.ready(); // live delivery starts at or before the head read next: no gap between them
  } catch (err) {
    unsubscribe();
    throw err;
  }
  const latest = await latestEventSeq();
  if (opts.since === undefined || opts.since > latest) {
    // A fresh connection, or an id from before the database was replaced: start from now.
    lastSent = latest;
    if (opts.since !== undefined)
      send({ id: latest, event: 'resync', data: { reason: 'unknown_event_id', seq: latest } });
  } else {
    lastSent = opts.since;
    const orderId = topic.startsWith('order:') ? topic.slice('order:'.length) : undefined;
    const missed = await eventsSince(opts.since, MAX_REPLAY + 1, orderId);
    if (missed.length > MAX_REPLAY) {
      lastSent = latest;
      send({ id: latest, event: 'resync', data: { reason: 'too_far_behind', seq: latest } });
    } else {
      missed.forEach(emit);
    }
  }
  const pending = held;
  held = null;
  pending.forEach(emit);
  send({ event: 'ready', data: { seq: lastSent, server_time: Date.now() } });
  return unsubscribe;
}
