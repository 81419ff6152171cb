// Runs before each test file, before any of our modules load: gives the file its own SQLite database.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

const runDir = inject('runDir');
const file = path.join(runDir, `w${process.env.VITEST_POOL_ID ?? '0'}-${randomBytes(4).toString('hex')}.sqlite`);
fs.copyFileSync(path.join(runDir, 'template.sqlite'), file);
process.env.DATABASE_PATH = file;
process.env.STORE_TIMEZONE ??= 'UTC';
