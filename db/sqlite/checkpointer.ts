// WAL checkpoints off the request thread. With SQLite's default, the connection whose commit takes the
// WAL past 1,000 pages copies them into the database file and fsyncs it, inside that request: about one
// order in a hundred waited 2–5 ms for it, and every request queued behind it waited too (the API's
// p99). Here a worker thread with its own connection to the same file runs PASSIVE checkpoints on a
// timer: they never block a writer or a reader, and the fsync waits on the worker's thread. The
// request connection keeps a high automatic checkpoint as a safety net, should the worker fall behind
// or die.
import { Worker } from 'node:worker_threads';

/** How often the worker checkpoints (ms): the WAL holds at most this long's writes (a few MB at full load). */
export const CHECKPOINT_EVERY_MS = 200;
/** The request connection's own automatic checkpoint (pages): only reached if the worker does not keep up. */
export const SAFETY_NET_PAGES = 8_000;

export type CheckpointStats = { runs: number; pagesCopied: number; failures: number };

// The worker's source, run with `eval`: a file of its own would have to survive Next's bundling. It
// requires the driver by name (resolved from the app's node_modules, like the request connection's),
// and reopens its connection after a failure (file read-only, disk full, file replaced).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
let db = null;
let lastError = '';
const stats = { runs: 0, pagesCopied: 0, failures: 0 };
function tick() {
  try {
    if (!db) {
      db = new Database(workerData.file, { fileMustExist: true });
      db.pragma('synchronous = NORMAL');
    }
    const row = db.pragma('wal_checkpoint(PASSIVE)')[0];
    stats.runs++;
    stats.pagesCopied += Math.max(0, row.checkpointed);
    lastError = '';
  } catch (err) {
    stats.failures++;
    const message = err && err.message ? err.message : String(err);
    if (message !== lastError) parentPort.postMessage({ error: message });
    lastError = message;
    try { if (db) db.close(); } catch {}
    db = null;
  }
  parentPort.postMessage({ stats });
}
const timer = setInterval(tick, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  try { if (db) db.close(); } catch {}
  parentPort.close();
});
`;

export type Checkpointer = { stop(): void; stats(): CheckpointStats };

/** Starts checkpointing `file` (a WAL database) every `everyMs` on a worker thread of its own. */
export function startCheckpointer(file: string, everyMs = CHECKPOINT_EVERY_MS): Checkpointer {
  let stats: CheckpointStats = { runs: 0, pagesCopied: 0, failures: 0 };
  const worker = new Worker(WORKER, { eval: true, workerData: { file, everyMs } });
  worker.unref(); // never keeps a process (a script, a test run) alive
  worker.on('message', (message: { error?: string; stats?: CheckpointStats }) => {
    if (message.stats) stats = message.stats;
    // Storage trouble shows in the requests too (503); this says the checkpoints are failing with it.
    if (message.error) console.error(`WAL checkpointer: ${message.error} (retrying every ${everyMs} ms)`);
  });
  worker.on('error', (err) =>
    console.error('WAL checkpointer stopped; the request connection checkpoints by itself', err),
  );
  return {
    stop: () => worker.postMessage('stop'),
    stats: () => stats,
  };
}
