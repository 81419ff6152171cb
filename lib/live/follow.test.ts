// Following the live feed: a change reaches every follower of its topic once, rendered once per kind
// of stream and shared (500 kitchen screens cost one ticket view), on either database.
import { describe, expect, test } from 'vitest';
import { eventually } from '@/test/eventually';
import { placeOrder } from '../orders/service';
import type { FeedItem } from './feed';
import { followOrderEvents } from './follow';
import { formatSse, type SseMessage } from './sse';

const BODY = { customer_id: 'cus_follow', bread: 'white', peanut_butter: 'smooth', jelly: 'grape' };

describe('followOrderEvents', () => {
  test('with a renderKey, one change is rendered once and the same frame goes to every follower', async () => {
    const rendered: number[] = [];
    const render = (item: FeedItem) => {
      rendered.push(item.event.seq);
      return { order: item.order.id, status: item.order.status };
    };
    const inboxes: SseMessage[][] = [[], [], []];
    const stops = await Promise.all(
      inboxes.map((inbox) =>
        followOrderEvents({
          topic: 'kitchen',
          since: undefined,
          send: (m) => inbox.push(m),
          render,
          renderKey: 'test-view',
        }),
      ),
    );
    try {
      const placed = await placeOrder({ clientId: 'cli_demo', body: BODY, origin: 'http://x' });
      const orderId = placed.order!.id;
      const orders = (inbox: SseMessage[]) => inbox.filter((m) => m.event === 'order');
      await eventually(
        () => inboxes.map((i) => orders(i).length),
        (n) => n.every((x) => x === 1),
        'every follower to hear the change',
        5_000,
      );
      expect(rendered).toHaveLength(1);
      const frames = inboxes.map((i) => formatSse(orders(i)[0]!));
      expect(new Set(frames).size).toBe(1);
      expect(frames[0]).toContain(`data: {"order":"${orderId}","status":"queued"}`);
      expect(frames[0]).toMatch(/^id: \d+\nevent: order\n/);
    } finally {
      stops.forEach((stop) => stop());
    }
  });

  test('without a renderKey each follower renders for itself', async () => {
    let renders = 0;
    const inboxes: SseMessage[][] = [[], []];
    const stops = await Promise.all(
      inboxes.map((inbox) =>
        followOrderEvents({
          topic: 'kitchen',
          since: undefined,
          send: (m) => inbox.push(m),
          render: () => ({ n: ++renders }),
        }),
      ),
    );
    try {
      await placeOrder({ clientId: 'cli_demo', body: BODY, origin: 'http://x' });
      await eventually(
        () => inboxes.map((i) => i.filter((m) => m.event === 'order').length),
        (n) => n.every((x) => x === 1),
        'both followers',
        5_000,
      );
      expect(renders).toBe(2);
    } finally {
      stops.forEach((stop) => stop());
    }
  });
});
