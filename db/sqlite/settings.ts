import { eq, sql } from 'drizzle-orm';
import { getDb, preparedOnce } from '../client';
import { settings } from '../schema';

// Settings are read on every order request: one prepared statement reads any set of keys (passed as
// a JSON array), so a request that needs two settings makes one round trip.
const statements = preparedOnce('settings', (db) => ({
  read: db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(sql`${settings.key} in (select value from json_each(${sql.placeholder('keys')}))`)
    .prepare(),
}));

/** Stored values for `keys` (missing keys are absent from the result). */
export async function readSettings(keys: readonly string[]): Promise<Record<string, unknown>> {
  const rows = statements().read.all({ keys: JSON.stringify(keys) });
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export async function writeSetting(key: string, value: unknown, now: number): Promise<void> {
  getDb()
    .insert(settings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
    .run();
}

/** Stores `value` under `key` unless a value is already there; returns whichever value is stored. */
export async function writeSettingOnce(key: string, value: unknown, now: number): Promise<unknown> {
  const db = getDb();
  return db.transaction((tx) => {
    tx.insert(settings).values({ key, value, updatedAt: now }).onConflictDoNothing().run();
    return tx.select().from(settings).where(eq(settings.key, key)).get()?.value;
  });
}

/** Removes a setting: it reads as its default again. */
export async function deleteSetting(key: string): Promise<void> {
  getDb().delete(settings).where(eq(settings.key, key)).run();
}

/** db/storage/settings.ts's SettingsStorage on the SQLite file (db/storage checks it against the contract). */
export const sqliteSettings = {
  readSettings,
  writeSetting,
  writeSettingOnce,
  deleteSetting,
};
