// Slow or failing KitchenHub: the fake hangs (30 s; our client gives up at 10 s), then answers 500s,
// then recovers. Meanwhile webhooks, the kitchen board and the /v1 API keep answering; the outbox
// retries with backoff and delivers every accept (PUT /v2/orders/{id}/status/ {status: accept}) once
// KitchenHub is back, and no accept reaches KitchenHub's handler twice.
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningFake } from '@/scripts/fake-kitchenhub';
import { newApiClient, signInStaff, type ApiClient, type StaffClient } from '@/test/api';
import { connectHub, hubOrder, postWebhook, startFakeHub } from '@/test/kitchenhub';
import { startServer, type TestServer } from '@/test/server';
import { describeTimings, eventually, size, timed } from './harness';

const ORDERS = size(3, 10);
let fake: RunningFake;
let server: TestServer;
let manager: StaffClient;
let kitchen: StaffClient;
let api: ApiClient;

beforeAll(async () => {
  fake = await startFakeHub();
  server = await startServer(
    {
      KITCHENHUB_RETRY_BASE_MS: '200',
      KITCHENHUB_MAX_ATTEMPTS: '50',
      JOB_INTERVAL_MS: '200',
      RATE_LIMIT_PER_MINUTE: '1000000',
      KITCHENHUB_SANDBOX: 'false',
    },
    { hub: fake },
  );
  manager = await signInStaff(server.url, 'manager');
  // Our webhook registered at the fake, as Connect does: its orders now reach the server.
  expect(await connectHub(manager, server.url)).toMatchObject({ ok: true, error: null });
  kitchen = await signInStaff(server.url, 'kitchen');
  api = await newApiClient(server.url);
});

type CallView = {
  hub_order_id: string;
  action: string;
  state: string;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
};
/** A PUT /v2/orders/{id}/status/ body that accepts. */
const isAccept = (body: unknown) => (body as { status?: unknown } | undefined)?.status === 'accept';
const acceptCalls = async (): Promise<CallView[]> =>
  ((await manager.json('GET', '/api/kitchenhub/calls')).calls as CallView[]).filter((c) => c.action === 'accept');

describe('slow or failing KitchenHub', () => {
  test('while KitchenHub hangs and then fails, our endpoints answer; the outbox delivers each accept once after', async () => {
    const ids: string[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const { order, webhooks } = await fake.hub.createOrder({ status: 'new', type: 'pickup' });
      expect(webhooks).toEqual([expect.objectContaining({ httpStatus: 200 })]); // to our one webhook, answered 200
      ids.push(order.order.id);
    }

    fake.hub.configure({ delayMs: 30_000 }); // KitchenHub hangs
    const timings: Record<string, number[]> = {
      accept: [],
      webhook: [],
      board: [],
      'POST /v1/orders': [],
      'GET /v1/orders/{id}': [],
    };
    for (const id of ids) {
      const { ms } = await timed(() =>
        manager.json('POST', `/api/kitchenhub/orders/${id}/accept`, { prep_time_minutes: 10 }),
      );
      timings.accept!.push(ms);
    }

    // Until our client has given up on KitchenHub at least once, everything else keeps answering.
    let n = 0;
    const timedOut = (cs: CallView[]) => cs.some((c) => /no answer in 10 s/.test(c.last_error ?? ''));
    while (!timedOut(await acceptCalls())) {
      const hook = await timed(() =>
        postWebhook(server.url, hubOrder(String(8_000_000_000_000_000n + BigInt(n++)), 'new', { type: 'pickup' })),
      );
      expect(hook.value.status).toBe(200);
      await hook.value.body?.cancel();
      timings.webhook!.push(hook.ms);
      timings.board!.push((await timed(() => kitchen.json('GET', '/api/tickets'))).ms);
      const placed = await timed(() => api.createOrder());
      timings['POST /v1/orders']!.push(placed.ms);
      timings['GET /v1/orders/{id}']!.push(
        (await timed(() => api.json('GET', `/v1/orders/${placed.value.order_id}`))).ms,
      );
      expect(n).toBeLessThan(10_000); // the client's timeout must come: it would otherwise hang for ever
    }
    for (const [what, ms] of Object.entries(timings))
      console.log(`slow KitchenHub: ${what} while it hangs: ${describeTimings(ms)}`);
    expect(fake.hub.orderStatusCalls().filter((c) => c.status === 200 && isAccept(c.body))).toEqual([]);

    // KitchenHub comes back, but answers 500 a few times first.
    fake.hub.configure({ delayMs: 0 });
    fake.hub.failNext({ status: 500, times: 3 });
    const calls = await eventually(
      acceptCalls,
      (cs) => cs.length === ORDERS && cs.every((c) => c.state === 'sent'),
      'every accept to be sent',
      90_000,
    );
    expect(calls.some((c) => c.attempts > 1)).toBe(true); // retried, not given up on
    expect(fake.hub.dropped).toBeGreaterThan(0); // the hung calls were abandoned by our client
    expect(fake.hub.calls.some((c) => c.status === 500)).toBe(true);
    for (const id of ids) {
      // Each accept reached KitchenHub's handler successfully exactly once, and the order is accepted there.
      const accepted = fake.hub.orderStatusCalls(id).filter((c) => c.status === 200 && isAccept(c.body));
      expect(accepted, id).toHaveLength(1);
      expect(accepted[0]!.body, id).toEqual({ status: 'accept', prep_time: 10 });
      expect(fake.hub.orders.get(id)?.order.status).toBe('accepted');
    }
    console.log(
      `slow KitchenHub: attempts per accept ${JSON.stringify(calls.map((c) => c.attempts))}; ${fake.hub.dropped} calls abandoned while it hung`,
    );
  }, 180_000);
});
