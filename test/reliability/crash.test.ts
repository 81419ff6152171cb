// Crash durability: orders posted with concurrency 20 while the server is killed with SIGKILL at a
// random moment, then restarted on the same SQLite file. Every 201 is there with its choices, nothing
// is half-written, every event log is gap-free, and an Idempotency-Key retry after the crash returns
// the original order, never a second one.
import { describe, expect, test } from 'vitest';
import { DEMO_API_KEY, MENU } from '@/lib/seed';
import { startServer, type TestServer } from '@/test/server';
import { describeTimings, pool, rows, seededRandom, size } from './harness';

const ORDERS = size(150, 1_000);
const CONCURRENCY = 20;
const ENV = { RATE_LIMIT_PER_MINUTE: '1000000' };

let server: TestServer | undefined;

const optionsOf = (type: keyof typeof MENU) => MENU[type].map(([o]) => o);

/** Order i's body: choices vary with i, so a mixed-up order would show. */
function bodyOf(i: number, runTag: string) {
  const pick = <T>(xs: readonly T[], k: number) => xs[(i * k) % xs.length]!;
  return {
    customer_id: `crash-${runTag}-${i}`,
    bread: pick(optionsOf('bread'), 1),
    peanut_butter: pick(optionsOf('peanut_butter'), 3),
    jelly: pick(optionsOf('jelly'), 7),
    toast: pick(optionsOf('toast'), 5),
    cut: pick(optionsOf('cut'), 11),
    extras: optionsOf('extras')
      .filter((_, k) => (i >> k) & 1)
      .slice(0, 3),
    notes: `order ${i}`,
  };
}

type Outcome =
  { status: number; orderId: string; choices: Record<string, unknown> } | { status: 'no answer'; error: string };

async function post(
  url: string,
  body: object,
  key: string,
): Promise<{ status: number; json: { order_id: string; choices: Record<string, unknown> }; replayed: boolean }> {
  const res = await fetch(`${url}/v1/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-API-Key': DEMO_API_KEY, 'Idempotency-Key': key },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json(), replayed: res.headers.get('idempotent-replayed') === 'true' };
}

describe('crash durability', () => {
  test(`${ORDERS} orders at concurrency ${CONCURRENCY}, SIGKILL at a random moment, restart on the same file`, async () => {
    const seed = Date.now();
    const random = seededRandom(seed);
    const runTag = seed.toString(36);
    // Somewhere in the middle of the run, so requests are in flight in every stage when it dies.
    const killAfter = Math.floor(ORDERS * (0.2 + 0.6 * random()));
    console.log(`crash: seed ${seed}, SIGKILL after ${killAfter} of ${ORDERS} answers`);

    server = await startServer(ENV);
    const first = server;
    let answered = 0;
    let killed: Promise<void> | null = null;
    const started = performance.now();
    const outcomes = await pool(
      CONCURRENCY,
      Array.from({ length: ORDERS }, (_, i) => async (): Promise<Outcome> => {
        try {
          const r = await post(first.url, bodyOf(i, runTag), `crash-${runTag}-${i}`);
          return { status: r.status, orderId: r.json.order_id, choices: r.json.choices };
        } catch (err) {
          return { status: 'no answer', error: err instanceof Error ? String(err.cause ?? err.message) : String(err) };
        } finally {
          if (++answered === killAfter) killed = first.kill();
        }
      }),
    );
    await killed;
    const results = outcomes.map((o) =>
      o.status === 'fulfilled' ? o.value : { status: 'no answer' as const, error: String(o.reason) },
    );
    const created = results
      .map((r, i) => ({ r, i }))
      .filter((x): x is { r: Extract<Outcome, { orderId: string }>; i: number } => x.r.status === 201);
    const unanswered = results.filter((r) => r.status === 'no answer').length;
    console.log(
      `crash: ${created.length} × 201, ${unanswered} without an answer, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(results.filter((r) => r.status !== 201 && r.status !== 'no answer')).toEqual([]); // no 5xx, no refusals
    expect(created.length).toBeGreaterThan(0);
    expect(unanswered).toBeGreaterThan(0); // the kill really landed mid-run

    server = await first.restart(); // same database: the file the killed process was writing
    const restarted = server;

    // Every 201 is there, with the same choices.
    const reads = await pool(
      CONCURRENCY,
      created.map(({ r }) => async () => {
        const res = await fetch(`${restarted.url}/v1/orders/${r.orderId}`, { headers: { 'X-API-Key': DEMO_API_KEY } });
        return {
          status: res.status,
          body: (await res.json()) as { order_id: string; choices: Record<string, unknown> },
        };
      }),
    );
    for (const [k, read] of reads.entries()) {
      expect(read.status).toBe('fulfilled');
      if (read.status !== 'fulfilled') continue;
      expect(read.value.status).toBe(200);
      expect(read.value.body.choices).toEqual(created[k]!.r.choices);
    }

    // Nothing half-written: each order has its 'created' event at version 1, versions 1..n without a
    // gap ending at the order's version, and no event without its order.
    const pg = Boolean(process.env.DATABASE_URL);
    const orderIdOf = pg ? `(k.response_body::jsonb ->> 'order_id')` : `json_extract(k.response_body, '$.order_id')`;
    const integrity = async () => ({
      withoutCreated: await rows(
        `select o.id from orders o where not exists (select 1 from order_events e where e.order_id = o.id and e.type = 'created' and e.version = 1)`,
      ),
      gaps: await rows(`select o.id, o.version, count(e.seq) n, min(e.version) lo, max(e.version) hi, count(distinct e.version) d
                  from orders o join order_events e on e.order_id = o.id group by o.id, o.version
                  having min(e.version) != 1 or max(e.version) != o.version or count(e.seq) != o.version or count(distinct e.version) != count(e.seq)`),
      orphanEvents: await rows(
        `select e.seq from order_events e left join orders o on o.id = e.order_id where o.id is null`,
      ),
      keysWithoutOrder: await rows(`select k.key from idempotency_keys k where k.key like 'crash-${runTag}-%'
                              and not exists (select 1 from orders o where o.id = ${orderIdOf})`),
    });
    expect(await integrity()).toEqual({ withoutCreated: [], gaps: [], orphanEvents: [], keysWithoutOrder: [] });

    // Clients retry every request with its Idempotency-Key: the original order comes back, and
    // requests that never got an answer are placed exactly once.
    const retryTimes: number[] = [];
    const retries = await pool(
      CONCURRENCY,
      results.map((_, i) => async () => {
        const t = performance.now();
        const r = await post(restarted.url, bodyOf(i, runTag), `crash-${runTag}-${i}`);
        retryTimes.push(performance.now() - t);
        return r;
      }),
    );
    for (const [i, retry] of retries.entries()) {
      expect(retry.status).toBe('fulfilled');
      if (retry.status !== 'fulfilled') continue;
      expect(retry.value.status).toBe(201);
      const original = results[i]!;
      if (original.status === 201) {
        expect(retry.value.json.order_id).toBe(original.orderId);
        expect(retry.value.replayed).toBe(true);
      }
    }
    console.log(`crash: retries ${describeTimings(retryTimes)}`);
    const perCustomer = await rows<{ customer_id: string; n: number }>(
      `select customer_id, count(*) n from orders where customer_id like 'crash-${runTag}-%' group by customer_id`,
    );
    expect(perCustomer).toHaveLength(ORDERS);
    expect(perCustomer.filter((c) => c.n !== 1)).toEqual([]);
    expect(await integrity()).toEqual({ withoutCreated: [], gaps: [], orphanEvents: [], keysWithoutOrder: [] });
  }, 300_000);
});
