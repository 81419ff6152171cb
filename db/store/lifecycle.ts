// Opening, checking and closing whichever store is configured (scripts, health checks, tests).
import { checkpointStats, closeDb, getDb, pingDb, prepareAll } from '../client';
import type { CheckpointStats } from '../sqlite/checkpointer';
import { findApiKeyByHash } from './api-keys';
import { listQueue } from './orders';
// prepareAll() prepares what this module copy has loaded: load every store module of the API's hot
// path here (the instrumentation copy that warms up might otherwise never import the rate limiter).
import './menu';
import './rate-limits';
import './settings';
import { closePg, pgDb, pingPg } from '../pg/client';
import { storeKind } from './pick';

/** Opens the configured store, applying committed migrations. */
export async function openStore(): Promise<void> {
  if (storeKind() === 'postgres') await pgDb();
  else getDb();
}

/** A cheap round trip to the store (for /api/health). */
export async function pingStore(): Promise<void> {
  return storeKind() === 'postgres' ? pingPg() : pingDb();
}

/** What the SQLite WAL checkpointer has done (db/sqlite/checkpointer.ts); undefined on PostgreSQL. */
export function walCheckpoints(): CheckpointStats | undefined {
  return storeKind() === 'sqlite' ? checkpointStats() : undefined;
}

/** Closes this process's connections to the store. */
export async function closeStore(): Promise<void> {
  if (storeKind() === 'postgres') await closePg();
  else closeDb();
}

/**
 * Start-up warm-up without side effects: prepares the hot statements (SQLite) or opens a pooled
 * connection (PostgreSQL), and reads what every order request reads first (a key lookup, the open
 * queue), so the first real order does not pay for it.
 */
export async function warmStore(): Promise<void> {
  await openStore();
  if (storeKind() === 'sqlite') prepareAll();
  await findApiKeyByHash('0'.repeat(64));
  await listQueue();
}
