// npm run test:reliability: the full-size reliability suites (issue 11), one file at a time so each
// has the machine to itself. npm test runs the same files at short sizes through vitest.config.mts.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.mts';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/reliability/**/*.test.ts'], // replaces the default include (mergeConfig would append to it)
    env: { RELIABILITY: 'full' },
    fileParallelism: false,
    testTimeout: 1_800_000,
    hookTimeout: 120_000,
  },
});
