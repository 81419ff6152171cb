// Moves an existing restaurant from its SQLite file to PostgreSQL:
//   DATABASE_PATH=./data/kds.sqlite DATABASE_URL=postgres://… npx tsx scripts/sqlite-to-postgres.ts
// The PostgreSQL database must be new (it is migrated here; an empty one is fine). Stop the app first:
// orders written to the file during the copy would not move. Prints every table's counts on both
// sides and the orders checksum, and exits non-zero if anything differs.
import { openSqlite } from '@/db/client';
import { copySqliteToPostgres } from '@/db/copy';
import { closePg, pgDb } from '@/db/pg/client';
import { env } from '@/lib/env';

async function main() {
  const config = env();
  if (!config.DATABASE_URL) throw new Error('Set DATABASE_URL to the PostgreSQL database to copy into.');
  const lite = openSqlite(config.DATABASE_PATH);
  try {
    const pg = await pgDb(); // migrates
    console.log(`Copying ${config.DATABASE_PATH} → PostgreSQL`);
    const report = await copySqliteToPostgres(lite.db, pg, console.log);
    console.log('\nVerified:');
    for (const t of report.tables)
      console.log(
        `  ${t.table.padEnd(18)} sqlite ${String(t.sqlite).padStart(7)}  postgres ${String(t.postgres).padStart(7)}`,
      );
    console.log(`  orders checksum    ${report.ordersChecksum.postgres} (equal on both)`);
    console.log('\nDone. Start the app with DATABASE_URL set to run on PostgreSQL.');
  } finally {
    lite.sqlite.close();
    await closePg();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
