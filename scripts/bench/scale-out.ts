// Scale-out: the PostgreSQL store (DATABASE_URL) beside SQLite. API throughput of one instance on a
// SQLite file, one instance on PostgreSQL and two instances sharing one PostgreSQL database with the load
// split across both, interleaved round by round; then the fan-out across instances: kitchen streams on
// instance B while orders are posted and advanced on instance A (LISTEN/NOTIFY, lib/live/feed.ts),
// beside the same streams on A. PostgreSQL is $BENCH_DATABASE_URL (an admin URL) or a throwaway cluster
// from scripts/pg-cluster.sh; every measurement gets a fresh database, dropped at the end.
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  API_KEY,
  BASE_QUEUE,
  ROOT,
  SEED_BODY,
  cpuSeconds,
  fmt,
  fmtStats,
  freePort,
  freshDatabase,
  goal,
  percentile,
  placeOrder,
  run,
  runKitchen,
  sleep,
  sqliteDrain,
  staffCookie,
  startServer,
  stats,
  table,
  wallMs,
  type Drain,
  type Section,
  type Server,
  type Stats,
} from './common';
import { LoadProcess } from './fanout';
import type { StreamSpec } from './fanout-client';

export type ScaleOutOptions = {
  reps: number;
  duration: number;
  warmup: number;
  connections: number;
  streams: number;
  changes: number;
};

const TITLE = 'Scale-out: PostgreSQL, one and two instances';

// ---------------------------------------------------------------- PostgreSQL

type Postgres = { admin: string; version: string; pid: number | undefined; where: string };

/** What scripts/pg-cluster.sh would find: Debian's versioned bindir or an initdb on PATH. */
function postgresInstalled(): boolean {
  const debian =
    fs.existsSync('/usr/lib/postgresql') &&
    fs.readdirSync('/usr/lib/postgresql').some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
  return (
    debian ||
    (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, 'initdb')))
  );
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};
const withoutPassword = (url: string) => {
  const u = new URL(url);
  u.password = '';
  return u.toString();
};

async function admin<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** $BENCH_DATABASE_URL, or a throwaway cluster (stopped and removed by a cleanup); a string says why not. */
async function postgres(cleanups: Array<() => unknown>): Promise<Postgres | string> {
  let url = process.env.BENCH_DATABASE_URL;
  let pid: number | undefined;
  let where: string;
  if (url) {
    where = `$BENCH_DATABASE_URL (${withoutPassword(url)})`;
  } else {
    // pg-cluster.sh would install Debian's postgresql itself when run as root: a bench does not install.
    if (!postgresInstalled())
      return "PostgreSQL is not installed (no initdb): install Debian's `postgresql` package or set $BENCH_DATABASE_URL to an admin URL.";
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbj-bench-pg-'));
    const port = await freePort();
    cleanups.push(() => run('bash', [path.join(ROOT, 'scripts', 'pg-cluster.sh'), '--stop', dir], process.env, 60_000));
    try {
      const out = await run(
        'bash',
        [path.join(ROOT, 'scripts', 'pg-cluster.sh'), dir, String(port)],
        process.env,
        2 * 60_000,
      );
      url = out.trim().split('\n').pop()?.trim() ?? '';
    } catch (err) {
      return `the throwaway PostgreSQL cluster did not start: ${err instanceof Error ? err.message.split('\n').slice(0, 6).join(' ') : String(err)}`;
    }
    pid = Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
    where = `a throwaway cluster from scripts/pg-cluster.sh (fsync=off, synchronous_commit=off: a test cluster)`;
  }
  try {
    const version = await admin(
      url,
      async (c) =>
        (await c.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]?.v ?? 'unknown',
    );
    return { admin: url, version, pid, where };
  } catch (err) {
    return `PostgreSQL at ${withoutPassword(url)} did not answer: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** A fresh database on the cluster, migrated and seeded like freshDatabase() (no demo orders); dropped by a cleanup. */
async function freshPgDatabase(pg: Postgres, label: string, cleanups: Array<() => unknown>): Promise<string> {
  const name = `bench_${label}_${process.pid}_${Date.now().toString(36)}`;
  await admin(pg.admin, (c) => c.query(`create database "${name}"`));
  cleanups.push(() => admin(pg.admin, (c) => c.query(`drop database if exists "${name}" with (force)`)));
  const url = withDatabase(pg.admin, name);
  await run(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/db-setup.ts', '--no-orders'],
    { ...process.env, DATABASE_URL: url, SEED_DEMO: 'true' },
    2 * 60_000,
  );
  return url;
}

// ---------------------------------------------------------------- the stand-in kitchen

/** The stand-in kitchen on a PostgreSQL database: the twin of common.ts's sqliteDrain. */
async function pgDrain(url: string, keep: string[]): Promise<Drain> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const drain: Drain = {
    peak: 0,
    tick: async () => {
      const { rows } = await c.query<{ n: number }>(`select count(*)::int as n from orders where status = 'queued'`);
      drain.peak = Math.max(drain.peak, rows[0]?.n ?? 0);
      await c.query(`update orders set status = 'delivered' where status = 'queued' and not (id = any($1::text[]))`, [
        keep,
      ]);
    },
    close: () => c.end(),
  };
  return drain;
}

// ---------------------------------------------------------------- throughput

type Key = 'sqlite' | 'pg1' | 'pg2';
type Config = { key: Key; label: string; servers: Server[]; orderId: string; postgres: boolean; drain: Drain };
type Method = 'POST' | 'GET';
type Sample = {
  rps: number;
  p50: number;
  p99: number;
  appCpuMs: number;
  pgCpuMs: number;
  requests: number;
  bad: number;
};

async function hit(
  c: Config,
  method: Method,
  seconds: number,
  connections: number,
  pgPid: number | undefined,
): Promise<Sample> {
  const urls = c.servers.map((s) => (method === 'POST' ? `${s.url}/v1/orders` : `${s.url}/v1/orders/${c.orderId}`));
  const appCpu = () => c.servers.reduce((sum, s) => sum + cpuSeconds(s.pid), 0);
  const pgCpu = () => (c.postgres ? cpuSeconds(pgPid) : NaN);
  const appBefore = appCpu();
  const pgBefore = pgCpu();
  const r = await autocannon({
    // Several URLs: autocannon deals its connections round-robin across them (its types say one string).
    url: (urls.length === 1 ? urls[0] : urls) as string,
    method,
    connections: Math.max(connections, urls.length),
    duration: seconds,
    timeout: 10,
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    ...(method === 'POST' ? { body: SEED_BODY } : {}),
  });
  return {
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    appCpuMs: ((appCpu() - appBefore) * 1000) / r.requests.total,
    pgCpuMs: ((pgCpu() - pgBefore) * 1000) / r.requests.total,
    requests: r.requests.total,
    bad: r.non2xx + r.errors + r.timeouts,
  };
}

async function throughputRounds(
  pg: Postgres,
  tmp: string,
  opts: ScaleOutOptions,
  cleanups: Array<() => unknown>,
): Promise<{ markdown: string[]; peak: number }> {
  const configs: Config[] = [];
  const stops: Array<() => Promise<void>> = [];
  const serve = async (env: Record<string, string>, databasePath: string) => {
    const s = await startServer({ databasePath, env });
    cleanups.push(() => s.stop());
    stops.push(() => s.stop());
    return s;
  };
  const queueOf = async (s: Server) => {
    const ids: string[] = [];
    for (let i = 0; i < BASE_QUEUE; i++) ids.push(await placeOrder(s.url));
    return ids;
  };
  {
    const file = await freshDatabase(tmp, 'scale-out.sqlite');
    const s = await serve({ DATABASE_URL: '' }, file);
    const keep = await queueOf(s);
    const drain = await sqliteDrain(file, keep);
    cleanups.push(() => drain.close());
    configs.push({
      key: 'sqlite',
      label: 'one instance, SQLite',
      servers: [s],
      orderId: keep[0] ?? '',
      postgres: false,
      drain,
    });
  }
  for (const [key, n] of [
    ['pg1', 1],
    ['pg2', 2],
  ] as const) {
    const url = await freshPgDatabase(pg, `${key}`, cleanups);
    const servers: Server[] = [];
    for (let i = 0; i < n; i++) servers.push(await serve({ DATABASE_URL: url }, path.join(tmp, 'unused.sqlite')));
    const keep = await queueOf(servers[0] as Server);
    const drain = await pgDrain(url, keep);
    cleanups.push(() => drain.close());
    configs.push({
      key,
      label: n === 1 ? 'one instance, PostgreSQL' : 'two instances, one PostgreSQL database',
      servers,
      orderId: keep[0] ?? '',
      postgres: true,
      drain,
    });
  }
  const stopKitchen = runKitchen(configs.map((c) => c.drain));
  cleanups.push(stopKitchen);

  const methods: Method[] = ['POST', 'GET'];
  const failures: string[] = [];
  const samples = new Map<string, Sample[]>();
  const id = (c: Config, m: Method) => `${c.key} ${m}`;
  const once = async (c: Config, m: Method, seconds: number, record: boolean) => {
    const s = await hit(c, m, seconds, opts.connections, pg.pid);
    if (s.bad) failures.push(`${m} on ${c.label}: ${s.bad} failed requests`);
    if (record) samples.set(id(c, m), [...(samples.get(id(c, m)) ?? []), s]);
    return s;
  };
  const warmSeconds = Math.min(5, opts.duration);
  console.log(
    `throughput: warm-up round (${warmSeconds} s per target), then ${opts.reps} × (${opts.warmup} s + ${opts.duration} s) per target, ${opts.connections} connections (split across the instances)`,
  );
  for (const c of configs) for (const m of methods) await once(c, m, warmSeconds, false);
  for (let round = 1; round <= opts.reps; round++) {
    const line: string[] = [];
    for (const c of configs) {
      for (const m of methods) {
        await once(c, m, opts.warmup, false);
        line.push(`${id(c, m)} ${fmt((await once(c, m, opts.duration, true)).rps)}`);
      }
    }
    console.log(`round ${round}/${opts.reps} req/s: ${line.join(' · ')}`);
  }
  stopKitchen();
  const peak = Math.max(...configs.map((c) => c.drain.peak));
  if (failures.length)
    throw new Error(
      `requests failed, figures not written:\n${failures.join('\n')}\n${configs.flatMap((c) => c.servers.map((s) => s.logs().split('\n').slice(-10).join('\n'))).join('\n')}`,
    );
  for (const stop of stops) await stop();

  const of = (k: Key, m: Method) => samples.get(`${k} ${m}`) ?? [];
  const ratio = (a: Key, b: Key, m: Method, f: (x: Sample) => number): Stats =>
    stats(
      of(a, m).flatMap((x, i) => {
        const y = of(b, m)[i];
        return y ? [f(x) / f(y)] : [];
      }),
    );
  const rows = configs.flatMap((c) =>
    methods.map((m) => {
      const s = of(c.key, m);
      const pick = (f: (x: Sample) => number, digits = 0) => fmtStats(stats(s.map(f)), digits);
      return [
        `${m === 'POST' ? 'POST /v1/orders' : 'GET /v1/orders/{id}'}, ${c.label}`,
        pick((x) => x.rps),
        pick((x) => x.p50, 1),
        pick((x) => x.p99, 1),
        pick((x) => x.appCpuMs, 3),
        c.postgres ? (pg.pid === undefined ? '–' : pick((x) => x.pgCpuMs, 3)) : '',
        String(s.reduce((n, x) => n + x.requests, 0)),
      ];
    }),
  );
  const comparisons = methods.flatMap((m) => {
    const label = m === 'POST' ? 'POST /v1/orders' : 'GET /v1/orders/{id}';
    return [
      [
        `${label}: one instance, PostgreSQL ÷ SQLite`,
        fmtStats(
          ratio('pg1', 'sqlite', m, (x) => x.rps),
          2,
        ),
        fmtStats(
          ratio('pg1', 'sqlite', m, (x) => x.p99),
          2,
        ),
        fmtStats(
          ratio('pg1', 'sqlite', m, (x) => x.appCpuMs),
          2,
        ),
      ],
      [
        `${label}: two instances ÷ one, PostgreSQL`,
        fmtStats(
          ratio('pg2', 'pg1', m, (x) => x.rps),
          2,
        ),
        fmtStats(
          ratio('pg2', 'pg1', m, (x) => x.p99),
          2,
        ),
        fmtStats(
          ratio('pg2', 'pg1', m, (x) => x.appCpuMs),
          2,
        ),
      ],
    ];
  });
  const markdown = [
    `**Throughput.** ${opts.reps} rounds; per target and round ${opts.warmup} s warm-up then ${opts.duration} s measured, ${opts.connections} connections in all (autocannon, in the bench's process; with two instances it deals them round-robin, ${Math.ceil(opts.connections / 2)} to each, so req/s is the sum and p50/p99 are over both). Each configuration has its own fresh database; open queue ${BASE_QUEUE} orders, peaking at ${peak} during POST. "App CPU" is the \`next start\` processes' (both, with two instances) per request; "PostgreSQL CPU" is the cluster's postmaster and backends per request${pg.pid === undefined ? " (not measured: the cluster is $BENCH_DATABASE_URL, not this run's)" : ''}.`,
    '',
    ...table(
      ['target', 'req/s', 'p50 ms', 'p99 ms', 'app CPU ms/request', 'PostgreSQL CPU ms/request', 'requests'],
      ['---', '--:', '--:', '--:', '--:', '--:', '--:'],
      rows,
    ),
    '',
    ...table(
      ['comparison (per round, median (min–max))', 'req/s ratio', 'p99 ratio', 'app CPU/request ratio'],
      ['---', '--:', '--:', '--:'],
      comparisons,
    ),
  ];
  return { markdown, peak };
}

// ---------------------------------------------------------------- fan-out across instances

type Phase = {
  label: string;
  p50: number[];
  p95: number[];
  max: number[];
  p95FromSent: number[];
  writeMs: number[];
  missed: number;
  failedOpen: number;
};

async function fanoutAcross(
  pg: Postgres,
  tmp: string,
  opts: ScaleOutOptions,
  cleanups: Array<() => unknown>,
): Promise<{ markdown: string[]; across: Phase; same: Phase }> {
  const url = await freshPgDatabase(pg, 'fanout', cleanups);
  const a = await startServer({ databasePath: path.join(tmp, 'unused.sqlite'), env: { DATABASE_URL: url } });
  cleanups.push(() => a.stop());
  const b = await startServer({ databasePath: path.join(tmp, 'unused.sqlite'), env: { DATABASE_URL: url } });
  cleanups.push(() => b.stop());
  const load = new LoadProcess();
  cleanups.push(() => load.stop());
  const cookieA = await staffCookie(a.url);

  const measure = async (label: string, on: Server): Promise<Phase> => {
    const cookie = await staffCookie(on.url);
    const streams: StreamSpec[] = Array.from({ length: opts.streams }, () => ({ path: '/api/events', cookie }));
    const expect = streams.map((_, i) => i);
    const opened = await load.ask({ type: 'open', base: on.url, streams }, 'opened');
    const phase: Phase = {
      label,
      p50: [],
      p95: [],
      max: [],
      p95FromSent: [],
      writeMs: [],
      missed: 0,
      failedOpen: opened.failed,
    };
    console.log(`fan-out, ${label}: ${opened.ready}/${opts.streams} kitchen streams ready`);
    let order = '';
    // One unrecorded change first (the instance's first read of the log, its listener's first wake-up).
    for (let c = -1; c < opts.changes; c++) {
      await sleep(300);
      await load.ask({ type: 'mark' }, 'marked');
      const post = c % 2 !== 0; // post a new order, then advance it (queued → prepping): both reach every kitchen stream
      const sent = wallMs();
      const res = post
        ? await fetch(`${a.url}/v1/orders`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
            body: SEED_BODY,
          })
        : await fetch(`${a.url}/api/orders/${order}/advance`, {
            method: 'POST',
            headers: { cookie: cookieA, 'content-type': 'application/json' },
            body: JSON.stringify({ version: 1 }),
          });
      const answered = wallMs();
      const body: unknown = await res.json();
      if (!res.ok)
        throw new Error(
          `${post ? 'POST /v1/orders' : 'advance'} on instance A answered ${res.status}: ${JSON.stringify(body)}`,
        );
      if (post)
        order =
          body && typeof body === 'object' && 'order_id' in body && typeof body.order_id === 'string'
            ? body.order_id
            : '';
      const { times } = await load.ask({ type: 'collect', expect, timeoutMs: 20_000 }, 'collected');
      const arrived = expect.map((i) => times[i] ?? NaN).filter((x) => Number.isFinite(x));
      const got = arrived.map((t) => t - answered).sort((x, y) => x - y);
      const fromSent = arrived.map((t) => t - sent).sort((x, y) => x - y);
      if (c < 0) continue;
      phase.missed += expect.length - got.length;
      phase.p50.push(percentile(got, 50));
      phase.p95.push(percentile(got, 95));
      phase.max.push(got[got.length - 1] ?? NaN);
      phase.p95FromSent.push(percentile(fromSent, 95));
      phase.writeMs.push(answered - sent);
      console.log(
        `  ${post ? 'post   ' : 'advance'} ${c + 1}: A answered in ${fmt(answered - sent, 1)} ms; after it p50 ${fmt(percentile(got, 50), 1)} ms, p95 ${fmt(percentile(got, 95), 1)} ms, max ${fmt(got[got.length - 1] ?? NaN, 1)} ms, ${got.length}/${expect.length} reached`,
      );
    }
    await load.ask({ type: 'close' }, 'closed');
    await sleep(500);
    return phase;
  };

  const same = await measure('streams on A (same instance)', a);
  const across = await measure('streams on B (across instances)', b);
  load.stop();
  await a.stop();
  await b.stop();

  const rows = [same, across].map((p) => [
    p.label,
    fmtStats(stats(p.p50), 1),
    fmtStats(stats(p.p95), 1),
    fmtStats(stats(p.max), 1),
    fmtStats(stats(p.p95FromSent), 1),
    fmtStats(stats(p.writeMs), 1),
    String(p.missed + p.failedOpen),
  ]);
  const markdown = [
    `**Fan-out across instances.** Two \`next start\` instances, A and B, on one fresh PostgreSQL database; ${opts.streams} kitchen streams (\`/api/events\`, load process \`fanout-client.ts\` as in the fan-out part) on B, then the same on A for comparison. Orders are written on A only: ${opts.changes} changes after one unrecorded one, alternately \`POST /v1/orders\` and the kitchen's advance of that order, 300 ms apart. Delivery time runs from A's response to the write reaching the bench to each stream's event (the same machine clock); B learns of the write by LISTEN/NOTIFY and reads it from the event log. With the streams on A the event can reach them before the response reaches the bench, so those figures can be negative; the time from the request being sent does not depend on that. Figures are the median (min–max) over the changes of each change's percentile over the streams.`,
    '',
    ...table(
      [
        'streams',
        'p50 ms',
        'p95 ms',
        'max ms',
        'p95 from the request sent, ms',
        'A answers the write, ms',
        'not reached',
      ],
      ['---', '--:', '--:', '--:', '--:', '--:', '--:'],
      rows,
    ),
  ];
  return { markdown, across, same };
}

// ---------------------------------------------------------------- the part

export async function scaleOut(tmp: string, opts: ScaleOutOptions, cleanups: Array<() => unknown>): Promise<Section> {
  console.log('\n== Scale-out');
  const pg = await postgres(cleanups);
  if (typeof pg === 'string') {
    console.log(`skipped: ${pg}`);
    return { title: TITLE, markdown: [`Skipped: ${pg}`], goals: [] };
  }
  console.log(`PostgreSQL ${pg.version}: ${pg.where}`);
  const tp = await throughputRounds(pg, tmp, opts, cleanups);
  const fo = await fanoutAcross(pg, tmp, opts, cleanups);
  const p95 = stats(fo.across.p95);
  const reached = fo.across.missed + fo.across.failedOpen + fo.same.missed + fo.same.failedOpen;
  const goals = [
    {
      name: `fan-out p95 < 100 ms across instances (${opts.streams} kitchen streams on B, writes on A)`,
      value: `${fmtStats(p95, 1)} ms`,
      met: p95.median < 100,
    },
    {
      name: 'every change written on A reaches every kitchen stream on B',
      value: reached === 0 ? 'yes' : `${reached} missed`,
      met: reached === 0,
    },
  ];
  const markdown = [
    `PostgreSQL ${pg.version}, ${pg.where}. One machine holds everything (the instances, PostgreSQL and the load), so a second instance adds no CPU: on 2 cores two instances cannot double anything. These figures show that several instances on one database work and what the shared store costs per request, not how far it scales.`,
    '',
    ...tp.markdown,
    '',
    ...fo.markdown,
    '',
    ...table(
      ['goal', 'measured', ''],
      ['---', '--:', '---'],
      goals.map((g) => [g.name, g.value, goal(g.met)]),
    ),
  ];
  return { title: TITLE, markdown, goals };
}
