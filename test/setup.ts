// Runs before each test file, before any of our modules load: gives the file its own database, a copy
// of the run's template (a SQLite file, or a PostgreSQL database with TEST_DATABASE_URL).
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { closeEverything } from './cleanup';
import { createDatabase } from './pg';

const runDir = inject('runDir');
const pg = inject('pg');
const name = `w${process.env.VITEST_POOL_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
if (pg) {
  process.env.DATABASE_URL = await createDatabase(pg.url, `${pg.prefix}${name}`, `${pg.prefix}tpl`);
  // A directory of the file's own for what is still a file (probes, logs), as with SQLite.
  process.env.DATABASE_PATH = path.join(runDir, `${name}.sqlite`);
} else {
  const file = path.join(runDir, `${name}.sqlite`);
  fs.copyFileSync(path.join(runDir, 'template.sqlite'), file);
  process.env.DATABASE_PATH = file;
}
process.env.STORE_TIMEZONE ??= 'UTC';

// Every server and fake KitchenHub the file started, stopped after it (test/cleanup.ts).
afterAll(closeEverything);
