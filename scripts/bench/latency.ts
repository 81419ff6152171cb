// Live latency: from POST /v1/orders returning to the ticket in the DOM of a signed-in /kitchen page in
// Chromium (a MutationObserver stamps it with Date.now(), the same clock as this process). After each
// order the kitchen cancels it, so the screen stays a lunch-rush size. Goal: p95 < 150 ms.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chromium } from '@playwright/test';
import {
  API_KEY,
  KITCHEN_NAME,
  KITCHEN_PIN,
  ROOT,
  SEED_BODY,
  fmtStats,
  goal,
  percentile,
  stats,
  table,
  type Section,
  type Server,
} from './common';

export type LatencyOptions = { reps: number; orders: number };
const WARM_ORDERS = 5; // the first few warm the route, the stream and the page: not recorded

export function chromiumPath(): string {
  return execFileSync('bash', [path.join(ROOT, 'scripts', 'find-chromium.sh')], { encoding: 'utf8' }).trim();
}

type Round = { n: number; p50: number; p95: number; max: number };

async function round(server: Server, orders: number, executablePath: string): Promise<Round> {
  const browser = await chromium.launch({
    executablePath, // the same launch arguments as playwright.config.ts
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
  const latencies: number[] = [];
  try {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
    const signIn = await context.request.post('/api/session', { data: { name: KITCHEN_NAME, pin: KITCHEN_PIN } });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { __seen: Record<string, number> }).__seen = seen;
      new MutationObserver(() => {
        for (const el of document.querySelectorAll<HTMLElement>('[data-testid^="ticket-ord_"]')) {
          const id = (el.dataset.testid ?? '').slice('ticket-'.length);
          seen[id] ??= Date.now();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/kitchen');
    await page.locator('[data-testid="connection"][data-state="live"]').waitFor({ timeout: 15_000 });
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    for (let i = 0; i < orders + WARM_ORDERS; i++) {
      const res = await fetch(`${server.url}/v1/orders`, {
        method: 'POST',
        headers: { 'X-API-Key': API_KEY, 'Content-Type': 'application/json' },
        body: SEED_BODY,
      });
      const returned = Date.now();
      if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${await res.text()}`);
      const { order_id: id } = (await res.json()) as { order_id: string }; // our API's documented answer
      const handle = await page.waitForFunction(
        (want) => (window as unknown as { __seen: Record<string, number> }).__seen[want],
        id,
        { timeout: 10_000, polling: 'raf' },
      );
      const seenAt = Number(await handle.jsonValue());
      if (i >= WARM_ORDERS) latencies.push(Math.max(0, seenAt - returned));
      const cancel = await fetch(`${server.url}/api/orders/${id}/cancel`, {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json' },
        body: '{"version":1}',
      });
      if (!cancel.ok) throw new Error(`kitchen cancel answered ${cancel.status}: ${await cancel.text()}`);
      await page.locator(`[data-testid="ticket-${id}"]`).waitFor({ state: 'detached' });
    }
  } finally {
    await browser.close();
  }
  const sorted = latencies.sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export async function liveLatency(server: Server, opts: LatencyOptions): Promise<Section> {
  console.log('\n== Live latency: API order → kitchen screen');
  const executablePath = chromiumPath();
  const rounds: Round[] = [];
  for (let r = 1; r <= opts.reps; r++) {
    const x = await round(server, opts.orders, executablePath);
    console.log(`round ${r}/${opts.reps}: ${x.n} orders, p50 ${x.p50} ms, p95 ${x.p95} ms, max ${x.max} ms`);
    rounds.push(x);
  }
  const p95 = stats(rounds.map((x) => x.p95));
  const goals = [{ name: 'order → kitchen screen p95 < 150 ms', value: `${fmtStats(p95)} ms`, met: p95.median < 150 }];
  const markdown = [
    `${opts.reps} rounds of ${opts.orders} orders (after ${WARM_ORDERS} unrecorded ones), each in a fresh Chromium (${executablePath}) on a signed-in /kitchen page.`,
    '',
    ...table(
      ['orders per round', 'p50 ms', 'p95 ms', 'max ms', 'goal p95 < 150 ms'],
      ['--:', '--:', '--:', '--:', '---'],
      [
        [
          String(opts.orders),
          fmtStats(stats(rounds.map((x) => x.p50))),
          fmtStats(p95),
          fmtStats(stats(rounds.map((x) => x.max))),
          goal(goals[0]?.met ?? false),
        ],
      ],
    ),
  ];
  return { title: 'Live latency: API order to kitchen screen', markdown, goals };
}
