// Opening, checking and closing whichever store is configured (scripts, health checks, tests).
import { closeDb, getDb, pingDb } from '../client';
import { closePg, pgDb, pingPg } from '../pg/client';
import { storeKind } from './twin';

/** Opens the configured store, applying committed migrations. */
export async function openStore(): Promise<void> {
  if (storeKind() === 'postgres') await pgDb();
  else getDb();
}

/** A cheap round trip to the store (for /api/health). */
export async function pingStore(): Promise<void> {
  return storeKind() === 'postgres' ? pingPg() : pingDb();
}

/** Closes this process's connections to the store. */
export async function closeStore(): Promise<void> {
  if (storeKind() === 'postgres') await closePg();
  else closeDb();
}
