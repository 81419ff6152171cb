// Shared pieces of the reliability suites (issue 11, section 2): run sizes, a concurrency pool, a
// checksum of the database's rows, and a Server-Sent Events client that resumes with Last-Event-ID.
// RELIABILITY=full (npm run test:reliability) runs the full sizes; anything else (npm test) the short ones.
import { createHash } from 'node:crypto';
import { rawRows, tableNames as allTables } from '@/db/storage/inspect';

export const FULL = process.env.RELIABILITY === 'full';

/** `full` in the full run, `short` inside npm test. */
export const size = (short: number, full: number): number => (FULL ? full : short);

/** Runs `tasks` with at most `concurrency` in flight, in order of start; resolves when all settle. */
export async function pool<T>(
  concurrency: number,
  tasks: ReadonlyArray<() => Promise<T>>,
): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      try {
        results[i] = { status: 'fulfilled', value: await tasks[i]!() };
      } catch (reason) {
        results[i] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return results;
}

export { eventually } from '../eventually';

/** A Fisher–Yates shuffle driven by `random` (a seeded one makes a failure re-runnable). */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** A small seeded PRNG (mulberry32): the seed is printed so a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** Milliseconds `fn` took, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** "p50 3 ms, max 9 ms (n=20)" for printing (timings are reported, never asserted). */
export function describeTimings(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${(s[s.length - 1] ?? NaN).toFixed(1)} ms (n=${s.length})`;
}

/** Rows of a query, read through this process's own connection to the server's database. */
export async function rows<T = Record<string, unknown>>(query: string): Promise<T[]> {
  return rawRows<T>(query);
}

/** The tables whose rows a checksum covers: every table of the schema except `excluded`. */
export async function tableNames(excluded: readonly string[]): Promise<string[]> {
  return (await allTables()).filter((n) => !excluded.includes(n));
}

/** A column value as text: bytes in hex, JSON (PostgreSQL's jsonb) as JSON, the rest as it prints. */
const asText = (value: unknown): string =>
  value === null
    ? '\u0001'
    : value instanceof Uint8Array
      ? Buffer.from(value).toString('hex')
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);

/**
 * A SHA-256 over every row of `tables` (sorted as text), leaving out `omitColumns`
 * ("table.column"). Two equal checksums mean the rows are the same.
 */
export async function checksum(tables: readonly string[], omitColumns: readonly string[] = []): Promise<string> {
  const hash = createHash('sha256');
  for (const table of tables) {
    hash.update(`\u0000${table}\u0000`);
    // Each row as text, sorted as text: the same order on both databases, whatever the column types.
    const lines = (await rows(`select * from "${table}"`)).map((row) =>
      Object.entries(row)
        .filter(([column]) => !omitColumns.includes(`${table}.${column}`))
        .map(([column, value]) => `${column}=${asText(value)}\u0000`)
        .join(''),
    );
    for (const line of lines.sort()) hash.update(`${line}\n`);
  }
  return hash.digest('hex');
}

/** One SSE message: `id` is the order event's sequence number for `order` events. */
export type StreamMessage = { id: number | null; event: string; data: unknown };

/**
 * A live stream that reconnects by itself, like a browser's EventSource: whenever the connection
 * ends or fails it waits a moment and reconnects to `baseUrl()` (which may change across a restart)
 * with `Last-Event-ID` set to the last id it received.
 */
export class ResumingStream {
  readonly messages: StreamMessage[] = [];
  /** How many times the server said `ready` (one per successful connection). */
  connections = 0;
  lastId: string | null = null;
  private controller = new AbortController();
  private closed = false;

  constructor(
    private readonly baseUrl: () => string,
    private readonly path: string,
    private readonly headers: Record<string, string> = {},
  ) {
    void this.loop();
  }

  /** `order` event ids in the order they arrived. */
  orderIds(): number[] {
    return this.messages.filter((m) => m.event === 'order').map((m) => m.id ?? -1);
  }

  count(event: string): number {
    return this.messages.filter((m) => m.event === event).length;
  }

  close(): void {
    this.closed = true;
    this.controller.abort();
  }

  private async loop(): Promise<void> {
    while (!this.closed) {
      try {
        await this.connectOnce();
      } catch {
        // refused while the server is down, or cut by its restart: try again
      }
      if (!this.closed) await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async connectOnce(): Promise<void> {
    const headers: Record<string, string> = { Accept: 'text/event-stream', ...this.headers };
    if (this.lastId !== null) headers['Last-Event-ID'] = this.lastId;
    const res = await fetch(`${this.baseUrl()}${this.path}`, { headers, signal: this.controller.signal });
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      return;
    }
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        let id: string | null = null;
        let event = 'message';
        let data: string | null = null;
        for (const line of block.split('\n')) {
          if (line.startsWith('id: ')) id = line.slice(4);
          else if (line.startsWith('event: ')) event = line.slice(7);
          else if (line.startsWith('data: ')) data = line.slice(6);
        }
        if (data === null) continue;
        if (id !== null) this.lastId = id; // what a browser's EventSource keeps and resends
        this.messages.push({ id: id === null ? null : Number(id), event, data: JSON.parse(data) });
        if (event === 'ready') this.connections++;
      }
    }
  }
}
