import { eq, inArray } from 'drizzle-orm';
import { getDb } from '../client';
import { settings } from '../schema';

/** Stored values for `keys` (missing keys are absent from the result). */
export async function readSettings(keys: readonly string[]): Promise<Record<string, unknown>> {
  const rows = getDb().select().from(settings).where(inArray(settings.key, [...keys])).all();
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
