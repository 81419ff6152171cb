// KitchenHub's API description is vendored here (the app cannot read ../shared at run time): it must
// stay the very document in shared/, and the generated types must be what openapi-typescript makes
// of it today, so a path or field that KitchenHub does not have can never typecheck.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { ROOT } from '@/test/paths';

const VENDORED = path.join(ROOT, 'lib', 'kitchenhub', 'api', 'openapi-v2.json');
const SHARED = path.join(ROOT, '..', 'shared', 'kitchenhub', 'openapi-v2.json');

describe("KitchenHub's openapi-v2.json", () => {
  test.skipIf(!fs.existsSync(SHARED))('the vendored copy is the shared document, byte for byte', () => {
    expect(fs.readFileSync(VENDORED, 'utf8')).toBe(fs.readFileSync(SHARED, 'utf8'));
  });

  test('schema.d.ts is what `npm run kitchenhub:types` generates from it', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kds-spec-')), 'schema.d.ts');
    try {
      const bin = path.join(ROOT, 'node_modules', '.bin', 'openapi-typescript');
      execFileSync(bin, [VENDORED, '-o', out, '--empty-objects-unknown', '--default-non-nullable', 'false'], {
        stdio: 'pipe',
      });
      expect(fs.readFileSync(out, 'utf8')).toBe(
        fs.readFileSync(path.join(ROOT, 'lib', 'kitchenhub', 'api', 'schema.d.ts'), 'utf8'),
      );
    } finally {
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
    }
  });
});
