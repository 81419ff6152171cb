// Where the server's time goes: `next start` under `node --cpu-prof` while autocannon drives one endpoint,
// and on a fresh start while the first order is placed; the profile's self time within that window
// summed per function and per area (Next, our code, Node, SQLite's native calls, GC). Feeds the "what
// limits us" paragraphs of docs/benchmarks.md.
import autocannon from 'autocannon';
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  API_KEY,
  BASE_QUEUE,
  SEED_BODY,
  fmt,
  freshDatabase,
  placeOrder,
  sleep,
  startKitchen,
  startServer,
  table,
} from './common';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
};

/** The original file and line of a position in a built chunk, through the chunk's source map. */
const maps = new Map<string, SourceMap | null>();
function original(url: string, line: number, column: number): string | undefined {
  if (!url.startsWith('file://')) return undefined;
  let map = maps.get(url);
  if (map === undefined) {
    const file = `${fileURLToPath(url)}.map`;
    map = fs.existsSync(file)
      ? new SourceMap(JSON.parse(fs.readFileSync(file, 'utf8')) as ConstructorParameters<typeof SourceMap>[0])
      : null; // Next's own map
    maps.set(url, map);
  }
  const entry = map?.findEntry(line, column);
  // A segment without a source (generated code, e.g. Turbopack's runtime glue) has no originalSource.
  if (!entry || !('originalSource' in entry) || typeof entry.originalSource !== 'string') return undefined;
  return `${sourcePath(entry.originalSource, url)}:${entry.originalLine + 1}`;
}

/**
 * A map's source as a path `area()` can sort. Our chunks' maps name sources relative to the chunk
 * (`../../../lib/orders/eta.ts`): resolved, they are shown from the project root (`lib/orders/eta.ts`).
 * A package's maps may point outside the package (drizzle-orm's `../src/entity.ts`), so a source mapped
 * from a file in node_modules is named by that file's package (`drizzle-orm/src/entity.ts`).
 */
function sourcePath(source: string, chunkUrl: string): string {
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(chunkUrl)?.[1];
  if (pkg && !/^[a-z][a-z0-9+.-]*:/i.test(source)) return `${pkg}/${source.replace(/^(\.\.?\/)+/, '')}`;
  const resolved = /^[a-z][a-z0-9+.-]*:/i.test(source) ? source : new URL(source, chunkUrl).href;
  return resolved.replace(/^.*\[project\]\//, '').replace(pathToFileURL(`${process.cwd()}/`).href, '');
}
type Profile = { nodes: Node[]; startTime: number; samples: number[]; timeDeltas: number[] };

/**
 * Now in µs on CLOCK_MONOTONIC: the clock of V8's profile timestamps (`startTime`, `timeDeltas`) in
 * the server process, so a window measured here selects that process's samples.
 */
const now = () => Number(process.hrtime.bigint() / 1000n);
type Window = { from: number; to: number };

function area(url: string, fn: string): string {
  if (fn === '(garbage collector)') return 'GC';
  if (fn === '(program)' || fn === '(idle)' || fn === '(root)') return fn;
  if (url.includes('better-sqlite3')) return 'better-sqlite3 (JS side)';
  // Next's server code: its files in node_modules, or its compiled chunks' sources (`webpack://next/…`,
  // named `next/src/…` by sourcePath).
  if (
    url.includes('node_modules/next/') ||
    url.includes('/next/dist/') ||
    url.startsWith('webpack://next/') ||
    url.startsWith('next/')
  )
    return 'Next.js';
  if (url.includes('react-dom') || url.includes('node_modules/react')) return 'React';
  if (/(^|\/)zod\//.test(url)) return 'zod';
  if (url.includes('drizzle-orm/')) return 'drizzle-orm';
  if (/^(lib|db|app)\//.test(url)) return 'our code (lib/, db/, app/)';
  if (url.includes('/server/chunks/') || url.includes('/server/app/')) return 'app bundle (unmapped)';
  if (url.startsWith('node:') || url === '') return 'Node.js and native (incl. SQLite statements)';
  return 'other';
}

/** Self time (ms) per area and function of the samples taken within `window`. */
function summarise(
  file: string,
  window: Window,
  topN = 12,
): { total: number; areas: Array<[string, number]>; top: Array<[string, string, number]> } {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile; // V8's own .cpuprofile format
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    // A sample stands for the time until the next one.
    if (at >= window.from && at <= window.to)
      self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  const areas = new Map<string, number>();
  const fns = new Map<string, { area: string; ms: number }>();
  let total = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id);
    if (!n) continue;
    const { functionName, lineNumber, columnNumber } = n.callFrame;
    const mapped = original(n.callFrame.url, lineNumber, columnNumber);
    const url = mapped ?? n.callFrame.url;
    const a = area(url, functionName);
    if (a === '(idle)') continue;
    total += ms;
    areas.set(a, (areas.get(a) ?? 0) + ms);
    const where =
      mapped ??
      (url
        ? `${url
            .replace(/^.*\/node_modules\//, '')
            .replace(/^.*\/\.next-bench\//, '.next-bench/')
            .replace(/^file:\/\//, '')}:${lineNumber + 1}`
        : '');
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    const f = fns.get(key) ?? { area: a, ms: 0 };
    f.ms += ms;
    fns.set(key, f);
  }
  return {
    total,
    areas: [...areas].sort((a, b) => b[1] - a[1]),
    top: [...fns]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, topN)
      .map(([k, v]) => [k, v.area, v.ms]),
  };
}

const cpuProfile = (dir: string) => {
  const file = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile')) : undefined;
  return file && path.join(dir, file);
};

/** Self time per area; with `perReq`, also per request. */
const areaTable = (s: ReturnType<typeof summarise>, perReq?: (ms: number) => string) =>
  perReq
    ? table(
        ['area (self time)', 'ms', 'µs per request', 'share'],
        ['---', '--:', '--:', '--:'],
        s.areas.map(([a, ms]) => [a, fmt(ms), perReq(ms), `${fmt((ms / s.total) * 100)} %`]),
      )
    : table(
        ['area (self time)', 'ms', 'share'],
        ['---', '--:', '--:'],
        s.areas.map(([a, ms]) => [a, fmt(ms, 2), `${fmt((ms / s.total) * 100)} %`]),
      );
const topTable = (s: ReturnType<typeof summarise>, digits: number) =>
  table(
    ['top functions by self time', 'area', 'ms', 'share'],
    ['---', '---', '--:', '--:'],
    s.top.map(([f, a, ms]) => [
      `\`${f.replaceAll('|', '\\|')}\``,
      a,
      fmt(ms, digits),
      `${fmt((ms / s.total) * 100, 1)} %`,
    ]),
  );

/**
 * Profiles POST /v1/orders and GET /v1/orders/{id} under load (only the samples taken while
 * autocannon ran: start-up and shut-down are left out), then the first order after a fresh start
 * (sampled every 100 µs); returns markdown lines.
 */
export async function profile(tmp: string, seconds: number): Promise<string[]> {
  console.log('\n== CPU profile (node --cpu-prof)');
  const lines: string[] = [];
  for (const method of ['POST', 'GET'] as const) {
    const dir = path.join(tmp, `prof-${method}`);
    const db = await freshDatabase(tmp, `prof-${method}.sqlite`);
    const server = await startServer({ databasePath: db, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
    const queue: string[] = [];
    for (let i = 0; i < BASE_QUEUE; i++) queue.push(await placeOrder(server.url));
    const url = method === 'POST' ? `${server.url}/v1/orders` : `${server.url}/v1/orders/${queue[0] ?? ''}`;
    // The same conditions as the throughput part: a base queue and a kitchen handing the rest off.
    const kitchen = await startKitchen(db, queue);
    const from = now();
    const result = await autocannon({
      url,
      method,
      connections: 10,
      duration: seconds,
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      ...(method === 'POST' ? { body: SEED_BODY } : {}),
    });
    const to = now();
    await kitchen.stop();
    await server.stop(); // next start exits on SIGTERM; V8 writes the profile at exit
    const file = cpuProfile(dir);
    if (!file) {
      lines.push(`(${method}: no profile was written)`);
      continue;
    }
    const s = summarise(file, { from, to });
    const perReq = (ms: number) => fmt((ms / result.requests.total) * 1000, 0);
    console.log(`${method}: ${result.requests.total} requests, ${fmt(s.total)} ms CPU sampled`);
    lines.push(
      `**${method} ${method === 'POST' ? '/v1/orders' : '/v1/orders/{id}'}**: ${result.requests.total} requests in ${seconds} s (10 connections), ${fmt(s.total)} ms of CPU sampled while the load ran, ${perReq(s.total)} µs per request.`,
      '',
      ...areaTable(s, perReq),
      '',
      ...topTable(s, 0),
      '',
    );
  }
  lines.push(...(await firstOrder(tmp)));
  return lines;
}

/** The first POST /v1/orders 0.5 s after a fresh start (as in the cold-start part), sampled every 100 µs. */
async function firstOrder(tmp: string): Promise<string[]> {
  const dir = path.join(tmp, 'prof-first');
  const db = await freshDatabase(tmp, 'prof-first.sqlite');
  const server = await startServer({
    databasePath: db,
    pollMs: 10,
    nodeArgs: ['--cpu-prof', '--cpu-prof-interval=100', `--cpu-prof-dir=${dir}`],
  });
  await sleep(500);
  const post = async () => {
    const from = now();
    const res = await fetch(`${server.url}/v1/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: SEED_BODY,
    });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`first POST answered ${res.status}`);
    return { from, to: now() };
  };
  const first = await post();
  const steady: Window[] = [];
  for (let i = 0; i < 20; i++) steady.push(await post());
  await server.stop();
  const file = cpuProfile(dir);
  if (!file) return ['(first order: no profile was written)'];
  const s = summarise(file, first, 15);
  const later = steady
    .slice(5)
    .map((w) => summarise(file, w).total)
    .sort((a, b) => a - b);
  const steadyMs = later[Math.floor(later.length / 2)] ?? 0;
  console.log(`first order: ${fmt((first.to - first.from) / 1000, 1)} ms, ${fmt(s.total, 1)} ms CPU sampled`);
  return [
    `**The first POST /v1/orders after a fresh start** (0.5 s after the server answers, with the start-up warm-up done; sampled every 100 µs): ${fmt((first.to - first.from) / 1000, 1)} ms from request to response in the bench, ${fmt(s.total, 1)} ms of it sampled on the server's main thread, against ${fmt(steadyMs, 1)} ms sampled for a steady-state one (the median of POSTs 6–20 after it).`,
    '',
    ...areaTable(s),
    '',
    ...topTable(s, 2),
    '',
  ];
}
