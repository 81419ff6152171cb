// Cold start: `next start` on a database file that does not exist yet (the server creates and migrates
// it) until the first successful API answer (GET /api/health, polled every 10 ms); then, on a seeded
// database, the first POST /v1/orders after start against the steady state (instrumentation warms the
// routes at start, lib/warm-up.ts). Goal: start to first answer < 1 s; the first order pays no lazy load.
import fs from 'node:fs';
import path from 'node:path';
import {
  API_KEY,
  SEED_BODY,
  fmt,
  fmtStats,
  freshDatabase,
  goal,
  startServer,
  stats,
  table,
  wallMs,
  type Section,
} from './common';

async function timedPost(url: string): Promise<number> {
  const t = wallMs();
  const res = await fetch(`${url}/v1/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body: SEED_BODY,
  });
  await res.arrayBuffer();
  if (res.status !== 201) throw new Error(`POST /v1/orders answered ${res.status}`);
  return wallMs() - t;
}

export async function coldStart(tmp: string, reps: number): Promise<Section> {
  console.log('\n== Cold start');
  const toHealthy: number[] = [];
  const firstPost: number[] = [];
  const steadyPost: number[] = [];
  await fetch('http://127.0.0.1:9/').catch(() => undefined); // this process's own fetch is warm before any timing
  for (let r = 1; r <= reps; r++) {
    const empty = path.join(tmp, `cold-${r}.sqlite`);
    fs.rmSync(empty, { force: true });
    const fresh = await startServer({ databasePath: empty, pollMs: 10 });
    toHealthy.push(fresh.healthyAt - fresh.spawnedAt);
    await fresh.stop();

    const seeded = await freshDatabase(tmp, `seeded-${r}.sqlite`);
    const server = await startServer({ databasePath: seeded, pollMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 500)); // the warm-up requests have long finished by the first real order
    firstPost.push(await timedPost(server.url));
    const steady: number[] = [];
    for (let i = 0; i < 20; i++) steady.push(await timedPost(server.url));
    steadyPost.push(stats(steady.slice(5)).median);
    await server.stop();
    console.log(
      `round ${r}/${reps}: start → first answer ${fmt(toHealthy[r - 1] ?? NaN)} ms; first POST ${fmt(firstPost[r - 1] ?? NaN, 1)} ms, steady ${fmt(steadyPost[r - 1] ?? NaN, 1)} ms`,
    );
  }
  const healthy = stats(toHealthy);
  const first = stats(firstPost);
  const steady = stats(steadyPost);
  const goals = [
    {
      name: '`next start` (fresh database, migrations) → first successful API answer < 1 s',
      value: `${fmtStats(healthy)} ms`,
      met: healthy.median < 1000,
    },
    {
      name: 'first POST /v1/orders after start ≤ 2× the steady state',
      value: `${fmtStats(first, 1)} vs ${fmtStats(steady, 1)} ms`,
      met: first.median <= 2 * steady.median,
    },
  ];
  const markdown = [
    `${reps} rounds. "Start" is the spawn of \`node next start\`; the first answer is the first 200 from GET /api/health (polled every 10 ms), which opens and migrates the new SQLite file. The first POST is sent 0.5 s after the server is up, on a seeded database; steady state is the median of POSTs 6–20 after it, one at a time.`,
    '',
    ...table(
      ['start → first successful answer (fresh DB) ms', 'first POST /v1/orders ms', 'steady-state POST ms'],
      ['--:', '--:', '--:'],
      [[fmtStats(healthy), fmtStats(first, 1), fmtStats(steady, 1)]],
    ),
    '',
    ...table(
      ['goal', 'measured', ''],
      ['---', '--:', '---'],
      goals.map((g) => [g.name, g.value, goal(g.met)]),
    ),
  ];
  return { title: 'Cold start', markdown, goals };
}
