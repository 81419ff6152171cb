// Opening, checking and closing whichever database is configured (scripts, health checks, tests).
import { checkpointStats, closeDb, getDb, pingDb, prepareAll } from '../client';
import type { CheckpointStats } from '../sqlite/checkpointer';
import { findApiKeyByHash } from './api-keys';
import { listQueue } from './orders';
// prepareAll() prepares what this module copy has loaded: load every storage module of the API's hot
// path here (the instrumentation copy that warms up might otherwise never import the rate limiter).
import './menu';
import './rate-limits';
import './settings';
import { closePg, pgDb, pingPg } from '../pg/client';
import { storageKind } from './pick';

/** Opens the configured database, applying committed migrations. */
export async function openStorage(): Promise<void> {
  if (storageKind() === 'postgres') await pgDb();
  else getDb();
}

/** A cheap round trip to the database (for /api/health). */
export async function pingStorage(): Promise<void> {
  return storageKind() === 'postgres' ? pingPg() : pingDb();
}

/** What the SQLite WAL checkpointer has done (db/sqlite/checkpointer.ts); undefined on PostgreSQL. */
export function walCheckpoints(): CheckpointStats | undefined {
  return storageKind() === 'sqlite' ? checkpointStats() : undefined;
}

/** Closes this process's connections to the database. */
export async function closeStorage(): Promise<void> {
  if (storageKind() === 'postgres') await closePg();
  else closeDb();
}

/**
 * Start-up warm-up without side effects: prepares the hot statements (SQLite) or opens a pooled
 * connection (PostgreSQL), and reads what every order request reads first (a key lookup, the open
 * queue), so the first real order does not pay for it.
 */
export async function warmStorage(): Promise<void> {
  await openStorage();
  if (storageKind() === 'sqlite') prepareAll();
  await findApiKeyByHash('0'.repeat(64));
  await listQueue();
}
