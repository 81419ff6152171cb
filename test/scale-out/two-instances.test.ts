// Several instances, one kitchen (scale-out issue, "Proof"): two `next start` processes on different
// ports share one PostgreSQL database. Runs in the PostgreSQL pass of npm test (TEST_DATABASE_URL);
// the SQLite file is one process's by design.
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningFake } from '@/scripts/fake-kitchenhub';
import { newApiClient, signInStaff, SEED_EXAMPLE_ORDER, type ApiClient } from '@/test/api';
import { eventually } from '@/test/eventually';
import { connectHub, startFakeHub } from '@/test/kitchenhub';
import { ROOT } from '@/test/paths';
import { startServer, type TestServer } from '@/test/server';

const onPostgres = Boolean(process.env.DATABASE_URL);

function chromiumPath(): string {
  return (
    process.env.CHROMIUM_PATH ||
    execFileSync('bash', ['scripts/find-chromium.sh'], { cwd: ROOT, encoding: 'utf8' }).trim()
  );
}

describe.runIf(onPostgres)('two instances on one PostgreSQL database', () => {
  let fake: RunningFake;
  let a: TestServer;
  let b: TestServer;
  let apiA: ApiClient;
  let apiB: ApiClient;
  let browser: Browser | undefined;

  const hubEnv = {
    // No timed reconciliation polls: only the ones a test asks for run (and no poll of A's is what
    // KitchenHub sees cut off when A is killed).
    KITCHENHUB_POLL_SECONDS: '0',
    KITCHENHUB_RETRY_BASE_MS: '200',
    KITCHENHUB_LEASE_MS: '11000',
    JOB_INTERVAL_MS: '250',
    RATE_LIMIT_PER_MINUTE: '100000',
  };

  beforeAll(async () => {
    fake = await startFakeHub();
    [a, b] = await Promise.all([startServer(hubEnv, { hub: fake }), startServer(hubEnv, { hub: fake })]);
    // Connect, from B's console: our webhook is registered at the fake with B's URL, so its orders arrive at B.
    expect(await connectHub(await signInStaff(b.url, 'manager'), b.url)).toMatchObject({ ok: true, error: null });
    expect([...fake.hub.webhooks.values()].map((w) => w.url)).toEqual([`${b.url}/api/kitchenhub/webhook`]);
    apiA = await newApiClient(a.url);
    apiB = new (apiA.constructor as typeof ApiClient)(b.url, apiA.key, apiA.clientId); // the same key, on B
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([a?.stop(), b?.stop()]); // before the next describe's instances start on the same database
  });

  test('an order posted to A appears live on a kitchen screen served by B', async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const kitchen = await signInStaff(b.url, 'kitchen');
    const [name, value] = kitchen.cookie.split('=') as [string, string];
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies([{ name, value, url: b.url }]);
    const page = await context.newPage();
    await page.goto(`${b.url}/kitchen`);
    await page.getByTestId('connection').and(page.locator('[data-state="live"]')).waitFor();

    const posted = performance.now();
    const order = await apiA.createOrder({ customer_name: 'Across Instances' });
    const ticket = page.getByTestId(`ticket-${order.order_id}`);
    await ticket.waitFor({ timeout: 10_000 });
    // The target is a second (issue): printed here, measured by `npm run bench`, never a timed assertion.
    console.log(
      `two instances: order posted to A shown on B's kitchen screen after ${Math.round(performance.now() - posted)} ms`,
    );
    await expect.poll(() => ticket.textContent()).toContain('Across');

    // And the other way: B moves it, A's tracker stream and B's screen agree.
    const staffA = await signInStaff(a.url, 'kitchen');
    await staffA.json('POST', `/api/orders/${order.order_id}/advance`, { version: order.version });
    await expect.poll(() => ticket.getAttribute('data-status'), { timeout: 10_000 }).toBe('prepping');
    await context.close();
  }, 60_000);

  test('the same ticket bumped from A and B at once moves once', async () => {
    const [staffA, staffB] = await Promise.all([signInStaff(a.url, 'kitchen'), signInStaff(b.url, 'kitchen')]);
    for (let round = 0; round < 5; round++) {
      const order = await apiA.createOrder();
      const answers = await Promise.all(
        [staffA, staffB].map((s) =>
          s.send('POST', `/api/orders/${order.order_id}/advance`, { version: order.version }),
        ),
      );
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      const now = await apiB.json('GET', `/v1/orders/${order.order_id}`);
      expect(now).toMatchObject({ status: 'prepping', version: order.version + 1 });
    }
  });

  test('one Idempotency-Key used on A then B (and on both at once) creates one order', async () => {
    const key = `two-instances-${Date.now()}`;
    const first = await apiA.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER, { 'Idempotency-Key': key });
    const again = await apiB.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER, { 'Idempotency-Key': key });
    expect([first.status, again.status]).toEqual([201, 201]);
    const [one, two] = [await first.json(), await again.json()];
    expect(two.order_id).toBe(one.order_id);

    const both = `${key}-both`;
    const racing = await Promise.all(
      [apiA, apiB, apiA, apiB].map((api) =>
        api.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER, { 'Idempotency-Key': both }),
      ),
    );
    expect(racing.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const ids = new Set(await Promise.all(racing.map(async (r) => (await r.json()).order_id as string)));
    expect(ids.size).toBe(1);

    const listed = (await apiB.json('GET', '/v1/orders?limit=100')).data as Array<{ order_id: string }>;
    expect(listed.filter((o) => o.order_id === one.order_id || ids.has(o.order_id))).toHaveLength(2);
  });

  test('daily numbers stay unique when both instances take orders at once', async () => {
    const placed = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? apiA : apiB).createOrder()));
    const numbers = placed.map((o) => o.daily_number as number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  test('a lost webhook is recovered once when both instances reconcile at the same moment', async () => {
    const [managerA, managerB] = await Promise.all([signInStaff(a.url, 'manager'), signInStaff(b.url, 'manager')]);
    // KitchenHub takes the order, but its webhook never reaches us.
    const { order, webhooks } = await fake.hub.createOrder({ status: 'new', type: 'pickup', send: false });
    expect(webhooks).toEqual([]);
    const id = order.order.id;
    type Pending = { pending: Array<{ hub_order_id: string; state: string }> };
    const pendingOf = async (m: typeof managerA) =>
      ((await m.json('GET', '/api/kitchenhub/orders')) as Pending).pending.filter((p) => p.hub_order_id === id);
    expect(await pendingOf(managerA)).toEqual([]);

    // "Check KitchenHub now" on A and on B at once.
    type Poll = { ran: boolean; ingested: number; recovered: number; error: string | null };
    const polls = (await Promise.all(
      [managerA, managerB].map((m) => m.json('POST', '/api/kitchenhub/reconcile', {})),
    )) as Poll[];
    console.log(`two instances: reconciliation answers ${JSON.stringify(polls)}`);
    for (const p of polls) expect(p.error).toBeNull();
    expect(polls.some((p) => p.ran)).toBe(true);
    expect(polls.reduce((n, p) => n + p.recovered, 0)).toBe(1);
    expect(polls.reduce((n, p) => n + p.ingested, 0)).toBe(1);

    // Once in the pending list, whichever instance is asked, and applied once in the deliveries log.
    for (const m of [managerA, managerB])
      expect(await pendingOf(m)).toEqual([expect.objectContaining({ hub_order_id: id, state: 'pending' })]);
    type Logged = { hub_order_id: string | null; outcome: string; source: string };
    const logged = async () =>
      ((await managerB.json('GET', '/api/kitchenhub/deliveries?limit=500')).deliveries as Logged[]).filter(
        (d) => d.hub_order_id === id,
      );
    const first = await logged();
    expect(first.filter((d) => d.outcome === 'applied')).toEqual([
      expect.objectContaining({ source: 'reconciliation' }),
    ]);
    expect(first.every((d) => d.source === 'reconciliation')).toBe(true); // no webhook brought it

    // A second poll finds nothing new.
    const again = (await managerA.json('POST', '/api/kitchenhub/reconcile', {})) as Poll;
    expect(again).toMatchObject({ ran: true, ingested: 0, recovered: 0, error: null });
    expect(await logged()).toHaveLength(first.length);
    expect(await pendingOf(managerB)).toHaveLength(1);
    expect(fake.hub.violations).toEqual([]);
  });

  test('killing A mid-outbox leaves B to finish the calls, each once', async () => {
    const manager = await signInStaff(a.url, 'manager');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { order } = await fake.hub.createOrder({ status: 'new', type: 'pickup' });
      ids.push(order.order.id);
    }
    await eventually(
      () => manager.json('GET', '/api/kitchenhub/orders'),
      (r) => ids.every((id) => JSON.stringify(r).includes(id)),
      'the orders to arrive',
    );
    // KitchenHub hangs: the first instance to claim a call holds it in flight when A dies.
    fake.hub.configure({ delayMs: 4_000 });
    for (const id of ids) await manager.json('POST', `/api/kitchenhub/orders/${id}/accept`, { prep_time_minutes: 12 });
    await eventually(
      () => fake.hub.inFlight,
      (n) => n > 0,
      'a call in flight',
    );
    await a.kill(); // SIGKILL: A's claim is never released; its lease runs out and B sends the call
    fake.hub.configure({ delayMs: 0 });

    const managerB = await signInStaff(b.url, 'manager');
    const calls = await eventually(
      async () =>
        (await managerB.json('GET', '/api/kitchenhub/calls')).calls as Array<{
          hub_order_id: string;
          action: string;
          state: string;
          attempts: number;
        }>,
      (cs) => ids.every((id) => cs.find((c) => c.hub_order_id === id && c.action === 'accept')?.state === 'sent'),
      'every accept sent',
      40_000,
    );
    const ours = calls.filter((c) => ids.includes(c.hub_order_id));
    expect(ours.map((c) => c.state)).toEqual(['sent', 'sent', 'sent']);
    // A was holding a call when it died: KitchenHub saw that attempt cut off, and B made the next one.
    expect(fake.hub.dropped).toBeGreaterThanOrEqual(1);
    expect(Math.max(...ours.map((c) => c.attempts))).toBeGreaterThanOrEqual(2);
    for (const id of ids) {
      // Handled by KitchenHub exactly once: an attempt cut off with A was never handled there.
      expect(
        fake.hub
          .orderStatusCalls(id)
          .filter((c) => c.status === 200 && (c.body as { status?: string }).status === 'accept'),
      ).toHaveLength(1);
    }
  }, 90_000);
});

describe.runIf(onPostgres)('limits and sessions across two instances', () => {
  const LIMIT = 6;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [a, b] = await Promise.all([
      startServer({ RATE_LIMIT_PER_MINUTE: String(LIMIT) }),
      startServer({ RATE_LIMIT_PER_MINUTE: String(LIMIT) }),
    ]);
  }, 90_000);

  test('one API key has one rate limit, whichever instance each request reaches', async () => {
    const onA = await newApiClient(a.url);
    const onB = new (onA.constructor as typeof ApiClient)(b.url, onA.key, onA.clientId);
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await (i % 2 ? onB : onA).send('GET', '/v1/orders')).status);
    expect(statuses).toEqual(Array(LIMIT).fill(200));
    const over = await onB.send('GET', '/v1/orders');
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({ error: 'rate_limited' });
    expect((await onA.send('GET', '/v1/orders')).status).toBe(429);
  });

  test('a staff session made on A works on B, and signing out on B ends it on A', async () => {
    const staff = await signInStaff(a.url, 'kitchen');
    const onB = new (staff.constructor as new (url: string, cookie: string) => typeof staff)(b.url, staff.cookie);
    expect((await onB.send('GET', '/api/tickets')).status).toBe(200);
    expect((await onB.send('DELETE', '/api/session')).status).toBeLessThan(300);
    expect((await staff.send('GET', '/api/tickets')).status).toBe(401);
  });
});

test.skipIf(onPostgres)('two-instance tests run in the PostgreSQL pass', () => {
  expect(onPostgres).toBe(false);
});
