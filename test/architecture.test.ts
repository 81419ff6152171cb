// docs/architecture.md is the map of the house (issue 21, item 6). This keeps it true: every path it
// names exists, every arrow it draws is an import that exists, and every import from one top-level
// part to another is drawn, so a new dependency between parts shows up here before it hides in the tree.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './paths';

const DOC = path.join(ROOT, 'docs/architecture.md');
const PARTS = ['app', 'components', 'lib', 'db', 'sandbox'] as const;
const ROOT_FILES = ['proxy.ts', 'server.mjs', 'instrumentation.ts'];
const SOURCE = /\.(ts|tsx|mjs)$/;
const NOT_SHIPPED = /\.test\.ts$|\.d\.ts$/;

type Arrow = { from: string; to: string; line: string };

/** The arrows drawn in the ```arrows block(s): `from/ → to/  why`. */
export function parseArrows(markdown: string): Arrow[] {
  const arrows: Arrow[] = [];
  for (const block of markdown.matchAll(/```arrows\n([\s\S]*?)```/g)) {
    for (const line of (block[1] ?? '').split('\n')) {
      const m = /^\s*(\S+)\s+→\s+(\S+)/.exec(line);
      if (m?.[1] && m[2]) arrows.push({ from: m[1], to: m[2], line: line.trim() });
    }
  }
  return arrows;
}

/** Backticked repository paths the page names (`lib/orders/status.ts`, `db/storage/`); URLs and commands are not paths. */
export function namedPaths(markdown: string): string[] {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/`([^`\s]+)`/g)) {
    const token = m[1] ?? '';
    if (!token.includes('/') || token.startsWith('/') || token.includes('://') || token.includes('{')) continue;
    if (!/^[\w.[\]-]+(\/[\w.[\]-]*)+$/.test(token)) continue;
    out.add(token.replace(/\/$/, ''));
  }
  return [...out];
}

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [dir];
  const out: string[] = [];
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (SOURCE.test(entry.name) && !NOT_SHIPPED.test(entry.name)) out.push(rel);
  }
  return out;
}

/** Where each import of `file` points, as a repository path without extension. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
    const spec = m[1] ?? '';
    if (spec.startsWith('@/')) out.push(spec.slice(2));
    else if (spec.startsWith('.')) out.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
  }
  return out;
}

const within = (target: string, prefix: string): boolean => {
  const p = prefix.replace(/\/$/, '').replace(/\.(ts|tsx|mjs)$/, '');
  return target === p || target.startsWith(`${p}/`) || target.replace(/\.(ts|tsx|mjs)$/, '') === p;
};
const topOf = (p: string): string => (p.includes('/') ? p.slice(0, p.indexOf('/')) : p.replace(/\.(ts|mjs)$/, ''));

describe('docs/architecture.md', () => {
  const markdown = fs.readFileSync(DOC, 'utf8');
  const arrows = parseArrows(markdown);

  it('draws arrows', () => {
    expect(arrows.length).toBeGreaterThan(10);
  });

  it('names only paths that exist', () => {
    const missing = namedPaths(markdown).filter((p) => !fs.existsSync(path.join(ROOT, p)));
    expect(missing).toEqual([]);
  });

  it('draws only imports that exist', () => {
    const notImports = arrows.filter(
      (a) => !sourceFiles(a.from.replace(/\/$/, '')).some((f) => importsOf(f).some((t) => within(t, a.to))),
    );
    expect(notImports.map((a) => a.line)).toEqual([]);
  });

  it('draws every import from one part of the house to another', () => {
    const undrawn = new Set<string>();
    for (const file of [...PARTS.flatMap((p) => sourceFiles(p)), ...ROOT_FILES]) {
      for (const target of importsOf(file)) {
        const [from, to] = [topOf(file), topOf(target)];
        if (from === to || ![...PARTS, 'proxy', 'server', 'instrumentation'].includes(to)) continue;
        const drawn = arrows.some((a) => within(file, a.from) && within(target, a.to));
        if (!drawn) undrawn.add(`${file} → ${target}`);
      }
    }
    expect([...undrawn]).toEqual([]);
  });
});

describe('the map checker', () => {
  it('reads arrows and paths, and tells a real import from a made-up one', () => {
    const page =
      '```arrows\nlib/orders/ → db/storage/  services call storage\n```\nSee `lib/orders/status.ts` and `/v1/orders`.';
    expect(parseArrows(page)).toEqual([
      { from: 'lib/orders/', to: 'db/storage/', line: 'lib/orders/ → db/storage/  services call storage' },
    ]);
    expect(namedPaths(page)).toEqual(['lib/orders/status.ts']);
    expect(sourceFiles('lib/orders').some((f) => importsOf(f).some((t) => within(t, 'db/')))).toBe(true);
    expect(sourceFiles('db').some((f) => importsOf(f).some((t) => within(t, 'components/')))).toBe(false);
  });
});
