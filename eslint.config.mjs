import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Imports app/, components/ and lib/ may not make (two blocks below use them).
const storageOnlyInDb = [
  {
    group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'pg'],
    message: 'Storage lives in db/: call its async functions.',
  },
  // One store or the other is chosen in db/storage (DATABASE_URL): call it, never one store directly.
  {
    group: ['@/db/sqlite/*', '@/db/pg/*', '@/db/client', '@/db/schema', '@/db/pg/schema'],
    message: 'Call db/storage/<area>: it runs on whichever store is configured.',
  },
];

// The house's floors (issue 21): db/ is the ground floor and leans on nothing above it; the screens in
// components/ reach storage through lib/, never db/ itself. Relative paths are caught as well as @/.
const dbLeansOnNothingAbove = {
  regex: '^(@/|(\\.\\./)+)(lib|app|components)(/|$)',
  message: 'db/ imports nothing from lib/, app/ or components/: put the type or constant in db/types/<area>.ts.',
};
const componentsStayOffDb = {
  regex: '^(@/|(\\.\\./)+)db(/|$)',
  message: 'Components reach storage through lib/ (its services, views and types), never db/.',
};
// What ships to the browser parses with zod/mini (the block below that names these files).
const browserZod = [
  { name: 'zod', allowTypeImports: true, message: "Code that ships to the browser uses 'zod/mini'." },
  {
    name: '@/lib/manager/schemas',
    allowTypeImports: true,
    message: 'Its request bodies are classic zod: import the views from @/lib/manager/views.',
  },
  {
    name: '@/lib/orders/schemas',
    allowTypeImports: true,
    message: "Classic zod (the API's request bodies): parse with lib/client/schemas.",
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // process.env is read once, in lib/env.ts (style.md "Smells we avoid").
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through lib/env.ts.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: [
      'lib/env.ts',
      'db/config.ts', // storage's variables, declared at the bottom of the house (lib/env.ts validates them with the rest)
      'next.config.mjs',
      'instrumentation.ts',
      'scripts/**',
      'test/**',
      'e2e/**',
      'playwright.config.ts',
      'vitest.config.mts',
      'drizzle.config.ts',
      'drizzle.pg.config.ts',
      '**/*.test.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Drivers and SQL stay inside db/ (design.md "Storage").
    files: ['app/**', 'components/**', 'lib/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: storageOnlyInDb }],
    },
  },
  {
    // What ships to the browser parses with zod/mini: classic zod's chained methods cannot be
    // tree-shaken and added 14–15 KB gzip to every page (docs/benchmarks.md, page weight).
    files: [
      'components/**',
      'lib/client/**',
      'lib/orders/views.ts',
      'lib/manager/views.ts',
      'lib/kitchenhub/delivery-log.ts',
      'lib/kitchenhub/views.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: browserZod,
          patterns: storageOnlyInDb, // this block replaces the rule above for these files: keep its patterns
        },
      ],
    },
  },
  {
    // The screens stay off db/ (this block replaces the one above for components/: keep its lists).
    files: ['components/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: browserZod, patterns: [...storageOnlyInDb, componentsStayOffDb] }],
    },
  },
  {
    // The ground floor: db/ (its tests included) imports nothing from the floors above it.
    files: ['db/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [dbLeansOnNothingAbove] }],
    },
  },
  {
    // Playwright fixtures call their callback `use`, which is not React's hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  globalIgnores([
    '.next*/**',
    'tmp/**',
    'node_modules/**',
    'next-env.d.ts',
    'data/**',
    'test-results/**',
    'playwright-report/**',
    'db/migrations/**',
    'db/pg/migrations/**',
  ]),
]);
