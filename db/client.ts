// The only importer of the SQLite driver. One connection per process, kept on globalThis because a
// production build gives Server Components, Server Actions and instrumentation their own module copies.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
type Handle = { path: string; sqlite: Database.Database; db: Db };

const KEY = Symbol.for('kds.sqlite');
const store = globalThis as unknown as { [KEY]?: Handle };

export const MIGRATIONS_DIR = path.join(process.cwd(), 'db', 'migrations');

/** Opens (creating and migrating if needed) the SQLite file with WAL, foreign keys and a busy timeout. */
export function openSqlite(file: string): Handle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL'); // durable across app crashes in WAL mode; fsync at checkpoints
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle({ client: sqlite, schema });
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return { path: file, sqlite, db };
}

/** The process's connection to DATABASE_PATH, opened on first use (never at build time). */
export function getDb(): Db {
  const file = env().DATABASE_PATH;
  let handle = store[KEY];
  if (!handle || handle.path !== file) {
    handle?.sqlite.close();
    handle = store[KEY] = openSqlite(file);
  }
  return handle.db;
}

/** Closes the connection (tests and scripts that finish). */
export function closeDb(): void {
  store[KEY]?.sqlite.close();
  delete store[KEY];
}

/** A cheap round trip, for health checks. */
export async function pingDb(): Promise<void> {
  getDb();
  store[KEY]?.sqlite.prepare('select 1').get();
}
