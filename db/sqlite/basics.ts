// What every database needs to be usable: the menu, an API client with its key, and staff. The rows
// come from lib/seed.ts (demo data lives there); storage only inserts whichever of them are missing.
import { count } from 'drizzle-orm';
import { getDb } from '../client';
import { apiClients, apiKeys, menuOptions, staff } from '../schema';
import type { Basics } from '../types/basics';

/**
 * Inserts the rows of `basics` that are not there yet, in one transaction. True when the database was
 * empty (no menu) before: of several instances seeding one new database at once, exactly one sees that.
 */
export async function seedBasics(basics: Basics): Promise<boolean> {
  return getDb().transaction(
    (tx) => {
      const wasEmpty = (tx.select({ n: count() }).from(menuOptions).get()?.n ?? 0) === 0;
      if (basics.menu.length > 0) tx.insert(menuOptions).values(basics.menu).onConflictDoNothing().run();
      if (basics.clients.length > 0) tx.insert(apiClients).values(basics.clients).onConflictDoNothing().run();
      if (basics.keys.length > 0) tx.insert(apiKeys).values(basics.keys).onConflictDoNothing().run();
      if (basics.staff.length > 0) tx.insert(staff).values(basics.staff).onConflictDoNothing().run();
      return wasEmpty;
    },
    { behavior: 'immediate' },
  );
}

/** True when nothing has been seeded or used yet (no menu). */
export async function isEmpty(): Promise<boolean> {
  const row = getDb().select({ n: count() }).from(menuOptions).get();
  return (row?.n ?? 0) === 0;
}

/** db/storage/basics.ts's BasicsStorage on the SQLite file (db/storage checks it against the contract). */
export const sqliteBasics = {
  seedBasics,
  isEmpty,
};
