// Attacks on the public edges (issue 25, items 3 and 4), with counts for docs/benchmarks.md:
// - oversized bodies, 1 MB each, streamed without a length to /v1/orders (a valid key) and declared
//   to the webhook, the bench baseline and sign-in: every one is 413 in our error shape, and the
//   server's resident memory does not grow with their number (the cap is counted as bytes arrive;
//   nothing past it is held);
// - anonymous webhook deliveries (a wrong secret header) sent fast, 50 at a time: every one is
//   counted, 401 or (past the per-address allowance) 429, and the deliveries log gains at most its
//   per-minute sample of rows, however many come;
// - PIN guessing at one staff name from a new forged X-Forwarded-For each time: the name locks after
//   its wrong-PIN budget whatever the header says, and the kitchen's trusted tablet still signs in.
import { beforeAll, describe, expect, test } from 'vitest';
import { REFUSALS_LOGGED_PER_MINUTE, REFUSALS_PER_ADDRESS_PER_MINUTE } from '@/lib/kitchenhub/refusals';
import { DEMO_NAMES, DEMO_PINS } from '@/lib/seed';
import { newApiClient, signInStaff, type ApiClient, type StaffClient } from '@/test/api';
import { HUB_SECRET, hubOrder, WEBHOOK_HEADER } from '@/test/kitchenhub';
import { startServer, type TestServer } from '@/test/server';
import { rssMb, sendLarge } from '@/test/upload';
import { pool, rows, size } from './harness';

const OVERSIZED = size(100, 500);
const REFUSALS = size(1_000, 10_000);
const GUESSES = size(200, 2_000);
const MB = 1024 * 1024;

let server: TestServer;
let manager: StaffClient;
let api: ApiClient;
beforeAll(async () => {
  server = await startServer({
    KITCHENHUB_WEBHOOK_SECRET: HUB_SECRET,
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOGIN_ATTEMPTS_PER_15_MIN: '100000000',
    KITCHENHUB_SANDBOX: 'false',
    KITCHENHUB_POLL_SECONDS: '0',
  });
  [manager, api] = await Promise.all([signInStaff(server.url, 'manager'), newApiClient(server.url)]);
});

describe('oversized bodies', () => {
  const targets = (): Array<{ path: string; declared: boolean; headers: Record<string, string> }> => [
    { path: '/v1/orders', declared: false, headers: { 'X-API-Key': api.key } },
    { path: '/api/kitchenhub/webhook', declared: true, headers: { [WEBHOOK_HEADER]: HUB_SECRET } },
    { path: '/api/kitchenhub/webhook', declared: false, headers: { [WEBHOOK_HEADER]: HUB_SECRET } },
    { path: '/api/bench/empty', declared: false, headers: {} },
    { path: '/api/session', declared: true, headers: {} },
  ];
  const attack = async (n: number) => {
    const all = targets();
    const statuses = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const t = all[i % all.length]!;
      const res = await sendLarge(`${server.url}${t.path}`, { bytes: MB, declared: t.declared, headers: t.headers });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status !== 413) throw new Error(`${t.path} answered ${res.status}: ${res.text.slice(0, 200)}`);
      expect(JSON.parse(res.text)).toMatchObject({
        error: 'payload_too_large',
        message: expect.stringMatching(/^The request body must be at most \d+ bytes\.$/),
      });
    }
    return statuses;
  };

  test(`${OVERSIZED} bodies of 1 MB, streamed and declared, to four routes: all 413, and the server's memory does not grow with their number`, async () => {
    await attack(100); // warm-up: every path loaded and run, the allocator's arenas grown to their working size
    const before = rssMb(server.pid);
    const started = performance.now();
    const trace = [before];
    let refused = 0;
    for (let done = 0; done < OVERSIZED; done += 100) {
      refused += (await attack(Math.min(100, OVERSIZED - done))).get(413) ?? 0;
      trace.push(rssMb(server.pid));
    }
    const seconds = (performance.now() - started) / 1000;
    const after = trace.at(-1)!;
    console.log(
      `oversized: ${OVERSIZED} × 1 MB in ${seconds.toFixed(1)} s, ${refused} × 413; RSS every 100: ${trace.map((m) => m.toFixed(0)).join(' → ')} MB (${(after - before).toFixed(1)} MB)`,
    );
    expect(refused).toBe(OVERSIZED);
    // Held, they would weigh 1 MB each. Any request grows a fresh Next process by some 50 KB until a
    // major GC (500 small POSTs of '{"a":1}' grew it by 23 MB): that, and not much more.
    expect(after - before).toBeLessThan(16 + 0.1 * OVERSIZED);
    expect((await api.send('GET', '/v1/orders')).status).toBe(200); // and the server serves on
  });
});

describe('anonymous webhook deliveries', () => {
  type Counts = { today: number; today_since: number; this_minute: number; logged_per_minute: number };
  const counts = async () => (await manager.json('GET', '/api/kitchenhub/deliveries?limit=1')).refusals as Counts;
  const logged = async () =>
    (await rows<{ n: number | string }>("select count(*) as n from hub_deliveries where outcome = 'unauthorized'"))[0]!
      .n;

  test(`${REFUSALS} refusals, 50 at a time: each counted, 401 or 429, and the log gains at most its sample of rows`, async () => {
    const body = hubOrder('7100000000000001', 'new');
    const [before, rowsBefore] = await Promise.all([counts(), logged()]);
    const started = Date.now();
    const results = await pool(
      50,
      Array.from({ length: REFUSALS }, () => async () => {
        const res = await fetch(`${server.url}/api/kitchenhub/webhook`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [WEBHOOK_HEADER]: 'not-the-secret-0123456789' },
          body,
        });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    const ended = Date.now();
    const statuses = new Map<number, number>();
    for (const r of results) {
      if (r.status === 'rejected') throw r.reason;
      statuses.set(r.value, (statuses.get(r.value) ?? 0) + 1);
    }
    const [after, rowsAfter] = await Promise.all([counts(), logged()]);
    const minutes = Math.floor(ended / 60_000) - Math.floor(started / 60_000) + 1; // windows the run touched
    const newRows = Number(rowsAfter) - Number(rowsBefore);
    console.log(
      `refusals: ${REFUSALS} in ${((ended - started) / 1000).toFixed(1)} s over ${minutes} minute window(s): statuses ${JSON.stringify(Object.fromEntries(statuses))}; ${newRows} log rows; counted today ${before.today} → ${after.today}`,
    );

    expect((statuses.get(401) ?? 0) + (statuses.get(429) ?? 0)).toBe(REFUSALS);
    expect(statuses.get(401)).toBeLessThanOrEqual(REFUSALS_PER_ADDRESS_PER_MINUTE * minutes); // one address
    expect(newRows).toBeGreaterThan(0);
    expect(newRows).toBeLessThanOrEqual(REFUSALS_LOGGED_PER_MINUTE * minutes);
    if (after.today_since === before.today_since) expect(after.today - before.today).toBe(REFUSALS); // unless 00:00 UTC passed meanwhile
    expect(after.logged_per_minute).toBe(REFUSALS_LOGGED_PER_MINUTE);
  }, 120_000); // ~10 s for the short run on a quiet machine
});

describe('PIN guessing', () => {
  test(`${GUESSES} guesses at one name, each from a new forged X-Forwarded-For: the name locks after its budget, and a trusted tablet still signs in`, async () => {
    // The kitchen's tablet: a manager signed in on it once, so it carries the trusted-device mark.
    const managerIn = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: DEMO_NAMES.manager, pin: DEMO_PINS.manager }),
    });
    const device = managerIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('kds_device='))
      ?.split(';')[0];
    expect(device).toBeDefined();

    const statuses = new Map<number, number>();
    const started = performance.now();
    for (let i = 0; i < GUESSES; i++) {
      const pin = String(i).padStart(4, '0') === DEMO_PINS.kitchen ? '9998' : String(i).padStart(4, '0');
      const res = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Forwarded-For': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        },
        body: JSON.stringify({ name: DEMO_NAMES.kitchen, pin }),
      });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    // The right PIN, from yet another forged address, is refused too while the name is locked.
    const right = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '10.255.255.255' },
      body: JSON.stringify({ name: DEMO_NAMES.kitchen, pin: DEMO_PINS.kitchen }),
    });
    const tablet = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: device! },
      body: JSON.stringify({ name: DEMO_NAMES.kitchen, pin: DEMO_PINS.kitchen }),
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `PIN guessing: ${GUESSES} guesses at one name from ${GUESSES} forged addresses in ${seconds.toFixed(1)} s: statuses ${JSON.stringify(Object.fromEntries(statuses))}; the right PIN then ${right.status}; the trusted tablet ${tablet.status}`,
    );

    expect(statuses.get(401)).toBe(5); // LOGIN_FAILURES_PER_NAME: the forged addresses bought nothing
    expect(statuses.get(429)).toBe(GUESSES - 5);
    expect(right.status).toBe(429);
    expect(tablet.status).toBe(200);
  }, 120_000);
});
