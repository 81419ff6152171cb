// db/storage/settings.ts's contract on PostgreSQL.
import { eq, inArray, sql } from 'drizzle-orm';
import { pgDb } from './client';
import { settings } from './schema';

// Values are read as text and parsed here, once: a stored string such as "123" must come back as the
// string, never the number 123 (see the JSON type parsers in client.ts).
const valueText = sql<string>`${settings.value}::text`;
const parse = (text: string): unknown => JSON.parse(text);

/** Stored values for `keys` (missing keys are absent from the result). */
export async function readSettings(keys: readonly string[]): Promise<Record<string, unknown>> {
  if (keys.length === 0) return {};
  const db = await pgDb();
  const rows = await db
    .select({ key: settings.key, value: valueText })
    .from(settings)
    .where(inArray(settings.key, [...keys]));
  return Object.fromEntries(rows.map((r) => [r.key, parse(r.value)]));
}

export async function writeSetting(key: string, value: unknown, now: number): Promise<void> {
  const db = await pgDb();
  await db
    .insert(settings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
}

/** Stores `value` under `key` unless a value is already there; returns whichever value is stored. */
export async function writeSettingOnce(key: string, value: unknown, now: number): Promise<unknown> {
  const db = await pgDb();
  // A racing first writer makes this insert wait for its commit and then do nothing; the read after it
  // (a new snapshot under READ COMMITTED) sees that writer's value, so every caller gets the winner.
  const [inserted] = await db
    .insert(settings)
    .values({ key, value, updatedAt: now })
    .onConflictDoNothing()
    .returning({ value: valueText });
  if (inserted) return parse(inserted.value);
  const [stored] = await db.select({ value: valueText }).from(settings).where(eq(settings.key, key));
  return stored ? parse(stored.value) : undefined;
}

export async function deleteSetting(key: string): Promise<void> {
  const db = await pgDb();
  await db.delete(settings).where(eq(settings.key, key));
}

/** db/storage/settings.ts's SettingsStorage on PostgreSQL (db/storage checks it against the contract). */
export const pgSettings = {
  readSettings,
  writeSetting,
  writeSettingOnce,
  deleteSetting,
};
