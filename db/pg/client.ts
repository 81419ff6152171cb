// The only importer of the PostgreSQL driver (DATABASE_URL=postgres://…). One pool per process, kept on
// globalThis like the SQLite connection (a production build gives Server Components, Server Actions
// and instrumentation their own module copies). Opening it migrates once, under an advisory lock, so
// instances starting together do not race.
import path from 'node:path';
import pg, { Pool, type PoolClient } from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import { storageConfig } from '../config';
import * as schema from './schema';

// count(*), sums and bigint columns arrive as text by default (int8 can exceed 2^53); ours are
// milliseconds, sequence numbers and counts, far below it: read them as numbers, as SQLite gives them.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => Number(v));
// jsonb arrives as text and drizzle's jsonb columns parse it once. (Parsed by the driver too, a stored
// top-level string such as "123" would be parsed twice by drizzle and come back as the number 123.)
pg.types.setTypeParser(pg.types.builtins.JSON, (v: string) => v);
pg.types.setTypeParser(pg.types.builtins.JSONB, (v: string) => v);

export type PgDb = NodePgDatabase<typeof schema>;
/** A transaction handle: every `…In` function of db/pg runs inside the caller's transaction. */
export type PgTx = Parameters<Parameters<PgDb['transaction']>[0]>[0];
/** Either the pool or a transaction: reads that may run on their own or inside a unit of work. */
export type PgRunner = PgDb | PgTx;

type Handle = { url: string; pool: Pool; db: PgDb; ready: Promise<PgDb> };
const KEY = Symbol.for('kds.pg');
const store = globalThis as unknown as { [KEY]?: Handle };

export const PG_MIGRATIONS_DIR = path.join(process.cwd(), 'db', 'pg', 'migrations');
/** The advisory lock migrations run under (any constant shared by every instance). */
const MIGRATION_LOCK = 72_616_001;

/** Opens a pool on `url`; `ready` resolves once the committed migrations are applied. */
export function openPg(url: string, max = storageConfig().DATABASE_POOL_SIZE): Handle {
  const pool = new Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  // An idle client losing its server (a restart, a network cut) must not crash the process: the pool
  // drops it and the next query opens a new connection.
  pool.on('error', (err) => console.error(`PostgreSQL pool: ${err.message}`));
  pool.on('connect', withoutNulParameters);
  const db = drizzle({ client: pool, schema });
  const ready = (async () => {
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await migrate(drizzle({ client, schema }), { migrationsFolder: PG_MIGRATIONS_DIR });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
    return db;
  })();
  ready.catch(() => {}); // observed by every caller of pgDb(); an unobserved copy must not crash the process
  return { url, pool, db, ready };
}

/** U+0000 in a text parameter: PostgreSQL text cannot hold it (SQLite can). */
const NUL = /\u0000/g;
const clean = (v: unknown): unknown => (typeof v === 'string' && v.includes('\u0000') ? v.replace(NUL, '\uFFFD') : v);

/**
 * PostgreSQL refuses a NUL character in text ("invalid byte sequence"), so a NUL that got this far (a
 * path segment, a header, a KitchenHub order's text: JSON bodies refuse it with 400 before) would be
 * a 500. Every parameter of every query on this client has it replaced with U+FFFD instead: a lookup
 * then finds nothing (404), a stored text keeps a visible mark where the NUL was.
 */
function withoutNulParameters(client: PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const patched = (...args: unknown[]): unknown => {
    const [first, second] = args;
    if (Array.isArray(second)) args[1] = second.map(clean);
    else if (first && typeof first === 'object' && Array.isArray((first as { values?: unknown }).values)) {
      args[0] = { ...(first as object), values: (first as { values: unknown[] }).values.map(clean) };
    }
    return query(...args);
  };
  // node-postgres' overloads cannot be restated here; the patched function passes every form through.
  (client as unknown as { query: typeof patched }).query = patched;
}

function handle(): Handle {
  const url = storageConfig().DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: PostgreSQL storage is not configured.');
  let h = store[KEY];
  if (!h || h.url !== url) {
    void h?.pool.end();
    h = store[KEY] = openPg(url);
  }
  return h;
}

/** The process's pool on DATABASE_URL, migrated (a failed first attempt is retried on the next call). */
export async function pgDb(): Promise<PgDb> {
  const h = handle();
  try {
    return await h.ready;
  } catch (err) {
    // Migration or connection failed (the database was down?): forget this pool so the next call retries.
    if (store[KEY] === h) {
      delete store[KEY];
      void h.pool.end().catch(() => {});
    }
    throw err;
  }
}

/** A client of its own, outside the pool's transactions (LISTEN needs one that stays connected). */
export async function pgClient(): Promise<PoolClient> {
  await pgDb();
  return handle().pool.connect();
}

/** The codes of failures that retrying the whole transaction resolves. */
const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

/**
 * Runs `fn` in one transaction (READ COMMITTED: the locks below make the decisions), retrying it
 * whole on a serialization failure or deadlock. `fn` must not have effects outside the database.
 */
export async function inTx<T>(fn: (tx: PgTx) => Promise<T>): Promise<T> {
  const db = await pgDb();
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (err) {
      const code =
        (err as { code?: unknown; cause?: { code?: unknown } }).code ??
        (err as { cause?: { code?: unknown } }).cause?.code;
      if (attempt < 5 && typeof code === 'string' && RETRYABLE.has(code)) {
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
        continue;
      }
      throw err;
    }
  }
}

/**
 * Serializes transactions that decide on the same thing (a business day's next number, an
 * idempotency key, the event log's tail) where SQLite relied on its single writer: a transaction-
 * scoped advisory lock on each name, taken in a stable order so two callers cannot deadlock.
 */
export async function lockIn(tx: PgTx, ...names: string[]): Promise<void> {
  for (const name of [...new Set(names)].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`);
  }
}

/** Closes the pool (tests and scripts that finish). */
export async function closePg(): Promise<void> {
  const h = store[KEY];
  delete store[KEY];
  await h?.pool.end();
}

/** A cheap round trip, for health checks. */
export async function pingPg(): Promise<void> {
  const db = await pgDb();
  await db.execute(sql`select 1`);
}
