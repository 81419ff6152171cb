// Page weight: the first-load JavaScript of each screen, gzip-compressed (level 9, as a CDN would serve
// it), read from the build: the root main files every page loads (build-manifest.json) plus the entry
// chunks of the page and its layouts (the page's client reference manifest). The nomodule polyfills
// are left out: modern browsers never fetch them.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { DIST_DIR, ROOT, fmt, goal, table, type Section } from './common';

const PAGES: Array<{ route: string; dir: string; goalKb?: number }> = [
  { route: '/kitchen', dir: 'kitchen', goalKb: 150 },
  { route: '/track/[orderId]', dir: 'track/[orderId]', goalKb: 120 },
  { route: '/board', dir: 'board' },
  { route: '/manager', dir: 'manager' },
];

function entryChunks(dist: string, dir: string): string[] {
  const file = path.join(dist, 'server', 'app', dir, 'page_client-reference-manifest.js');
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[page] = {...}: run it in a sandbox.
  const sandbox: {
    self?: unknown;
    globalThis?: unknown;
    __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }>;
  } = {};
  sandbox.self = sandbox;
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox);
  return Object.values(sandbox.__RSC_MANIFEST ?? {}).flatMap((m) => Object.values(m.entryJSFiles ?? {}).flat());
}

export function pageWeight(): Section {
  console.log('\n== Page weight');
  const dist = path.join(ROOT, DIST_DIR);
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles?: string[];
  }; // Next's own build output
  const root = manifest.rootMainFiles ?? [];
  const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length;
  const raw = (f: string) => fs.statSync(path.join(dist, f)).size;
  const sum = (files: string[], size: (f: string) => number) => files.reduce((n, f) => n + size(f), 0) / 1024;
  const shared = sum(root, gz);
  const rows: string[][] = [];
  const goals: Section['goals'] = [];
  for (const p of PAGES) {
    const files = [...new Set([...root, ...entryChunks(dist, p.dir)])];
    const kb = sum(files, gz);
    console.log(`${p.route}: ${fmt(kb, 1)} KB gzip in ${files.length} files`);
    rows.push([
      p.route,
      fmt(kb, 1),
      fmt(kb - shared, 1),
      fmt(sum(files, raw), 1),
      String(files.length),
      p.goalKb ? `≤ ${p.goalKb} KB: ${goal(kb <= p.goalKb)}` : '',
    ]);
    if (p.goalKb)
      goals.push({
        name: `${p.route} first-load JS ≤ ${p.goalKb} KB gzip`,
        value: `${fmt(kb, 1)} KB`,
        met: kb <= p.goalKb,
      });
  }
  const markdown = [
    `Shared by every page (the framework and React, \`rootMainFiles\`): ${fmt(shared, 1)} KB gzip. A build has one size: no repetitions.`,
    '',
    ...table(
      ['page', 'first-load JS KB (gzip)', 'of which the page’s own', 'uncompressed KB', 'files', 'goal'],
      ['---', '--:', '--:', '--:', '--:', '---'],
      rows,
    ),
  ];
  return { title: 'Page weight', markdown, goals };
}
