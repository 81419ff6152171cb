// The one way a test starts the real production server (server.mjs, what `npm start` serves with): on a
// free port, on a database of its own, healthy and done starting before the test goes on, and stopped
// after the test file (test/setup.ts) whether or not the test stops it itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import type { RunningFake } from '@/scripts/fake-kitchenhub';
import { closeAfterFile } from './cleanup';
import { eventually } from './eventually';
import { fakeHubEnv } from './kitchenhub';
import { ROOT } from './paths';
import { freePort } from './ports';
import { createDatabase } from './pg';

/** What differs between the servers tests start, besides their environment variables. */
export type ServerOptions = {
  /**
   * 'file' (the default): this test file's database, a copy of the seeded template (test/setup.ts) that
   * the test process reads and writes too (newApiClient, test/db.ts); every server of the file shares
   * it, as instances behind a load balancer would. 'new': an empty database of this server's own, as a
   * stranger's install finds it: a SQLite file, or in the PostgreSQL pass (TEST_DATABASE_URL) a
   * PostgreSQL database. `{ path }` / `{ url }`: a SQLite file or PostgreSQL URL the test prepared
   * itself (a file on a small disk, a database behind a proxy).
   */
  database?: 'file' | 'new' | { path: string } | { url: string };
  /** SEED_DEMO: whether a new database gets the demo key, staff and sandbox (default true; the template has them). */
  demo?: boolean;
  /** A fake KitchenHub (startFakeHub in test/kitchenhub.ts) the server calls, with HUB_SECRET as our webhook's secret. */
  hub?: RunningFake;
  /** Listen here rather than on a free port. */
  port?: number;
};

export type TestServer = {
  url: string;
  /** The server process's id (its memory is read from /proc/{pid}/status). */
  pid: number;
  /** SIGTERM, then SIGKILL after `graceMs` (1.5 s) if the process has not exited; says which ended it. */
  stop: (graceMs?: number) => Promise<{ signal: NodeJS.Signals | null; code: number | null }>;
  /** Ends the process with SIGKILL, as a crash would: no clean-up runs. */
  kill: () => Promise<void>;
  /** Whether the process is still running. */
  alive: () => boolean;
  /** Everything the process printed; complete up to "Ready" (the setup token, warnings) once started. */
  logs: () => string;
  /**
   * Stops this process if it still runs and starts a new one on the same database (on a new port unless
   * `port`), with `env` and `options` over what it was first started with (not over an earlier restart's).
   */
  restart: (env?: Record<string, string>, options?: Omit<ServerOptions, 'database'>) => Promise<TestServer>;
};

/**
 * The public pages' per-address limits lifted, for load tests whose hundreds of trackers all come from
 * 127.0.0.1 (the limits themselves are proven in test/security/public-limits.api.test.ts).
 */
export const PUBLIC_UNLIMITED: Record<string, string> = {
  PUBLIC_READS_PER_MINUTE: '1000000',
  PUBLIC_CANCELS_PER_MINUTE: '1000000',
  PUBLIC_STREAMS_PER_MINUTE: '1000000',
  PUBLIC_OPEN_STREAMS: '1000000',
};

/** The variables that point a server at its database. */
async function databaseEnv(database: NonNullable<ServerOptions['database']>): Promise<Record<string, string>> {
  if (database === 'file') return {}; // inherited: test/setup.ts set this file's DATABASE_PATH (and DATABASE_URL)
  if (database === 'new') {
    const name = `new_${randomBytes(4).toString('hex')}`;
    const pg = inject('pg');
    // Dropped with the run's other databases at the end (test/global-setup.ts); files go with the run's folder.
    if (pg) return { DATABASE_URL: await createDatabase(pg.url, `${pg.prefix}${name}`) };
    return { DATABASE_PATH: path.join(inject('runDir'), `${name}.sqlite`) };
  }
  if ('path' in database) return { DATABASE_PATH: database.path, DATABASE_URL: '' };
  return { DATABASE_URL: database.url };
}

/**
 * Starts server.mjs from the production build with `env` over the defaults (production, loopback, demo
 * data for a new database, and what `options` set), and waits until it answers /api/health and has said
 * "Ready", so its start-up work (a setup token printed, jobs started) is done and in `logs()`.
 */
export async function startServer(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<TestServer> {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) {
    throw new Error('API tests run against the production build: run `npm run build` first (npm test does).');
  }
  // Resolved once: a restart comes back to the same database, even a new one.
  const dbEnv = await databaseEnv(options.database ?? 'file');
  const launch = async (vars: Record<string, string>, opts: ServerOptions): Promise<TestServer> => {
    const port = opts.port ?? (await freePort());
    const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'server.mjs')], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(port),
        HOST: '127.0.0.1',
        // A new database gets demo data too unless told otherwise (the template already has it).
        SEED_DEMO: String(opts.demo ?? true),
        ...dbEnv,
        ...(opts.hub ? fakeHubEnv(opts.hub.url) : {}),
        ...vars,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += String(d)));
    child.stderr?.on('data', (d) => (output += String(d)));
    const exited = () => child.exitCode !== null || child.signalCode !== null;
    const url = `http://127.0.0.1:${port}`;
    const server: TestServer = {
      url,
      pid: child.pid!,
      logs: () => output,
      alive: () => !exited(),
      kill: () =>
        new Promise<void>((resolve) => {
          if (exited()) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
      stop: (graceMs = 1_500) =>
        new Promise((resolve) => {
          if (exited()) return resolve({ signal: child.signalCode, code: child.exitCode });
          child.once('exit', (code, signal) => resolve({ signal, code }));
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
        }),
      restart: async (envChange = {}, optionsChange = {}) => {
        await server.stop();
        return launch({ ...env, ...envChange }, { ...options, ...optionsChange });
      },
    };
    const forget = closeAfterFile(() => server.stop());
    child.once('exit', forget);
    try {
      await eventually(
        async () => {
          if (exited()) throw new Error(`server.mjs exited (${child.exitCode ?? child.signalCode})`);
          const healthy = await fetch(`${url}/api/health`).then(
            (res) => res.ok,
            () => false, // not listening yet
          );
          // server.mjs says "Ready" once Next has prepared, which includes instrumentation's start-up work.
          return healthy && output.includes('Ready on');
        },
        Boolean,
        'the server to answer /api/health and say it is ready',
        30_000,
      );
    } catch (err) {
      await server.kill();
      throw new Error(`${err instanceof Error ? err.message : String(err)}:\n${output}`);
    }
    return server;
  };
  return launch(env, options);
}
