// Moving a restaurant from the SQLite file to PostgreSQL: every table copied in one PostgreSQL
// transaction (parents before children), identity counters moved past the copied ids, then verified by
// row counts of every table and a checksum of every order (and its event log).
import { createHash } from 'node:crypto';
import { asc, getTableName, is, sql, type Table } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client';
import type { PgDb } from './pg/client';
import * as liteSchema from './schema';
import * as pgSchema from './pg/schema';

/** Parents before children (foreign keys). A table missing here fails the copy, never skipped. */
const ORDER = [
  'apiClients',
  'apiKeys',
  'staff',
  'sessions',
  'menuOptions',
  'settings',
  'leases',
  'rateLimits',
  'orders',
  'orderEvents',
  'idempotencyKeys',
  'hubDeliveries',
  'hubOrders',
  'hubOutbox',
  'screens',
  'orderSightings',
] as const;
type TableKey = (typeof ORDER)[number];

const BATCH = 500;

export type CopyReport = {
  tables: Array<{ table: string; sqlite: number; postgres: number }>;
  ordersChecksum: { sqlite: string; postgres: string };
};

function tablesOf(schema: Record<string, unknown>, kind: typeof SQLiteTable | typeof PgTable): string[] {
  return Object.entries(schema)
    .filter(([, v]) => is(v, kind))
    .map(([k]) => k);
}

/** Checks both schemas have exactly the tables ORDER lists (a new table must be added to the copy). */
function checkCoverage(): void {
  const want = [...ORDER].sort().join();
  for (const [name, have] of [
    ['SQLite', tablesOf(liteSchema, SQLiteTable)],
    ['PostgreSQL', tablesOf(pgSchema, PgTable)],
  ] as const) {
    if ([...have].sort().join() !== want)
      throw new Error(`The copy does not know every ${name} table: ${have.join(', ')}`);
  }
}

/** A stable text of a row: keys sorted, JSON as JSON, so equal rows hash equal on both databases. */
function canonical(row: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => [k, row[k] ?? null]),
  );
}

/** SHA-256 over every order and every order event, in id/seq order. */
function checksumOf(orders: Array<Record<string, unknown>>, events: Array<Record<string, unknown>>): string {
  const hash = createHash('sha256');
  for (const o of orders) hash.update(canonical(o) + '\n');
  hash.update('--events--\n');
  for (const e of events) hash.update(canonical(e) + '\n');
  return hash.digest('hex');
}

async function pgCount(db: PgDb, table: Table): Promise<number> {
  const rows = (await db.execute(sql`select count(*)::int as n from ${table}`)).rows as Array<{ n: number }>;
  return Number(rows[0]?.n ?? 0);
}

/**
 * Copies every row of `lite` into `pg`, which must be migrated and empty (refuses otherwise, changing
 * nothing). All or nothing: one PostgreSQL transaction.
 */
export async function copySqliteToPostgres(
  lite: Db,
  pg: PgDb,
  log: (line: string) => void = () => {},
): Promise<CopyReport> {
  checkCoverage();
  const tables = (key: TableKey) => ({ from: liteSchema[key] as SQLiteTable, to: pgSchema[key] as PgTable });
  for (const key of ORDER) {
    const n = await pgCount(pg, tables(key).to);
    // Seeded basics (menu, demo key, staff) are fine to replace only if nothing else was written: refuse all.
    if (n > 0)
      throw new Error(
        `The PostgreSQL database is not empty (${getTableName(tables(key).to)} has ${n} rows): copy into a new database.`,
      );
  }
  await pg.transaction(async (tx) => {
    for (const key of ORDER) {
      const { from, to } = tables(key);
      const rows = lite.select().from(from).all() as Array<Record<string, unknown>>;
      for (let i = 0; i < rows.length; i += BATCH) {
        await tx
          .insert(to)
          .overridingSystemValue()
          .values(rows.slice(i, i + BATCH));
      }
      log(`  ${getTableName(to).padEnd(18)} ${rows.length} rows`);
    }
    // Identity columns continue after the copied ids (new events get seq max+1, as on SQLite).
    for (const [table, column] of [
      ['order_events', 'seq'],
      ['hub_deliveries', 'id'],
      ['hub_outbox', 'id'],
    ] as const) {
      await tx.execute(
        sql.raw(
          `select setval(pg_get_serial_sequence('${table}', '${column}'), greatest((select max(${column}) from ${table}), 1), (select count(*) > 0 from ${table}))`,
        ),
      );
    }
  });
  return verifyCopy(lite, pg);
}

/** Counts every table on both sides and checksums every order and event; throws on any difference. */
export async function verifyCopy(lite: Db, pg: PgDb): Promise<CopyReport> {
  const report: CopyReport = { tables: [], ordersChecksum: { sqlite: '', postgres: '' } };
  for (const key of ORDER) {
    const from = liteSchema[key] as SQLiteTable;
    const to = pgSchema[key] as PgTable;
    const sqlite =
      (
        lite
          .select({ n: sql<number>`count(*)` })
          .from(from)
          .get() as { n: number } | undefined
      )?.n ?? 0;
    report.tables.push({ table: getTableName(to), sqlite, postgres: await pgCount(pg, to) });
  }
  const liteOrders = lite.select().from(liteSchema.orders).orderBy(asc(liteSchema.orders.id)).all();
  const liteEvents = lite.select().from(liteSchema.orderEvents).orderBy(asc(liteSchema.orderEvents.seq)).all();
  const pgOrders = await pg.select().from(pgSchema.orders).orderBy(asc(pgSchema.orders.id));
  const pgEvents = await pg.select().from(pgSchema.orderEvents).orderBy(asc(pgSchema.orderEvents.seq));
  report.ordersChecksum = { sqlite: checksumOf(liteOrders, liteEvents), postgres: checksumOf(pgOrders, pgEvents) };
  const differ = report.tables.filter((t) => t.sqlite !== t.postgres);
  if (differ.length > 0)
    throw new Error(`Row counts differ: ${differ.map((t) => `${t.table} ${t.sqlite} ≠ ${t.postgres}`).join(', ')}`);
  if (report.ordersChecksum.sqlite !== report.ordersChecksum.postgres)
    throw new Error('The orders checksum differs between SQLite and PostgreSQL.');
  return report;
}
