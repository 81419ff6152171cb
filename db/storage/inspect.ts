// Raw reads and fix-ups for tests and verification scripts only (never lib/ or app/): what the API
// cannot do, such as checking every table after a crash or moving an order to yesterday.
import { sql } from 'drizzle-orm';
import { getDb } from '../client';
import { forgetQueue } from '../sqlite/orders';
import { pgDb } from '../pg/client';
import { storageKind } from './pick';

/** The rows of a read-only query, on whichever database is configured (numbers come back as numbers). */
export async function rawRows<T = Record<string, unknown>>(query: string): Promise<T[]> {
  if (storageKind() === 'postgres') {
    const db = await pgDb();
    return (await db.execute(sql.raw(query))).rows as T[];
  }
  return getDb().all<T>(sql.raw(query));
}

/** Runs one statement that changes rows (test set-up). */
export async function rawRun(query: string): Promise<void> {
  if (storageKind() === 'postgres') await (await pgDb()).execute(sql.raw(query));
  else {
    getDb().run(sql.raw(query));
    forgetQueue(); // a write behind the order functions' back: the cached queue may be wrong now
  }
}

/** The application's tables (not the migrator's), sorted. */
export async function tableNames(): Promise<string[]> {
  const rows =
    storageKind() === 'postgres'
      ? await rawRows<{ name: string }>(
          "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
        )
      : await rawRows<{ name: string }>(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
        );
  return rows.map((r) => r.name).filter((n) => !n.startsWith('__drizzle'));
}
