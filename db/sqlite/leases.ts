// Named leases (see the `leases` table): one holder at a time, shared by every connection.
import { eq, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { leases } from '../schema';

/**
 * Takes `name` for `holder` until `now + ttlMs` when it is free (never taken, or expired) or already
 * this holder's. One statement: of two instances asking at once, exactly one gets it.
 */
export async function tryLease(name: string, holder: string, now: number, ttlMs: number): Promise<boolean> {
  const res = getDb()
    .insert(leases)
    .values({ name, holder, until: now + ttlMs })
    .onConflictDoUpdate({
      target: leases.name,
      set: { holder: sql`excluded.holder`, until: sql`excluded.until` },
      setWhere: sql`${leases.until} <= ${now} or ${leases.holder} = excluded.holder`,
    })
    .run();
  return res.changes > 0;
}

/** Gives `name` back early, if `holder` still has it. */
export async function releaseLease(name: string, holder: string): Promise<void> {
  getDb()
    .delete(leases)
    .where(sql`${leases.name} = ${name} and ${leases.holder} = ${holder}`)
    .run();
}

/** Who holds `name` and until when (undefined when nobody ever took it). */
export async function readLease(name: string): Promise<{ holder: string; until: number } | undefined> {
  return getDb().select({ holder: leases.holder, until: leases.until }).from(leases).where(eq(leases.name, name)).get();
}

/** db/storage/leases.ts's LeasesStorage on the SQLite file (db/storage checks it against the contract). */
export const sqliteLeases = {
  tryLease,
  releaseLease,
  readLease,
};
