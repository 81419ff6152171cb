// `npm run bench`: every benchmark of issue #11 against one production build, figures into
// docs/benchmarks.md between its bench:results markers (the prose around them is written by hand).
//
//   npm run bench                      build into .next-bench, run everything, write the figures, remove the build
//   npm run bench -- --quick           1 repetition, short runs, 100 streams: checks it all works; writes nothing
//   npm run bench -- --only=throughput,latency,fanout,scaleout,webhook,cold,weight,profile
//   npm run bench -- --keep-build / --no-build      keep .next-bench, or reuse a kept one
//   options: --reps=3 --duration=5 --warmup=2 --connections=10 --orders=100 --streams=100,500,1000 --write
//
// Parts: scripts/bench/. The scale-out part runs on $BENCH_DATABASE_URL (a PostgreSQL admin URL) or a
// throwaway cluster from scripts/pg-cluster.sh, and is skipped when PostgreSQL is not installed. Timing
// never fails the run: it exits 1 only when a server does not start or requests fail. It never runs
// inside `npm test`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DIST_DIR,
  DOC,
  ROOT,
  freshDatabase,
  loadAverage,
  machineFacts,
  run,
  startServer,
  table,
  type Section,
  type Server,
} from './bench/common';
import { coldStart } from './bench/cold-start';
import { fanout } from './bench/fanout';
import { liveLatency } from './bench/latency';
import { pageWeight } from './bench/page-weight';
import { profile } from './bench/profile';
import { scaleOut } from './bench/scale-out';
import { throughput } from './bench/throughput';
import { WEBHOOK_ENV, webhookCost } from './bench/webhook';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';
const PARTS = ['weight', 'cold', 'throughput', 'latency', 'fanout', 'scaleout', 'webhook', 'profile'] as const;
type Part = (typeof PARTS)[number];

type Options = {
  build: boolean;
  keepBuild: boolean;
  quick: boolean;
  write: boolean;
  only: Set<Part>;
  reps: number;
  duration: number;
  warmup: number;
  connections: number;
  orders: number;
  streams: number[];
};

function parseArgs(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const opts: Options = {
    build: true,
    keepBuild: false,
    quick,
    write: !quick,
    only: new Set(PARTS),
    reps: quick ? 1 : 3,
    duration: quick ? 2 : 5,
    warmup: quick ? 1 : 2,
    connections: 10,
    orders: quick ? 30 : 100,
    streams: quick ? [100] : [100, 500, 1000],
  };
  const whole = (name: string, value: string, min: number, max: number): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${value}".`);
    return n;
  };
  for (const arg of argv) {
    const [flag, value = ''] = arg.split('=', 2);
    switch (flag) {
      case '--quick':
        break;
      case '--write':
        opts.write = true;
        break;
      case '--no-build':
        opts.build = false;
        break;
      case '--keep-build':
        opts.keepBuild = true;
        break;
      case '--only': {
        const parts = value.split(',');
        const unknown = parts.filter((p) => !(PARTS as readonly string[]).includes(p));
        if (unknown.length) throw new Error(`--only takes ${PARTS.join(',')}; unknown: ${unknown.join(',')}`);
        opts.only = new Set(parts as Part[]); // each checked against PARTS just above
        break;
      }
      case '--reps':
        opts.reps = whole('reps', value, 1, 20);
        break;
      case '--duration':
        opts.duration = whole('duration', value, 1, 60);
        break;
      case '--warmup':
        opts.warmup = whole('warmup', value, 1, 30);
        break;
      case '--connections':
        opts.connections = whole('connections', value, 1, 200);
        break;
      case '--orders':
        opts.orders = whole('orders', value, 10, 2000);
        break;
      case '--streams':
        opts.streams = value.split(',').map((v) => whole('streams', v, 1, 5000));
        break;
      default:
        throw new Error(`Unknown option ${arg}. See the head of scripts/bench.ts.`);
    }
  }
  // The results block is one report: a partial run writes it only when asked to.
  if (opts.only.size < PARTS.length && !argv.includes('--write')) opts.write = false;
  return opts;
}

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
      if (!parsed || typeof parsed !== 'object' || !('include' in parsed) || !Array.isArray(parsed.include))
        throw new Error('no include list');
      parsed.include = parsed.include.filter((entry) => !ours(entry));
      const before: unknown = JSON.parse(tsconfigBefore);
      if (JSON.stringify(before) === JSON.stringify(parsed)) {
        fs.writeFileSync(tsconfigPath, tsconfigBefore);
      } else {
        fs.writeFileSync(tsconfigPath, `${JSON.stringify(parsed, null, 2)}\n`);
        notes.push(
          "tsconfig.json changed during the build besides next build's edit: removed only the .next-bench entries.",
        );
      }
    } catch (err) {
      notes.push(
        `next build added .next-bench to tsconfig.json and it could not be taken back (${err instanceof Error ? err.message : String(err)}): remove it by hand.`,
      );
    }
  }
  const nextEnvPath = path.join(ROOT, 'next-env.d.ts');
  if (
    nextEnvBefore !== undefined &&
    fs.existsSync(nextEnvPath) &&
    fs.readFileSync(nextEnvPath, 'utf8').includes(DIST_DIR)
  ) {
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
    await run(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
      { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
      10 * 60_000,
    );
  } finally {
    for (const note of undoBuildEdits(tsconfigBefore, nextEnvBefore)) console.warn(`\n  note: ${note}`);
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

// ---------------------------------------------------------------- the report

function resultsMarkdown(
  date: string,
  facts: Array<[string, string]>,
  settings: string[],
  sections: Section[],
  profileLines: string[],
): string {
  const goals = sections.flatMap((s) =>
    s.goals.map((g) => [s.title, g.name, g.value, g.met ? '**met**' : '**missed**']),
  );
  return [
    START,
    `## Results (${date})`,
    '',
    ...settings.map((s) => `- ${s}`),
    '',
    ...table(['Machine', ''], ['---', '---'], facts),
    '',
    '### Goals at a glance',
    '',
    ...table(['figure', 'goal', 'measured', ''], ['---', '---', '--:', '---'], goals),
    '',
    ...sections.flatMap((s) => [`### ${s.title}`, '', ...s.markdown, '']),
    ...(profileLines.length ? ['### CPU profile under load', '', ...profileLines] : []),
    END,
  ].join('\n');
}

function writeDoc(results: string): void {
  const existing = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '# Benchmarks\n\n';
  const start = existing.indexOf(START);
  const end = existing.indexOf(END);
  fs.writeFileSync(
    DOC,
    start >= 0 && end > start
      ? existing.slice(0, start) + results + existing.slice(end + END.length)
      : `${existing.trimEnd()}\n\n${results}\n`,
  );
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  const cleanups: Array<() => unknown> = [];
  const cleanup = async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()?.();
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
  const watchdog = setTimeout(() => {
    console.error('The bench exceeded its 60 min budget: stopping.');
    void cleanup().then(() => process.exit(1));
  }, 60 * 60_000);

  try {
    const loadBefore = loadAverage();
    const facts = machineFacts();
    console.log(facts.map(([k, v]) => `${k}: ${v}`).join('\n'));
    console.log(`load average (1/5/15 min): ${loadBefore}`);
    if (opts.build) {
      cleanups.push(() => {
        if (!opts.keepBuild) fs.rmSync(path.join(ROOT, DIST_DIR), { recursive: true, force: true });
      });
      await build();
    } else if (!fs.existsSync(path.join(ROOT, DIST_DIR, 'BUILD_ID'))) {
      throw new Error(
        `--no-build: there is no build in ${DIST_DIR}/. Run \`npm run bench -- --keep-build\` once first.`,
      );
    }
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pbj-bench-'));
    cleanups.push(() => fs.rmSync(tmp, { recursive: true, force: true }));
    const serve = async (name: string): Promise<{ db: string; server: Server }> => {
      const db = await freshDatabase(tmp, `${name}.sqlite`);
      const server = await startServer({ databasePath: db });
      cleanups.push(() => server.stop());
      return { db, server };
    };

    const sections: Section[] = [];
    if (opts.only.has('weight')) sections.push(pageWeight());
    if (opts.only.has('cold')) sections.push(await coldStart(tmp, opts.reps));
    if (opts.only.has('throughput')) {
      const { db, server } = await serve('throughput');
      sections.push(await throughput(server, db, tmp, opts, cleanups));
      await server.stop();
    }
    if (opts.only.has('latency')) {
      const { server } = await serve('latency');
      sections.push(await liveLatency(server, { reps: opts.reps, orders: opts.orders }));
      await server.stop();
    }
    if (opts.only.has('fanout')) {
      const { db, server } = await serve('fanout');
      const holder = { server };
      cleanups.push(() => holder.server.stop());
      sections.push(await fanout(holder, db, { levels: opts.streams, changes: Math.max(3, opts.reps + 2) }, cleanups));
      await holder.server.stop();
    }
    if (opts.only.has('webhook')) {
      const db = await freshDatabase(tmp, 'webhook.sqlite');
      const server = await startServer({ databasePath: db, env: WEBHOOK_ENV });
      cleanups.push(() => server.stop());
      sections.push(await webhookCost(server, { reps: opts.reps, deliveries: opts.quick ? 100 : 300 }));
      await server.stop();
    }
    if (opts.only.has('scaleout')) {
      const { reps, duration, warmup, connections } = opts;
      sections.push(
        await scaleOut(
          tmp,
          { reps, duration, warmup, connections, streams: opts.streams[0] ?? 100, changes: opts.quick ? 6 : 20 },
          cleanups,
        ),
      );
    }
    const profileLines = opts.only.has('profile') ? await profile(tmp, opts.quick ? 3 : 10) : [];
    const loadAfter = loadAverage();

    console.log('\nGoals:');
    for (const s of sections)
      for (const g of s.goals) console.log(`  ${g.met ? 'met   ' : 'MISSED'}  ${g.name}: ${g.value}`);
    const date = new Date()
      .toISOString()
      .replace(/:\d\d\.\d+Z$/, ' UTC')
      .replace('T', ' ');
    const settings = [
      `\`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\`, production build (\`next build\` into ${DIST_DIR}, ${opts.build ? 'built for this run' : 'reused'}), every server \`next start\` on 127.0.0.1 with a fresh SQLite file (the scale-out part also on fresh PostgreSQL databases) and \`RATE_LIMIT_PER_MINUTE=100000000\`.`,
      `Load average (1/5/15 min) ${loadBefore} at the start, ${loadAfter} at the end. Other engineers' builds and tests may have been running on the same 2 cores: absolute figures are noisy; ratios within a round and CPU per request less so.`,
      `Repetitions: ${opts.reps}; every figure is the median with min–max in brackets unless said otherwise.`,
    ];
    if (opts.write) {
      writeDoc(resultsMarkdown(date, facts, settings, sections, profileLines));
      console.log(`\nWrote ${path.relative(ROOT, DOC)}.`);
    } else {
      console.log(`\n${resultsMarkdown(date, facts, settings, sections, profileLines)}`);
      console.log('\n(docs/benchmarks.md left alone: --quick and --only runs write it only with --write)');
    }
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
