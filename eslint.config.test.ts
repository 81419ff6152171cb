// The house's import rules are only as good as the config that states them: these lint code that breaks
// them and expect the error (and code that keeps them, and expect none), through ESLint's Node API with
// this repository's eslint.config.mjs.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, test } from 'vitest';

const root = path.dirname(new URL(import.meta.url).pathname);
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.mjs') });
});

/** The no-restricted-imports messages linting `code` as the file `filePath` gives. */
async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the import boundaries (eslint.config.mjs)', { timeout: 120_000 }, () => {
  test('db/ may not import lib/, by alias or by a relative path', async () => {
    const alias = await restrictedImports("import { env } from '@/lib/env';\nexport const x = env;\n", 'db/x.ts');
    expect(alias).toEqual([expect.stringMatching(/db\/ imports nothing from lib\//)]);
    const typeOnly = "import type { Order } from '@/lib/orders/types';\nexport type X = Order;\n";
    expect(await restrictedImports(typeOnly, 'db/storage/x.ts')).toHaveLength(1);
    const relative = "import { env } from '../../lib/env';\nexport const x = env;\n";
    expect(await restrictedImports(relative, 'db/sqlite/x.ts')).toHaveLength(1);
    const inATest = "import { placeOrder } from '@/lib/orders/service';\nexport const x = placeOrder;\n";
    expect(await restrictedImports(inATest, 'db/storage/x.contract.test.ts')).toHaveLength(1);
  });

  test('db/ may import itself and its packages', async () => {
    const code =
      "import { sql } from 'drizzle-orm';\nimport type { Order } from '../types/orders';\nexport type X = [Order, typeof sql];\n";
    expect(await restrictedImports(code, 'db/sqlite/x.ts')).toEqual([]);
  });

  test('components/ may not import db/', async () => {
    const store = "import { listMenu } from '@/db/storage/menu';\nexport const x = listMenu;\n";
    expect(await restrictedImports(store, 'components/kitchen/x.tsx')).toEqual([
      expect.stringMatching(/Components reach storage through lib\//),
    ]);
    const types = "import type { Order } from '@/db/types/orders';\nexport type X = Order;\n";
    expect(await restrictedImports(types, 'components/x.tsx')).toHaveLength(1);
    const relative = "import { listMenu } from '../../db/storage/menu';\nexport const x = listMenu;\n";
    expect(await restrictedImports(relative, 'components/kitchen/x.tsx')).toHaveLength(1);
  });

  test('lib/ may import db/storage and db/types', async () => {
    const code =
      "import { listMenu } from '@/db/storage/menu';\nimport type { Order } from '@/db/types/orders';\nexport const x: [typeof listMenu, Order?] = [listMenu];\n";
    expect(await restrictedImports(code, 'lib/x.ts')).toEqual([]);
  });
});
