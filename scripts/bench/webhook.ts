// KitchenHub webhook deliveries (issue #20): what one delivery costs, end to end, with KitchenHub's
// own authentication (the secret header we register), beside an empty POST handler reading the same
// body and a refused delivery (wrong header: counted, a sample logged, nothing parsed; past 30 a minute
// from one address the refusal is a 429). Sequential
// requests (one connection): the figure is a delivery's latency, not a throughput.
import fs from 'node:fs';
import path from 'node:path';
import { fmt, fmtStats, percentile, ROOT, stats, table, type Section, type Server } from './common';

const SECRET = 'bench-webhook-secret-0123456789';
export const WEBHOOK_ENV = { KITCHENHUB_WEBHOOK_SECRET: SECRET, KITCHENHUB_POLL_SECONDS: '0' };
const SAMPLE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'kitchenhub', 'webhook-order-created.json'), 'utf8');

let nextId = 7_300_000_000_000_000;
/** The seed's webhook with a fresh KitchenHub id: a new order every time. */
const delivery = () => SAMPLE.replace(/"id":\s*5501505922269184/, `"id": ${++nextId}`);

async function timed(
  url: string,
  headers: Record<string, string>,
  body: () => string,
  n: number,
  expect: number | readonly number[],
): Promise<number[]> {
  const expected = typeof expect === 'number' ? [expect] : expect;
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const b = body();
    const t = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: b,
    });
    await res.arrayBuffer();
    ms.push(performance.now() - t);
    if (!expected.includes(res.status))
      throw new Error(`${url} answered ${res.status}, expected ${expected.join(' or ')}`);
  }
  return ms.sort((a, b) => a - b);
}

export async function webhookCost(server: Server, opts: { reps: number; deliveries: number }): Promise<Section> {
  const hook = `${server.url}/api/kitchenhub/webhook`;
  const empty = `${server.url}/api/bench/empty`;
  await timed(hook, { 'X-KDS-Webhook-Secret': SECRET }, delivery, 30, 200); // warm-up
  await timed(empty, {}, delivery, 30, 200);
  const rounds: Array<{ ok: number; refused: number; empty: number }> = [];
  for (let r = 0; r < opts.reps; r++) {
    const ok = await timed(hook, { 'X-KDS-Webhook-Secret': SECRET }, delivery, opts.deliveries, 200);
    const refused = await timed(
      hook,
      { 'X-KDS-Webhook-Secret': 'wrong-secret-0123456789' },
      delivery,
      opts.deliveries,
      [401, 429],
    );
    const base = await timed(empty, {}, delivery, opts.deliveries, 200);
    rounds.push({ ok: percentile(ok, 95), refused: percentile(refused, 95), empty: percentile(base, 95) });
  }
  const ok = stats(rounds.map((r) => r.ok));
  const refused = stats(rounds.map((r) => r.refused));
  const base = stats(rounds.map((r) => r.empty));
  const added = stats(rounds.map((r) => r.ok - r.empty));
  return {
    title: 'KitchenHub webhook deliveries',
    markdown: [
      `${opts.deliveries} sequential deliveries of the seed's webhook (a new order each) per round, ${opts.reps} rounds; p95 per round in ms.`,
      '',
      ...table(
        ['request', 'p95 (ms)'],
        ['---', '---:'],
        [
          ['new order, authenticated by the registered header (stored raw, parsed, applied)', fmtStats(ok, 2)],
          ['refused: wrong header (401, counted, a sampled log row; 429 past 30 a minute)', fmtStats(refused, 2)],
          ['empty POST handler reading the same body', fmtStats(base, 2)],
          ['added by a delivery over the empty handler', fmtStats(added, 2)],
        ],
      ),
    ],
    goals: [
      {
        name: 'webhook delivery p95 with header authentication (≤ 25 ms)',
        value: `${fmt(ok.median, 2)} ms`,
        met: ok.median <= 25,
      },
    ],
  };
}
