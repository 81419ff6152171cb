// Starts the real production server (server.mjs, what `npm start` serves with) on a free port against this test file's database.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ROOT } from './paths';

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
  logs: () => string;
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

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export async function startServer(extraEnv: Record<string, string> = {}): Promise<TestServer> {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) {
    throw new Error('API tests run against the production build: run `npm run build` first (npm test does).');
  }
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'server.mjs')], {
    cwd: ROOT,
    // SEED_DEMO=true: a new database gets demo data too (the template already has it); a test of an
    // install without demo data says SEED_DEMO=false on a database of its own (test/fresh.ts).
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'true',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`next start did not become healthy in 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    logs: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
    stop: (graceMs = 1_500) =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null)
          return resolve({ signal: child.signalCode, code: child.exitCode });
        child.once('exit', (code, signal) => resolve({ signal, code }));
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
      }),
  };
}
