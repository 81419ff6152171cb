// A new, empty database for a test that needs an install as a stranger finds it (no template: no
// demo key, no staff): a SQLite file in the run's folder, or with TEST_DATABASE_URL a PostgreSQL
// database of the run (dropped with the others at the end).
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDatabase } from './pg';

/** Environment for startServer() that points it at a new, empty database. */
export async function freshDatabaseEnv(): Promise<Record<string, string>> {
  const name = `fresh_${randomBytes(4).toString('hex')}`;
  const pg = inject('pg');
  if (pg) return { DATABASE_URL: await createDatabase(pg.url, `${pg.prefix}${name}`) };
  return { DATABASE_PATH: path.join(inject('runDir'), `${name}.sqlite`) };
}

/** Waits until the server has printed its first-run setup token, and returns it. */
export async function setupTokenIn(logs: () => string, after = 0, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tokens = [...logs().matchAll(/setup token: (pbj_setup_[a-z2-7]+)/g)].map((m) => m[1] ?? '');
    if (tokens.length > after) return tokens[tokens.length - 1] ?? '';
    if (Date.now() > deadline) throw new Error(`no setup token in the server log:\n${logs()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
