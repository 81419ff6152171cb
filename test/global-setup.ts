// Runs once before all test files: builds the template database every test file copies — a SQLite
// file, or with TEST_DATABASE_URL a PostgreSQL database (see test/pg.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { TEST_TMP_ROOT } from './paths';
import { TEST_DATABASE_URL, createDatabase, dropDatabases } from './pg';

declare module 'vitest' {
  export interface ProvidedContext {
    runDir: string;
    /** With PostgreSQL: the admin URL, and the prefix of this run's databases (the template is `<prefix>tpl`). */
    pg: { url: string; prefix: string } | null;
  }
}

export default async function setup(project: TestProject) {
  const runDir = path.join(TEST_TMP_ROOT, `run-${process.pid}-${Date.now()}`);
  fs.mkdirSync(runDir, { recursive: true });
  /**
   * A migrated database with the menu, the demo key and demo staff, and demo data recorded as on (the
   * tests sign in with the demo PINs); each test file starts from a copy. Tests of an install without
   * demo data start their server on a new database of their own (test/fresh.ts).
   */
  let pg: { url: string; prefix: string } | null = null;
  if (TEST_DATABASE_URL) {
    pg = { url: TEST_DATABASE_URL, prefix: `kds_t${process.pid}_${Date.now().toString(36)}_` };
    process.env.DATABASE_URL = await createDatabase(pg.url, `${pg.prefix}tpl`);
  } else {
    process.env.DATABASE_PATH = path.join(runDir, 'template.sqlite');
  }
  const { seedBasics } = await import('@/lib/seed');
  await seedBasics(Date.now(), { demo: true });
  const { closeStorage } = await import('@/db/storage/lifecycle');
  await closeStorage(); // SQLite: the last close folds the WAL into the file, so a plain copy is complete; PostgreSQL: a template must have no connections
  project.provide('runDir', runDir);
  project.provide('pg', pg);
  return async () => {
    fs.rmSync(runDir, { recursive: true, force: true });
    if (pg) await dropDatabases(pg.url, pg.prefix);
  };
}
