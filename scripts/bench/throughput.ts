// API throughput: POST /v1/orders and GET /v1/orders/{id} beside empty Next route handlers of the same
// method (app/api/bench/empty), the same empty handlers in a bare Next app (our app's own per-request
// cost: proxy, config headers, instrumentation), and a bare node:http + better-sqlite3 server doing the
// same insert and read (scripts/bench/bare-server.ts). All in one run, interleaved round by round.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  API_KEY,
  BASE_QUEUE,
  HOST,
  ROOT,
  SEED_BODY,
  cpuSeconds,
  fmt,
  fmtStats,
  freePort,
  freshDatabase,
  goal,
  placeOrder,
  run,
  sleep,
  startKitchen,
  startServer,
  stats,
  table,
  type Section,
  type Server,
  type Stats,
} from './common';

export type ThroughputOptions = { reps: number; duration: number; warmup: number; connections: number };

type Key =
  'nextEmptyGet' | 'emptyGet' | 'emptyDynGet' | 'get' | 'bareGet' | 'nextEmptyPost' | 'emptyPost' | 'post' | 'barePost';
type Target = { key: Key; label: string; method: 'GET' | 'POST'; url: string; pid: number | undefined; body?: string };
type Sample = { rps: number; p50: number; p99: number; cpuMsPerReq: number; requests: number; bad: number };

async function hit(t: Target, seconds: number, connections: number): Promise<Sample> {
  const cpuBefore = cpuSeconds(t.pid);
  const r = await autocannon({
    url: t.url,
    method: t.method,
    connections,
    duration: seconds,
    timeout: 10,
    // The same headers everywhere: the empty handlers read nothing but the body, but parse the same request.
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    ...(t.body !== undefined ? { body: t.body } : {}),
  });
  return {
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    cpuMsPerReq: ((cpuSeconds(t.pid) - cpuBefore) * 1000) / r.requests.total,
    requests: r.requests.total,
    bad: r.non2xx + r.errors + r.timeouts,
  };
}

const BARE_ROUTE = `export async function GET(): Promise<Response> {
  return Response.json({ ok: true });
}

export async function POST(req: Request): Promise<Response> {
  await req.json();
  return Response.json({ ok: true });
}
`;

/** A Next app with nothing but app/api/bench/empty, built once into tmp/ (ignored by git, tsc and ESLint). */
async function bareNext(tmp: string): Promise<Server> {
  const dir = path.join(ROOT, 'tmp', 'bench-bare-next');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'app', 'api', 'bench', 'empty'), { recursive: true });
  // Its own route, not a copy of ours: ours reads the body through lib/http.ts, which the bare app has
  // not got (and what our body reader costs is part of what this yardstick measures).
  fs.writeFileSync(path.join(dir, 'app', 'api', 'bench', 'empty', 'route.ts'), BARE_ROUTE);
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "bench-bare-next", "private": true }\n');
  fs.writeFileSync(
    path.join(dir, 'next.config.mjs'),
    `export default { turbopack: { root: ${JSON.stringify(ROOT)} }, poweredByHeader: false };\n`,
  );
  await run(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build', dir],
    { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: '' },
    5 * 60_000,
  );
  return startServer({ databasePath: path.join(tmp, 'unused.sqlite'), dir, healthPath: '/api/bench/empty' });
}

async function bareNode(databasePath: string): Promise<{ url: string; pid: number | undefined; stop: () => void }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'bare-server.ts'), databasePath, String(port)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bare-server.ts exited (${code})`)));
    child.stdout.on('data', (d) => String(d).includes('ready') && resolve());
  });
  return { url: `http://${HOST}:${port}`, pid: child.pid, stop: () => child.kill('SIGTERM') };
}

export async function throughput(
  app: Server,
  appDb: string,
  tmp: string,
  opts: ThroughputOptions,
  cleanups: Array<() => unknown>,
): Promise<Section> {
  console.log('\n== API throughput');
  const next = await bareNext(tmp);
  cleanups.push(() => next.stop());
  const bareDb = await freshDatabase(tmp, 'bare.sqlite');
  const bare = await bareNode(bareDb);
  cleanups.push(() => bare.stop());
  const bareRes = await fetch(`${bare.url}/v1/orders`, {
    method: 'POST',
    headers: { 'x-api-key': API_KEY },
    body: SEED_BODY,
  });
  const bareId = ((await bareRes.json()) as { id: string }).id; // our own bare server's answer

  const queue: string[] = [];
  for (let i = 0; i < BASE_QUEUE; i++) queue.push(await placeOrder(app.url));
  const orderId = queue[0] ?? '';
  const targets: Target[] = [
    {
      key: 'nextEmptyGet',
      label: 'GET empty handler, bare Next app',
      method: 'GET',
      url: `${next.url}/api/bench/empty`,
      pid: next.pid,
    },
    {
      key: 'emptyGet',
      label: 'GET /api/bench/empty (empty handler, this app)',
      method: 'GET',
      url: `${app.url}/api/bench/empty`,
      pid: app.pid,
    },
    {
      key: 'emptyDynGet',
      label: 'GET /api/bench/empty/{id} (empty handler on a dynamic route, this app)',
      method: 'GET',
      url: `${app.url}/api/bench/empty/${orderId}`,
      pid: app.pid,
    },
    { key: 'get', label: 'GET /v1/orders/{id}', method: 'GET', url: `${app.url}/v1/orders/${orderId}`, pid: app.pid },
    {
      key: 'bareGet',
      label: 'GET, bare node:http + better-sqlite3',
      method: 'GET',
      url: `${bare.url}/v1/orders/${bareId}`,
      pid: bare.pid,
    },
    {
      key: 'nextEmptyPost',
      label: 'POST empty handler reading the body, bare Next app',
      method: 'POST',
      url: `${next.url}/api/bench/empty`,
      pid: next.pid,
      body: SEED_BODY,
    },
    {
      key: 'emptyPost',
      label: 'POST /api/bench/empty (empty handler reading the body, this app)',
      method: 'POST',
      url: `${app.url}/api/bench/empty`,
      pid: app.pid,
      body: SEED_BODY,
    },
    {
      key: 'post',
      label: 'POST /v1/orders',
      method: 'POST',
      url: `${app.url}/v1/orders`,
      pid: app.pid,
      body: SEED_BODY,
    },
    {
      key: 'barePost',
      label: 'POST, bare node:http + better-sqlite3',
      method: 'POST',
      url: `${bare.url}/v1/orders`,
      pid: bare.pid,
      body: SEED_BODY,
    },
  ];
  for (const t of targets) {
    const res = await fetch(t.url, {
      method: t.method,
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: t.body,
    });
    if (!res.ok) throw new Error(`${t.method} ${t.url} answered ${res.status}: ${await res.text()}`);
  }
  const kitchen = await startKitchen(appDb, queue);
  cleanups.push(() => kitchen.stop());

  const failures: string[] = [];
  const check = (t: Target, s: Sample) => s.bad && failures.push(`${t.label}: ${s.bad} failed requests`);
  const warmSeconds = Math.min(5, opts.duration);
  console.log(
    `warm-up round (${warmSeconds} s per target), then ${opts.reps} × (${opts.warmup} s + ${opts.duration} s) per target, ${opts.connections} connections`,
  );
  for (const t of targets) check(t, await hit(t, warmSeconds, opts.connections));
  const samples = new Map<Key, Sample[]>(targets.map((t) => [t.key, []]));
  for (let round = 1; round <= opts.reps; round++) {
    const line: string[] = [];
    for (const t of targets) {
      check(t, await hit(t, opts.warmup, opts.connections));
      const s = await hit(t, opts.duration, opts.connections);
      check(t, s);
      samples.get(t.key)?.push(s);
      line.push(`${t.key} ${fmt(s.rps)}`);
    }
    console.log(`round ${round}/${opts.reps} req/s: ${line.join(' · ')}`);
  }
  await kitchen.stop();
  await next.stop();
  bare.stop();
  await sleep(200);
  if (failures.length)
    throw new Error(
      `requests failed, figures not written:\n${failures.join('\n')}\n${app.logs().split('\n').slice(-20).join('\n')}`,
    );

  const of = (k: Key) => samples.get(k) ?? [];
  const perRound = (a: Key, b: Key, f: (x: Sample, y: Sample) => number): Stats =>
    stats(
      of(a).flatMap((x, i) => {
        const y = of(b)[i];
        return y ? [f(x, y)] : [];
      }),
    );
  const rps = (a: Key, b: Key) => perRound(a, b, (x, y) => x.rps / y.rps);
  const p99 = (a: Key, b: Key) => perRound(a, b, (x, y) => x.p99 / y.p99);
  const cpu = (a: Key, b: Key) => perRound(a, b, (x, y) => x.cpuMsPerReq / y.cpuMsPerReq);

  const postRatio = rps('post', 'emptyPost');
  const getRatio = rps('get', 'emptyGet');
  const postP99 = p99('post', 'emptyPost');
  const getP99 = p99('get', 'emptyGet');
  const overheadGet = perRound('emptyGet', 'nextEmptyGet', (x, y) => 1 - x.rps / y.rps);
  const overheadPost = perRound('emptyPost', 'nextEmptyPost', (x, y) => 1 - x.rps / y.rps);
  const overhead = (s: Stats) => `${fmtStats({ median: s.median * 100, min: s.min * 100, max: s.max * 100 })} %`;
  const goals = [
    {
      name: 'POST /v1/orders ≥ 0.75× empty POST (req/s)',
      value: fmtStats(postRatio, 2),
      met: postRatio.median >= 0.75,
    },
    { name: 'GET /v1/orders/{id} ≥ 0.8× empty GET (req/s)', value: fmtStats(getRatio, 2), met: getRatio.median >= 0.8 },
    { name: 'POST p99 ≤ 1.3× empty POST p99', value: fmtStats(postP99, 2), met: postP99.median <= 1.3 },
    { name: 'GET p99 ≤ 1.3× empty GET p99', value: fmtStats(getP99, 2), met: getP99.median <= 1.3 },
    {
      name: "app's own per-request overhead ≤ 10 % (empty GET, this app vs bare Next)",
      value: overhead(overheadGet),
      met: overheadGet.median <= 0.1,
    },
    {
      name: "app's own per-request overhead ≤ 10 % (empty POST, this app vs bare Next)",
      value: overhead(overheadPost),
      met: overheadPost.median <= 0.1,
    },
  ];
  const rows = targets.map((t) => {
    const s = of(t.key);
    return [
      t.label,
      fmtStats(stats(s.map((x) => x.rps))),
      fmtStats(stats(s.map((x) => x.p50)), 1),
      fmtStats(stats(s.map((x) => x.p99)), 1),
      fmtStats(stats(s.map((x) => x.cpuMsPerReq)), 3),
      String(s.reduce((n, x) => n + x.requests, 0)),
    ];
  });
  const markdown = [
    `${opts.reps} rounds; per target and round ${opts.warmup} s warm-up then ${opts.duration} s measured, ${opts.connections} connections (autocannon, in the bench's process). Open queue ${BASE_QUEUE} orders, peaking at ${kitchen.peak()} during POST.`,
    '',
    ...table(
      ['target', 'req/s', 'p50 ms', 'p99 ms', 'server CPU ms/request', 'requests'],
      ['---', '--:', '--:', '--:', '--:', '--:'],
      rows,
    ),
    '',
    ...table(
      ['comparison (per round, median (min–max))', 'req/s ratio', 'p99 ratio', 'CPU/request ratio'],
      ['---', '--:', '--:', '--:'],
      [
        [
          'POST /v1/orders ÷ empty POST',
          fmtStats(postRatio, 2),
          fmtStats(postP99, 2),
          fmtStats(cpu('post', 'emptyPost'), 2),
        ],
        [
          'GET /v1/orders/{id} ÷ empty GET',
          fmtStats(getRatio, 2),
          fmtStats(getP99, 2),
          fmtStats(cpu('get', 'emptyGet'), 2),
        ],
        [
          'GET /v1/orders/{id} ÷ empty GET on a dynamic route (not a goal: what is ours)',
          fmtStats(rps('get', 'emptyDynGet'), 2),
          fmtStats(p99('get', 'emptyDynGet'), 2),
          fmtStats(cpu('get', 'emptyDynGet'), 2),
        ],
        [
          "empty GET: dynamic route ÷ static route (Next's routing)",
          fmtStats(rps('emptyDynGet', 'emptyGet'), 2),
          fmtStats(p99('emptyDynGet', 'emptyGet'), 2),
          fmtStats(cpu('emptyDynGet', 'emptyGet'), 2),
        ],
        [
          'empty POST, this app ÷ bare Next',
          fmtStats(rps('emptyPost', 'nextEmptyPost'), 2),
          fmtStats(p99('emptyPost', 'nextEmptyPost'), 2),
          fmtStats(cpu('emptyPost', 'nextEmptyPost'), 2),
        ],
        [
          'empty GET, this app ÷ bare Next',
          fmtStats(rps('emptyGet', 'nextEmptyGet'), 2),
          fmtStats(p99('emptyGet', 'nextEmptyGet'), 2),
          fmtStats(cpu('emptyGet', 'nextEmptyGet'), 2),
        ],
        [
          'POST /v1/orders ÷ bare node:http + SQLite',
          fmtStats(rps('post', 'barePost'), 2),
          fmtStats(p99('post', 'barePost'), 2),
          fmtStats(cpu('post', 'barePost'), 2),
        ],
        [
          'GET /v1/orders/{id} ÷ bare node:http + SQLite',
          fmtStats(rps('get', 'bareGet'), 2),
          fmtStats(p99('get', 'bareGet'), 2),
          fmtStats(cpu('get', 'bareGet'), 2),
        ],
        [
          'empty POST (Next) ÷ bare node:http + SQLite POST',
          fmtStats(rps('emptyPost', 'barePost'), 2),
          fmtStats(p99('emptyPost', 'barePost'), 2),
          fmtStats(cpu('emptyPost', 'barePost'), 2),
        ],
      ],
    ),
    '',
    ...table(
      ['goal', 'measured', ''],
      ['---', '--:', '---'],
      goals.map((g) => [g.name, g.value, goal(g.met)]),
    ),
  ];
  return { title: 'API throughput', markdown, goals };
}
