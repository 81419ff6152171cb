// `npm start` step one: validate configuration, migrate, and seed a new database: with demo data
// unless SEED_DEMO=false (a server started any other way seeds none: lib/first-run.ts). `--no-orders`
// seeds the demo key and staff without the demo orders (the benchmarks).
import path from 'node:path';
import { DEMO_API_KEY, DEMO_PINS, seedIfNew } from '@/lib/seed';
import { closeStorage, openStorage } from '@/db/storage/lifecycle';
import { storageKind } from '@/db/storage/pick';
import { demoWanted, env } from '@/lib/env';

/** Where the data lives, without a password. */
function describeStorage(config: ReturnType<typeof env>): string {
  if (storageKind() === 'sqlite') return `SQLite at ${path.resolve(config.DATABASE_PATH)}`;
  const u = new URL(config.DATABASE_URL ?? '');
  u.password = '';
  return `PostgreSQL at ${u.toString()}`;
}

async function main() {
  let config;
  try {
    config = env();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
  const where = describeStorage(config);
  try {
    await openStorage(); // opens and migrates
  } catch (err) {
    console.error(`Could not open ${where}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  const demo = demoWanted(true) || process.argv.includes('--demo');
  const seeded = await seedIfNew({ demo, orders: !process.argv.includes('--no-orders') });
  await closeStorage();
  if (seeded && demo) {
    console.log(`Database ready: ${where} (new: demo data seeded; do not use for real orders).`);
    console.log(`  API key ${DEMO_API_KEY} · kitchen PIN ${DEMO_PINS.kitchen} · manager PIN ${DEMO_PINS.manager}`);
    console.log(
      '  Going live: Manager → Store → Demo data → Switch off, or start a new database with SEED_DEMO=false.',
    );
  } else if (seeded) {
    console.log(`Database ready: ${where} (new: no demo data, no API key, no staff).`);
    console.log('  The server prints a one-time setup token when it starts: open /setup to create the first manager.');
  } else {
    console.log(`Database ready: ${where} (existing data kept).`);
  }
}

void main();
