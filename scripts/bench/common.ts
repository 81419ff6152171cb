// Shared by every part of `npm run bench`: the production server, process figures from /proc, statistics
// and the markdown helpers. Nothing here measures anything by itself.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEMO_API_KEY, SEED_EXAMPLE_ORDER } from '../../e2e/api';
import { DEMO_NAMES, DEMO_PINS } from '../../e2e/pages/login-page';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST_DIR = '.next-bench';
export const HOST = '127.0.0.1';
export const DOC = path.join(ROOT, 'docs', 'benchmarks.md');
export const API_KEY = DEMO_API_KEY; // seeded into every bench database
export const KITCHEN_PIN = DEMO_PINS.kitchen;
export const KITCHEN_NAME = DEMO_NAMES.kitchen;

/** The seed's example request (PB&J API guide, "Example request and response"). */
export const SEED_ORDER = SEED_EXAMPLE_ORDER;
export const SEED_BODY = JSON.stringify(SEED_ORDER);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Wall-clock milliseconds with sub-millisecond resolution, comparable between processes on one machine. */
export const wallMs = () => performance.timeOrigin + performance.now();

export function versionOf(pkg: string): string {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8'));
    if (parsed && typeof parsed === 'object' && 'version' in parsed && typeof parsed.version === 'string')
      return parsed.version;
  } catch {
    /* reported as unknown */
  }
  return 'unknown';
}

export function machineFacts(extra: Array<[string, string]> = []): Array<[string, string]> {
  const cpus = os.cpus();
  return [
    ['CPU', `${cpus.length} cores × ${cpus[0]?.model.trim() ?? 'unknown'}`],
    ['Memory', `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
    ['OS', `${os.platform()} ${os.release()}`],
    ['Node', process.version],
    ...(['next', 'react', 'better-sqlite3', 'pg', 'drizzle-orm', 'autocannon', '@playwright/test'] as const).map(
      (p): [string, string] => [p, versionOf(p)],
    ),
    ...extra,
  ];
}

export const loadAverage = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

export async function freePort(): Promise<number> {
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
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
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
      else
        reject(
          new Error(
            `${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output.split('\n').slice(-40).join('\n')}`,
          ),
        );
    });
  });
}

/** A fresh SQLite file (never $DATABASE_URL) with the menu, the demo key and the staff PINs, no orders (scripts/db-setup.ts). */
export async function freshDatabase(dir: string, name = 'bench.sqlite'): Promise<string> {
  const file = path.join(dir, name);
  await run(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/db-setup.ts', '--no-orders'],
    { ...process.env, DATABASE_PATH: file, DATABASE_URL: '', SEED_DEMO: 'true' },
    2 * 60_000,
  );
  return file;
}

// ---------------------------------------------------------------- /proc

/** The process and all its descendants (`next start` may hand the server to a child process). */
export function processTree(pid: number): number[] {
  const all: number[] = [pid];
  for (let i = 0; i < all.length; i++) {
    try {
      const children = fs.readFileSync(`/proc/${all[i]}/task/${all[i]}/children`, 'utf8').trim();
      if (children) all.push(...children.split(/\s+/).map(Number));
    } catch {
      /* gone */
    }
  }
  return all;
}

/** CPU seconds used so far by the process tree (utime + stime), from /proc; NaN where there is none. */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      // Fields after "(comm)", which may itself hold spaces: utime is field 14, stime 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* exited meanwhile */
    }
  }
  return ticks / 100; // USER_HZ: /proc counts in 1/100 s on Linux
}

/** VmRSS and VmHWM (peak) in MB of the process tree's largest member: the next-server process. */
export function serverMemory(pid: number | undefined): { rssMb: number; peakMb: number } {
  let best = { rssMb: NaN, peakMb: NaN };
  for (const p of pid === undefined ? [] : processTree(pid)) {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      const rssMb = kb('VmRSS') / 1024;
      if (!(rssMb <= best.rssMb)) best = { rssMb, peakMb: kb('VmHWM') / 1024 };
    } catch {
      /* exited meanwhile */
    }
  }
  return best;
}

// ---------------------------------------------------------------- the server

export type Server = {
  url: string;
  port: number;
  pid: number | undefined;
  /** wallMs() when the process was spawned, and when /api/health first answered 200. */
  spawnedAt: number;
  healthyAt: number;
  stop: () => Promise<void>;
  kill: () => Promise<void>;
  logs: () => string;
};

export type ServerOptions = {
  databasePath: string;
  port?: number;
  env?: Record<string, string>;
  /** Extra node flags for the server process (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** How often to poll the health path while it starts. */
  pollMs?: number;
  /** Another Next app to start instead of this one (the bare-Next yardstick), and the path that proves it up. */
  dir?: string;
  healthPath?: string;
};

/** The bench build served by server.mjs (as `npm start` does) on 127.0.0.1, resolved once GET /api/health answers 200. */
export async function startServer(opts: ServerOptions): Promise<Server> {
  const port = opts.port ?? (await freePort());
  const spawnedAt = wallMs();
  const child: ChildProcess = spawn(
    process.execPath,
    // Our app as `npm start` serves it (server.mjs); the bare-Next yardstick with plain `next start`.
    [
      ...(opts.nodeArgs ?? []),
      ...(opts.dir
        ? [
            path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'),
            'start',
            opts.dir,
            '-p',
            String(port),
            '-H',
            HOST,
          ]
        : [path.join(ROOT, 'server.mjs')]),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NEXT_DIST_DIR: opts.dir ? '.next' : DIST_DIR,
        DATABASE_PATH: opts.databasePath,
        DATABASE_URL: '', // the SQLite file unless opts.env names a PostgreSQL database
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        RATE_LIMIT_PER_MINUTE: '100000000', // the limiter still runs (a write per request), it just never trips
        LOGIN_ATTEMPTS_PER_15_MIN: '100000',
        // Every load client is 127.0.0.1: the public pages' per-address limits would stop the fan-out
        // part's hundreds of trackers (the limits still run, like the API key's above).
        PUBLIC_READS_PER_MINUTE: '100000000',
        PUBLIC_CANCELS_PER_MINUTE: '100000000',
        PUBLIC_STREAMS_PER_MINUTE: '100000000',
        PUBLIC_OPEN_STREAMS: '100000000',
        STORE_TIMEZONE: 'UTC',
        PORT: String(port),
        HOST,
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (ended()) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill(signal);
    });
  const url = `http://${HOST}:${port}`;
  const deadline = Date.now() + 60_000;
  const pollMs = opts.pollMs ?? 100;
  for (;;) {
    if (ended()) throw new Error(`next start exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    try {
      const res = await fetch(`${url}${opts.healthPath ?? '/api/health'}`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await end('SIGKILL');
      throw new Error(
        `next start did not answer GET ${opts.healthPath ?? '/api/health'} with 200 within 60 s:\n${output}`,
      );
    }
    await sleep(pollMs);
  }
  return {
    url,
    port,
    pid: child.pid,
    spawnedAt,
    healthyAt: wallMs(),
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
    logs: () => output,
  };
}

/** Signs in with the demo cook's name and PIN and returns the session cookie (`name=value`) for staff endpoints and streams. */
export async function staffCookie(
  url: string,
  name: string = KITCHEN_NAME,
  pin: string = KITCHEN_PIN,
): Promise<string> {
  // No Origin header: sign-in refuses only a cross-site one (lib/auth/staff.ts refuseCrossSite).
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, pin }),
  });
  if (!res.ok) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('sign-in set no cookie');
  return cookie;
}

/** Places one order through the public API; returns its id. */
export async function placeOrder(url: string, body = SEED_BODY): Promise<string> {
  const res = await fetch(`${url}/v1/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const parsed: unknown = await res.json();
  const id =
    parsed && typeof parsed === 'object' && 'order_id' in parsed && typeof parsed.order_id === 'string'
      ? parsed.order_id
      : undefined;
  if (res.status !== 201 || !id) throw new Error(`POST /v1/orders answered ${res.status}: ${JSON.stringify(parsed)}`);
  return id;
}

// ---------------------------------------------------------------- statistics and markdown

export type Stats = { median: number; min: number; max: number };
export function stats(values: number[]): Stats {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN };
}
/** The nearest-rank percentile of a sorted list. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

export const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
/** "median (min–max)"; a single repetition prints just the value. */
export const fmtStats = (s: Stats, digits = 0) =>
  s.min === s.max ? fmt(s.median, digits) : `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;
export const goal = (met: boolean) => (met ? '**met**' : '**missed**');

export function table(header: string[], align: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${align.join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** One section's markdown and what goes to the console. */
export type Section = {
  title: string;
  markdown: string[];
  goals: Array<{ name: string; value: string; met: boolean }>;
};

/** Open orders kept in the queue while measuring the API: a busy lunch, not an empty kitchen. */
export const BASE_QUEUE = 10;
/** How often the stand-in kitchen hands orders off. */
export const DRAIN_EVERY_MS = 100;

/** One store's stand-in kitchen: `tick` hands off every open order but the base queue. */
export type Drain = { tick: () => Promise<void>; peak: number; close: () => Promise<void> };

/**
 * The stand-in kitchen's hand-off for a SQLite file, through its own connection (another process's
 * commit, as a second instance's would be). It never checkpoints the WAL itself: a real kitchen's
 * writes go through the server, whose checkpointer does that work.
 */
export async function sqliteDrain(databasePath: string, keep: string[]): Promise<Drain> {
  const { openSqlite } = await import('@/db/client');
  const { sqlite } = openSqlite(databasePath);
  sqlite.pragma('wal_autocheckpoint = 0');
  const marks = keep.map(() => '?').join(', ');
  const handOff = sqlite.prepare(
    `update orders set status = 'delivered' where status = 'queued' and id not in (${marks})`,
  );
  const open = sqlite.prepare<[], number>(`select count(*) from orders where status = 'queued'`).pluck();
  const drain: Drain = {
    peak: 0,
    tick: async () => {
      drain.peak = Math.max(drain.peak, open.get() ?? 0);
      handOff.run(...keep);
    },
    close: async () => void sqlite.close(),
  };
  return drain;
}

/**
 * A stand-in kitchen for the API benchmarks: every `DRAIN_EVERY_MS` each drain hands off every order
 * but the base queue, as a kitchen that keeps up would, so the open queue the ETA reads stays the size
 * of a busy lunch.
 */
export function runKitchen(drains: Drain[]): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    // busy past the timeout: the next tick catches up
    void Promise.all(
      drains.map((d) =>
        d
          .tick()
          .catch((err: unknown) =>
            console.warn('bench kitchen: hand-off failed', err instanceof Error ? err.message : err),
          ),
      ),
    ).finally(() => (busy = false));
  }, DRAIN_EVERY_MS);
  return () => clearInterval(timer);
}

/** runKitchen for one SQLite file: `peak` is the largest open queue it saw. */
export async function startKitchen(
  databasePath: string,
  keep: string[],
): Promise<{ stop: () => Promise<void>; peak: () => number }> {
  const drain = await sqliteDrain(databasePath, keep);
  const stop = runKitchen([drain]);
  return {
    stop: async () => {
      stop();
      await drain.close();
    },
    peak: () => drain.peak,
  };
}
