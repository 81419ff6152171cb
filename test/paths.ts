import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
/** Each vitest run works in its own folder under here, so parallel runs never share files. */
export const TEST_TMP_ROOT = path.join(ROOT, 'tmp', 'vitest');
