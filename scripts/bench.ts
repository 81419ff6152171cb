// `npm run bench`: measures our API route handlers against an empty Next route handler of the same
// method, on a production build, and writes the figures into docs/benchmarks.md (design.md "Live
// updates": framework cost dominates, so our handlers should reach ≥ 0.8× the empty handler).
//
//   npm run bench                     build into .next-bench, measure, remove .next-bench again
//   npm run bench -- --keep-build     keep .next-bench for a later `--no-build` run
//   npm run bench -- --no-build       reuse an existing .next-bench
//   options: --reps=3 --duration=5 --warmup=2 --connections=10
//
// Timing never fails the run: it exits 1 only when the server does not start or requests error out.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const DIST_DIR = '.next-bench';
const DOC = path.join(ROOT, 'docs', 'benchmarks.md');
const HOST = '127.0.0.1';
const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';
/** Open orders kept in the queue while measuring: a busy lunch, not an empty kitchen. */
const BASE_QUEUE = 10;
const DRAIN_EVERY_MS = 100;

// The seed's example request (PB&J API guide, "Example request and response").
const SEED_BODY = JSON.stringify({
  customer_id: 'cus_2048',
  bread: 'brioche',
  peanut_butter: 'smooth',
  jelly: 'grape',
  toast: 'light',
  cut: 'halves',
  extras: ['banana_slices'],
});

// ---------------------------------------------------------------- options

type Options = { build: boolean; keepBuild: boolean; reps: number; duration: number; warmup: number; connections: number };

function parseArgs(argv: string[]): Options {
  const opts: Options = { build: true, keepBuild: false, reps: 3, duration: 5, warmup: 2, connections: 10 };
  const positive = (name: string, value: string, min: number, max: number): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${value}".`);
    return n;
  };
  for (const arg of argv) {
    const [flag, value = ''] = arg.split('=', 2);
    switch (flag) {
      case '--no-build': opts.build = false; break;
      case '--keep-build': opts.keepBuild = true; break;
      case '--reps': opts.reps = positive('reps', value, 3, 20); break;
      case '--duration': opts.duration = positive('duration', value, 1, 60); break;
      case '--warmup': opts.warmup = positive('warmup', value, 1, 30); break;
      case '--connections': opts.connections = positive('connections', value, 1, 200); break;
      default: throw new Error(`Unknown option ${arg}. Options: --no-build --keep-build --reps=N --duration=S --warmup=S --connections=N`);
    }
  }
  return opts;
}

// ---------------------------------------------------------------- small helpers

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function versionOf(pkg: string): string {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8'));
    if (parsed && typeof parsed === 'object' && 'version' in parsed && typeof parsed.version === 'string') return parsed.version;
  } catch {
    /* reported as unknown */
  }
  return 'unknown';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no free port'))));
    });
  });
}

/** Runs a command to completion within `timeoutMs`; rejects with the tail of its output otherwise. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output.split('\n').slice(-40).join('\n')}`));
    });
  });
}

type Stats = { median: number; min: number; max: number };
function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN };
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const fmtStats = (s: Stats, digits = 0) => `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;

// ---------------------------------------------------------------- the build

/**
 * `next build` rewrites tsconfig.json (adds `.next-bench/types` to `include`) and next-env.d.ts (imports
 * `.next-bench/types`). Other people work in this checkout: take back exactly those changes, nothing else.
 */
function undoBuildEdits(tsconfigBefore: string, nextEnvBefore: string | undefined): string[] {
  const notes: string[] = [];
  const tsconfigPath = path.join(ROOT, 'tsconfig.json');
  const now = fs.readFileSync(tsconfigPath, 'utf8');
  if (now !== tsconfigBefore && now.includes(DIST_DIR)) {
    try {
      const ours = (entry: unknown) => typeof entry === 'string' && entry.startsWith(`${DIST_DIR}/`);
      const parsed: unknown = JSON.parse(now);
      if (!parsed || typeof parsed !== 'object' || !('include' in parsed) || !Array.isArray(parsed.include)) throw new Error('no include list');
      parsed.include = parsed.include.filter((entry) => !ours(entry));
      const before: unknown = JSON.parse(tsconfigBefore);
      if (JSON.stringify(before) === JSON.stringify(parsed)) {
        fs.writeFileSync(tsconfigPath, tsconfigBefore);
      } else {
        fs.writeFileSync(tsconfigPath, `${JSON.stringify(parsed, null, 2)}\n`);
        notes.push('tsconfig.json changed during the build besides next build\'s edit: removed only the .next-bench entries.');
      }
    } catch (err) {
      notes.push(`next build added .next-bench to tsconfig.json and it could not be taken back (${err instanceof Error ? err.message : String(err)}): remove it by hand.`);
    }
  }
  const nextEnvPath = path.join(ROOT, 'next-env.d.ts');
  if (nextEnvBefore !== undefined && fs.existsSync(nextEnvPath) && fs.readFileSync(nextEnvPath, 'utf8').includes(DIST_DIR)) {
    fs.writeFileSync(nextEnvPath, nextEnvBefore);
  }
  return notes;
}

async function build(): Promise<void> {
  const tsconfigBefore = fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8');
  const nextEnvPath = path.join(ROOT, 'next-env.d.ts');
  const nextEnvBefore = fs.existsSync(nextEnvPath) ? fs.readFileSync(nextEnvPath, 'utf8') : undefined;
  const started = Date.now();
  process.stdout.write(`Building a production build into ${DIST_DIR}/ … `);
  try {
    await run('npx', ['next', 'build'], { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' }, 10 * 60_000);
  } finally {
    for (const note of undoBuildEdits(tsconfigBefore, nextEnvBefore)) console.warn(`\n  note: ${note}`);
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

// ---------------------------------------------------------------- the server

type Server = { url: string; pid: number | undefined; stop: () => Promise<void>; logs: () => string };

async function startServer(databasePath: string): Promise<Server> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port), '-H', HOST], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXT_DIST_DIR: DIST_DIR,
      DATABASE_PATH: databasePath,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      RATE_LIMIT_PER_MINUTE: '100000000', // the limiter still runs (a write per request), it just never trips
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  const url = `http://${HOST}:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer GET /api/health with 200 within 60 s:\n${output}`);
    }
    await sleep(100);
  }
  return { url, pid: child.pid, stop, logs: () => output };
}

// ---------------------------------------------------------------- measuring

type TargetKey = 'emptyGet' | 'get' | 'emptyPost' | 'post';
type Target = { key: TargetKey; label: string; method: 'GET' | 'POST'; path: string; body?: string };
type Sample = { rps: number; p50: number; p99: number; cpuMsPerReq: number; requests: number; non2xx: number; errors: number; timeouts: number };

/**
 * CPU seconds the server process has used so far (all its threads), from /proc; NaN where there is none.
 * Per request, this is what the handler costs whatever else the machine is doing, unlike req/s.
 */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)", which may itself hold spaces and parentheses: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return ticks / 100; // USER_HZ: /proc counts in 1/100 s on Linux
  } catch {
    return NaN;
  }
}
type Failure = { target: string; phase: string; non2xx: number; errors: number; timeouts: number };

async function hit(server: Server, target: Target, seconds: number, connections: number, apiKey: string): Promise<Sample> {
  const cpuBefore = cpuSeconds(server.pid);
  const result = await autocannon({
    url: `${server.url}${target.path}`,
    method: target.method,
    connections,
    duration: seconds,
    timeout: 10,
    // The same headers everywhere: the empty handlers read nothing but the body, but parse the same request.
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    ...(target.body !== undefined ? { body: target.body } : {}),
  });
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerReq: ((cpuSeconds(server.pid) - cpuBefore) * 1000) / result.requests.total,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Every bench order but the base queue is handed off every 100 ms, as a kitchen that keeps up would. */
async function startKitchen(keep: string[]): Promise<{ stop: () => void; peak: () => number }> {
  const { getDb } = await import('@/db/client');
  const { orders } = await import('@/db/schema');
  const { and, count, eq, notInArray } = await import('drizzle-orm');
  const db = getDb();
  const handOff = db.update(orders).set({ status: 'delivered' }).where(and(eq(orders.status, 'queued'), notInArray(orders.id, keep))).prepare();
  const open = db.select({ n: count() }).from(orders).where(eq(orders.status, 'queued')).prepare();
  let peak = 0;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, open.get()?.n ?? 0);
      handOff.run();
    } catch (err) {
      console.warn('bench kitchen: hand-off failed', err); // busy past the timeout: the next tick catches up
    }
  }, DRAIN_EVERY_MS);
  return { stop: () => clearInterval(timer), peak: () => peak };
}

// ---------------------------------------------------------------- the report

type Row = { target: Target; rps: Stats; p50: Stats; p99: Stats; cpu: Stats; requests: number };
type Ratio = { label: string; throughput: Stats; p99: Stats; p50: Stats; cpu: Stats };
type Report = { date: string; facts: Array<[string, string]>; settings: string; rows: Row[]; ratios: Ratio[]; queue: string; notes: string[] };

const GOAL = 0.8;
const verdict = (s: Stats) => (s.median >= GOAL ? 'meets' : 'below');

function resultsMarkdown(r: Report): string {
  const lines = [
    START,
    '## Results',
    '',
    `Run ${r.date}. ${r.settings}`,
    '',
    '| Machine | |',
    '|---|---|',
    ...r.facts.map(([k, v]) => `| ${k} | ${v} |`),
    '',
    '| Endpoint | req/s | p50 ms | p99 ms | server CPU ms/request | requests measured |',
    '|---|--:|--:|--:|--:|--:|',
    ...r.rows.map((row) => `| ${row.target.label} | ${fmtStats(row.rps)} | ${fmtStats(row.p50, 1)} | ${fmtStats(row.p99, 1)} | ${fmtStats(row.cpu, 2)} | ${row.requests} |`),
    '',
    'Medians of the repetitions, min–max in brackets.',
    '',
    `| Ours vs empty handler | throughput (ours/empty req/s) | p50 (empty/ours) | p99 (empty/ours) | CPU/request (empty/ours) | goal ≥ ${GOAL}× |`,
    '|---|--:|--:|--:|--:|---|',
    ...r.ratios.map((x) => `| ${x.label} | ${fmtStats(x.throughput, 2)} | ${fmtStats(x.p50, 2)} | ${fmtStats(x.p99, 2)} | ${fmtStats(x.cpu, 2)} | ${verdict(x.throughput)} (throughput), ${verdict(x.p99)} (p99) |`),
    '',
    'Ratios are taken per round (each round measures all four endpoints back to back) and summarised as',
    'median (min–max); 1.00 means as fast as the empty handler. Latency ratios are empty/ours so that, like',
    'throughput, higher is better. Server CPU per request (utime + stime of the `next start` process from',
    '/proc over the measurement, divided by the requests) hardly depends on what else the machine is doing,',
    'so it is the steadiest of the figures when the load average is high.',
    '',
    r.queue,
    ...(r.notes.length ? ['', ...r.notes.map((n) => `- ${n}`)] : []),
    END,
  ];
  return lines.join('\n');
}

function docTemplate(results: string): string {
  return `# Benchmarks

How much do our API route handlers cost on top of Next itself? design.md ("Live updates", "Framework
cost dominates") sets the goal: **our handlers reach at least 0.8× the throughput of an empty Next route
handler of the same method reading the same body**. \`npm run bench\` measures that.

## Method
- \`scripts/bench.ts\` builds the app in production mode into its own dist dir (\`NEXT_DIST_DIR=.next-bench\`,
  leaving \`.next\` alone), creates a fresh temporary SQLite database with \`scripts/db-setup.ts\`
  (\`SEED_DEMO=false\`: the menu and the demo key \`pbj_test_8dd1f2\`, no orders) and starts
  \`next start\` on a free port on 127.0.0.1 with \`NODE_ENV=production\` and
  \`RATE_LIMIT_PER_MINUTE=100000000\` (the rate limiter still counts every request, it never trips).
- Endpoints, all with the same headers (\`Content-Type: application/json\`, \`X-API-Key: pbj_test_8dd1f2\`):
  - \`POST /v1/orders\` with the seed's example body (brioche, smooth, grape, light, halves, banana slices);
  - \`GET /v1/orders/{id}\` for an order the script placed first;
  - \`GET /api/bench/empty\`: an empty route handler returning \`Response.json({ ok: true })\`;
  - \`POST /api/bench/empty\`: the same, after \`await req.json()\` on the same body.
- Load: [autocannon](https://github.com/mcollina/autocannon) through its programmatic API, in the
  script's own process, with 10 connections by default. The machine has 2 cores and autocannon shares them
  with the server, so a moderate connection count keeps the load generator from starving the server;
  absolute figures are therefore lower than on a dedicated load generator, the ratios are what matters.
- Before measuring, ${BASE_QUEUE} orders are placed and kept queued (a busy lunch); the GET target is one of them.
  POST creates an order per request, and the ETA in every answer is computed from the whole open queue,
  so an unbounded queue would make each repetition slower than the last. A stand-in kitchen in the
  script hands off (marks delivered) every other queued order every ${DRAIN_EVERY_MS} ms, so POST sees the base
  queue plus what arrived in the last ${DRAIN_EVERY_MS} ms; the peak is reported with the results.
- One unrecorded warm-up round (5 s per endpoint, for the JIT), then rounds of: for each endpoint a 2 s
  warm-up and a 5 s measurement, in the order empty GET, GET, empty POST, POST. At least 3 rounds;
  the table gives the median of the rounds with min–max. Interleaving the rounds spreads any
  background load over all four endpoints alike.
- req/s is requests completed / measured seconds; p50 and p99 are autocannon's latency percentiles;
  server CPU ms/request is the \`next start\` process's CPU time (from /proc) over the measurement divided
  by the requests, which stays meaningful when other work shares the cores.
- The run fails (exit 1) only if the server does not start or a request errors out (non-2xx, socket
  error, timeout); timing never fails it. The temporary database is deleted afterwards, and so is
  \`.next-bench\` unless \`--keep-build\` is given (it is not in ESLint's ignores, so \`npm run lint\`
  would lint the build output).

## How to re-run
\`\`\`
npm run bench                      # build into .next-bench, measure, write this file's results
npm run bench -- --keep-build      # … and keep .next-bench
npm run bench -- --no-build        # reuse a kept .next-bench
npm run bench -- --reps=5 --duration=10 --warmup=2 --connections=10
\`\`\`
Close other heavy processes first: on 2 cores a concurrent build or test run shows up in the figures
(the load average at the start and end of the run is recorded below).

${results}
`;
}

function writeDoc(results: string): void {
  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  const existing = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : undefined;
  const start = existing?.indexOf(START) ?? -1;
  const end = existing?.indexOf(END) ?? -1;
  if (existing !== undefined && start >= 0 && end > start) {
    fs.writeFileSync(DOC, existing.slice(0, start) + results + existing.slice(end + END.length));
  } else {
    fs.writeFileSync(DOC, docTemplate(results));
  }
}

function printReport(r: Report): void {
  console.log(`\nMachine: ${r.facts.map(([k, v]) => `${k} ${v}`).join(' · ')}`);
  console.log(r.settings);
  const table = r.rows.map((row) => ({
    endpoint: row.target.label,
    'req/s': fmtStats(row.rps),
    'p50 ms': fmtStats(row.p50, 1),
    'p99 ms': fmtStats(row.p99, 1),
    'CPU ms/req': fmtStats(row.cpu, 2),
    requests: row.requests,
  }));
  console.table(table);
  console.table(
    r.ratios.map((x) => ({
      comparison: x.label,
      'throughput ours/empty': fmtStats(x.throughput, 2),
      'p50 empty/ours': fmtStats(x.p50, 2),
      'p99 empty/ours': fmtStats(x.p99, 2),
      'CPU/req empty/ours': fmtStats(x.cpu, 2),
      [`goal ≥ ${GOAL}×`]: `${verdict(x.throughput)} / ${verdict(x.p99)}`,
    })),
  );
  console.log(r.queue);
  for (const note of r.notes) console.log(`note: ${note}`);
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  const cleanups: Array<() => Promise<void> | void> = [];
  const cleanup = async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      try {
        await fn?.();
      } catch (err) {
        console.warn('cleanup:', err instanceof Error ? err.message : err);
      }
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping.`);
    void cleanup().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // A hard upper bound on the whole run, whatever hangs.
  const budgetMs = 15 * 60_000 + (opts.reps + 1) * 4 * (opts.warmup + opts.duration + 5) * 1000;
  const watchdog = setTimeout(() => {
    console.error(`Bench exceeded its ${Math.round(budgetMs / 60_000)} min budget: stopping.`);
    void cleanup().then(() => process.exit(1));
  }, budgetMs);

  try {
    const loadBefore = os.loadavg();
    const cpus = os.cpus();
    const facts: Array<[string, string]> = [
      ['CPU cores (os.cpus())', `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`],
      ['Memory', `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
      ['OS', `${os.platform()} ${os.release()}`],
      ['Node', process.version],
      ['next', versionOf('next')],
      ['better-sqlite3', versionOf('better-sqlite3')],
      ['autocannon', versionOf('autocannon')],
    ];
    console.log(facts.map(([k, v]) => `${k}: ${v}`).join('\n'));

    const builtHere = opts.build;
    if (opts.build) {
      cleanups.push(() => {
        if (!opts.keepBuild) fs.rmSync(path.join(ROOT, DIST_DIR), { recursive: true, force: true });
      });
      await build();
    } else if (!fs.existsSync(path.join(ROOT, DIST_DIR, 'BUILD_ID'))) {
      throw new Error(`--no-build: there is no build in ${DIST_DIR}/. Run \`npm run bench -- --keep-build\` once first.`);
    }

    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pbj-bench-'));
    cleanups.push(() => fs.rmSync(tmp, { recursive: true, force: true }));
    const databasePath = path.join(tmp, 'bench.sqlite');
    await run('npx', ['tsx', 'scripts/db-setup.ts'], { ...process.env, DATABASE_PATH: databasePath, SEED_DEMO: 'false' }, 2 * 60_000);

    // This process opens the same file for the stand-in kitchen (after the variable is set: env() reads it once).
    process.env.DATABASE_PATH = databasePath;
    const { closeDb } = await import('@/db/client');
    const { DEMO_API_KEY } = await import('@/db/seed');
    cleanups.push(() => closeDb());

    const server = await startServer(databasePath);
    cleanups.push(() => server.stop());
    console.log(`next start is answering on ${server.url} (database ${databasePath}).`);

    // The base queue; the first order is the GET target. Each answer is checked once by hand.
    const headers = { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY };
    const queue: string[] = [];
    for (let i = 0; i < BASE_QUEUE; i++) {
      const res = await fetch(`${server.url}/v1/orders`, { method: 'POST', headers, body: SEED_BODY, signal: AbortSignal.timeout(10_000) });
      const body: unknown = await res.json();
      const id = body && typeof body === 'object' && 'order_id' in body && typeof body.order_id === 'string' ? body.order_id : undefined;
      if (res.status !== 201 || !id) throw new Error(`POST /v1/orders answered ${res.status}: ${JSON.stringify(body)}`);
      queue.push(id);
    }
    const orderId = queue[0] ?? '';
    const targets: Target[] = [
      { key: 'emptyGet', label: 'GET /api/bench/empty (empty handler)', method: 'GET', path: '/api/bench/empty' },
      { key: 'get', label: 'GET /v1/orders/{id}', method: 'GET', path: `/v1/orders/${orderId}` },
      { key: 'emptyPost', label: 'POST /api/bench/empty (empty handler, reads the body)', method: 'POST', path: '/api/bench/empty', body: SEED_BODY },
      { key: 'post', label: 'POST /v1/orders', method: 'POST', path: '/v1/orders', body: SEED_BODY },
    ];
    for (const t of targets.filter((x) => x.key !== 'post')) {
      const res = await fetch(`${server.url}${t.path}`, { method: t.method, headers, body: t.body, signal: AbortSignal.timeout(10_000) });
      if (res.status !== 200) throw new Error(`${t.method} ${t.path} answered ${res.status} (a stale --no-build build?): ${await res.text()}`);
    }

    const kitchen = await startKitchen(queue);
    cleanups.push(() => kitchen.stop());

    const failures: Failure[] = [];
    const check = (t: Target, phase: string, s: Sample) => {
      if (s.non2xx || s.errors || s.timeouts) failures.push({ target: `${t.method} ${t.path}`, phase, non2xx: s.non2xx, errors: s.errors, timeouts: s.timeouts });
    };
    const perRound = targets.length * (opts.warmup + opts.duration);
    console.log(`Warm-up round (5 s per endpoint), then ${opts.reps} rounds of ${opts.warmup} s warm-up + ${opts.duration} s measurement per endpoint, ${opts.connections} connections: about ${Math.ceil((20 + opts.reps * perRound) / 60)} min.`);
    for (const t of targets) check(t, 'warm-up round', await hit(server, t, 5, opts.connections, DEMO_API_KEY));

    const samples = new Map<TargetKey, Sample[]>(targets.map((t) => [t.key, []]));
    for (let round = 1; round <= opts.reps; round++) {
      const line: string[] = [];
      for (const t of targets) {
        check(t, `round ${round} warm-up`, await hit(server, t, opts.warmup, opts.connections, DEMO_API_KEY));
        const s = await hit(server, t, opts.duration, opts.connections, DEMO_API_KEY);
        check(t, `round ${round}`, s);
        samples.get(t.key)?.push(s);
        line.push(`${t.key} ${fmt(s.rps)} req/s`);
      }
      console.log(`round ${round}/${opts.reps}: ${line.join(' · ')}`);
    }
    kitchen.stop();
    const loadAfter = os.loadavg();

    const of = (key: TargetKey): Sample[] => samples.get(key) ?? [];
    const rows: Row[] = targets.map((t) => ({
      target: t,
      rps: stats(of(t.key).map((s) => s.rps)),
      p50: stats(of(t.key).map((s) => s.p50)),
      p99: stats(of(t.key).map((s) => s.p99)),
      cpu: stats(of(t.key).map((s) => s.cpuMsPerReq)),
      requests: of(t.key).reduce((n, s) => n + s.requests, 0),
    }));
    const ratio = (label: string, ours: TargetKey, empty: TargetKey): Ratio => {
      const pairs = of(ours).flatMap((o, i) => {
        const e = of(empty)[i];
        return e ? [{ o, e }] : [];
      });
      return {
        label,
        throughput: stats(pairs.map(({ o, e }) => o.rps / e.rps)),
        p50: stats(pairs.map(({ o, e }) => e.p50 / o.p50)),
        p99: stats(pairs.map(({ o, e }) => e.p99 / o.p99)),
        cpu: stats(pairs.map(({ o, e }) => e.cpuMsPerReq / o.cpuMsPerReq)),
      };
    };
    const la = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
    const report: Report = {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      facts,
      settings: `${opts.reps} rounds × ${opts.duration} s per endpoint after ${opts.warmup} s warm-up, ${opts.connections} connections, production build (${builtHere ? 'built for this run' : 'reused --no-build'}). Load average (1/5/15 min) ${la(loadBefore)} at the start, ${la(loadAfter)} at the end.`,
      rows,
      ratios: [ratio('POST /v1/orders vs empty POST', 'post', 'emptyPost'), ratio('GET /v1/orders/{id} vs empty GET', 'get', 'emptyGet')],
      queue: `Open queue while measuring: ${BASE_QUEUE} kept orders; with POST's new orders it peaked at ${kitchen.peak()} queued (the stand-in kitchen hands off every ${DRAIN_EVERY_MS} ms).`,
      notes: [],
    };
    printReport(report);

    if (failures.length) {
      console.error('\nRequests errored out, so these figures are not written to docs/benchmarks.md:');
      console.table(failures);
      console.error(server.logs().split('\n').slice(-30).join('\n'));
      return 1;
    }
    writeDoc(resultsMarkdown(report));
    console.log(`\nWrote ${path.relative(ROOT, DOC)}.`);
    return 0;
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
