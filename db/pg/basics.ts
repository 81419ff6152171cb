// db/storage/basics.ts's contract on PostgreSQL.
import { count } from 'drizzle-orm';
import { inTx, lockIn, pgDb } from './client';
import { apiClients, apiKeys, menuOptions, staff } from './schema';
import type { Basics } from '../types/basics';

/**
 * Inserts the rows of `basics` that are not there yet, in one transaction. True when the database was
 * empty (no menu) before: of several instances seeding one new database at once, exactly one sees that.
 */
export async function seedBasics(basics: Basics): Promise<boolean> {
  return inTx(async (tx) => {
    await lockIn(tx, 'seed'); // the emptiness check and the inserts, one instance at a time
    const [row] = await tx.select({ n: count() }).from(menuOptions);
    const wasEmpty = (row?.n ?? 0) === 0;
    if (basics.menu.length > 0) await tx.insert(menuOptions).values(basics.menu).onConflictDoNothing();
    if (basics.clients.length > 0) await tx.insert(apiClients).values(basics.clients).onConflictDoNothing();
    if (basics.keys.length > 0) await tx.insert(apiKeys).values(basics.keys).onConflictDoNothing();
    if (basics.staff.length > 0) await tx.insert(staff).values(basics.staff).onConflictDoNothing();
    return wasEmpty;
  });
}

/** True when nothing has been seeded or used yet (no menu). */
export async function isEmpty(): Promise<boolean> {
  const db = await pgDb();
  const [row] = await db.select({ n: count() }).from(menuOptions);
  return (row?.n ?? 0) === 0;
}

/** db/storage/basics.ts's BasicsStorage on PostgreSQL (db/storage checks it against the contract). */
export const pgBasics = {
  seedBasics,
  isEmpty,
};
