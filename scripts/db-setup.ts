// `npm start` step one: validate configuration, migrate, and seed demo data into a new database.
import path from 'node:path';
import { closeDb, getDb } from '@/db/client';
import { DEMO_API_KEY, DEMO_PINS, seedIfNew } from '@/db/seed';
import { env } from '@/lib/env';

async function main() {
  let config;
  try {
    config = env();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
  getDb(); // opens and migrates
  const seeded = await seedIfNew({ withOrders: config.SEED_DEMO || process.argv.includes('--demo') });
  closeDb();
  const where = path.resolve(config.DATABASE_PATH);
  if (seeded) {
    console.log(`Database ready at ${where} (new: demo data seeded).`);
    console.log(`  API key ${DEMO_API_KEY} · kitchen PIN ${DEMO_PINS.kitchen} · manager PIN ${DEMO_PINS.manager}`);
  } else {
    console.log(`Database ready at ${where} (existing data kept).`);
  }
}

void main();
