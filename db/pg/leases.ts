// db/storage/leases.ts's contract on PostgreSQL.
import { eq, sql } from 'drizzle-orm';
import { pgDb } from './client';
import { leases } from './schema';

export async function tryLease(name: string, holder: string, now: number, ttlMs: number): Promise<boolean> {
  const db = await pgDb();
  // The upsert locks the row: a second instance waits for the first's commit, then sees it taken.
  const rows = await db
    .insert(leases)
    .values({ name, holder, until: now + ttlMs })
    .onConflictDoUpdate({
      target: leases.name,
      set: { holder: sql`excluded.holder`, until: sql`excluded.until` },
      setWhere: sql`${leases.until} <= ${now} or ${leases.holder} = excluded.holder`,
    })
    .returning({ name: leases.name });
  return rows.length > 0;
}

export async function releaseLease(name: string, holder: string): Promise<void> {
  const db = await pgDb();
  await db.delete(leases).where(sql`${leases.name} = ${name} and ${leases.holder} = ${holder}`);
}

export async function readLease(name: string): Promise<{ holder: string; until: number } | undefined> {
  const db = await pgDb();
  const [row] = await db
    .select({ holder: leases.holder, until: leases.until })
    .from(leases)
    .where(eq(leases.name, name));
  return row;
}

/** db/storage/leases.ts's LeasesStorage on PostgreSQL (db/storage checks it against the contract). */
export const pgLeases = {
  tryLease,
  releaseLease,
  readLease,
};
