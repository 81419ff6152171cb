// `npm start` step one: validate configuration, migrate, and seed demo data into a new database.
import path from 'node:path';
import { DEMO_API_KEY, DEMO_PINS, seedIfNew } from '@/db/seed';
import { closeStore, openStore } from '@/db/store/lifecycle';
import { storeKind } from '@/db/store/twin';
import { env } from '@/lib/env';

/** Where the data lives, without a password. */
function describeStore(config: ReturnType<typeof env>): string {
  if (storeKind() === 'sqlite') return `SQLite at ${path.resolve(config.DATABASE_PATH)}`;
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
  const where = describeStore(config);
  try {
    await openStore(); // opens and migrates
  } catch (err) {
    console.error(`Could not open ${where}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  const seeded = await seedIfNew({ withOrders: config.SEED_DEMO || process.argv.includes('--demo') });
  await closeStore();
  if (seeded) {
    console.log(`Database ready: ${where} (new: demo data seeded).`);
    console.log(`  API key ${DEMO_API_KEY} · kitchen PIN ${DEMO_PINS.kitchen} · manager PIN ${DEMO_PINS.manager}`);
  } else {
    console.log(`Database ready: ${where} (existing data kept).`);
  }
}

void main();
