import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const TEST_TMP = path.join(ROOT, 'tmp', 'vitest');
/** A migrated database with the menu, the demo key and demo staff; each test file starts from a copy. */
export const TEMPLATE_DB = path.join(TEST_TMP, 'template.sqlite');
