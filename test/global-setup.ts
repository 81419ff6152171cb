// Runs once before all test files: builds the template database every test file copies.
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { TEST_TMP_ROOT } from './paths';

declare module 'vitest' {
  export interface ProvidedContext {
    runDir: string;
  }
}

export default async function setup(project: TestProject) {
  const runDir = path.join(TEST_TMP_ROOT, `run-${process.pid}-${Date.now()}`);
  fs.mkdirSync(runDir, { recursive: true });
  /** A migrated database with the menu, the demo key and demo staff; each test file starts from a copy. */
  process.env.DATABASE_PATH = path.join(runDir, 'template.sqlite');
  const { getDb, closeDb } = await import('@/db/client');
  const { seedBasics } = await import('@/db/seed');
  getDb();
  seedBasics(Date.now());
  closeDb(); // the last connection's close folds the WAL into the file, so a plain copy is complete
  project.provide('runDir', runDir);
  return () => fs.rmSync(runDir, { recursive: true, force: true });
}
