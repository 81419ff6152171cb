// The only importer of the SQLite driver. One connection per process, kept on globalThis because a
// production build gives Server Components, Server Actions and instrumentation their own module copies.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { storageConfig } from './config';
import * as schema from './schema';
import { SAFETY_NET_PAGES, startCheckpointer, type Checkpointer, type CheckpointStats } from './sqlite/checkpointer';

export type Db = BetterSQLite3Database<typeof schema>;
/** The connection and what is built on it: prepared statements live and die with their connection. */
type Handle = {
  path: string;
  sqlite: Database.Database;
  db: Db;
  prepared: Map<string, unknown>;
  checkpointer?: Checkpointer;
};

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
  return { path: file, sqlite, db, prepared: new Map() };
}

function handle(): Handle {
  const file = storageConfig().DATABASE_PATH;
  let h = store[KEY];
  if (!h || h.path !== file) {
    closeDb();
    h = store[KEY] = openSqlite(file);
    if (file !== ':memory:') {
      // The process's connection serves requests: its WAL checkpoints run on a worker thread
      // (db/sqlite/checkpointer.ts); its own automatic checkpoint stays as a safety net.
      h.checkpointer = startCheckpointer(file);
      h.sqlite.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
    }
  }
  return h;
}

/** The process's connection to DATABASE_PATH, opened on first use (never at build time). */
export function getDb(): Db {
  return handle().db;
}

/**
 * Statements for the hot paths, prepared once per connection and kept on its handle (so on
 * globalThis, like the connection, and rebuilt if the connection is reopened). Building and
 * preparing a drizzle query costs ~100 µs a call; running a prepared one costs ~10 µs.
 * `name` must be unique in db/: every module copy of one db/ file shares the same statements.
 * `sqlite` is the driver's own connection, for the few statements drizzle cannot build (pragmas).
 */
export function preparedOnce<T>(name: string, prepare: (db: Db, sqlite: Database.Database) => T): () => T {
  const get = () => {
    const h = handle();
    let statements = h.prepared.get(name);
    if (statements === undefined) h.prepared.set(name, (statements = prepare(h.db, h.sqlite)));
    return statements as T; // stored by this very function under its own name: the type is T's
  };
  registered.push(get);
  return get;
}

/** Every preparedOnce() of the db/ modules this module copy has loaded. */
const registered: Array<() => unknown> = [];

/**
 * Prepares every registered set of statements now (start-up warm-up): the first order would
 * otherwise pay ~5–8 ms building and preparing them. Prepared statements live on the connection, so
 * the route handlers' module copies find them ready.
 */
export function prepareAll(): void {
  for (const get of registered) get();
}

/** Closes the connection (tests and scripts that finish). */
export function closeDb(): void {
  store[KEY]?.checkpointer?.stop();
  store[KEY]?.sqlite.close();
  delete store[KEY];
}

/** What the WAL checkpointer of the process's connection has done so far (undefined: none runs). */
export function checkpointStats(): CheckpointStats | undefined {
  return store[KEY]?.checkpointer?.stats();
}

/** A cheap round trip, for health checks. */
export async function pingDb(): Promise<void> {
  getDb();
  store[KEY]?.sqlite.prepare('select 1').get();
}
