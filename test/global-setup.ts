// Runs once before all test files: builds the template database every test file copies.
import fs from 'node:fs';
import { TEMPLATE_DB, TEST_TMP } from './paths';

export default async function setup() {
  fs.rmSync(TEST_TMP, { recursive: true, force: true });
  fs.mkdirSync(TEST_TMP, { recursive: true });
  process.env.DATABASE_PATH = TEMPLATE_DB;
  const { getDb, closeDb } = await import('@/db/client');
  const { seedBasics } = await import('@/db/seed');
  getDb();
  seedBasics(Date.now());
  closeDb(); // the last connection's close folds the WAL into the file, so a plain copy is complete
  return () => fs.rmSync(TEST_TMP, { recursive: true, force: true });
}
