// db/storage/admin.ts's contract on PostgreSQL. The staff rules (the last manager, unique PINs) read every
// active member before writing: an advisory lock serializes those decisions as SQLite's writer did.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { inTx, lockIn, pgDb, type PgRunner } from './client';
import { apiClients, apiKeys, sessions, settings, staff } from './schema';
import { apiKeyColumns } from './api-keys';
import type { ApiKeyListing } from '../types/api-keys';
import type { SetupState, StaffMember, StaffPatch, StaffWithPin } from '../types/staff';

/** The lock every decision over the whole staff list takes. */
const STAFF_LOCK = 'staff';

const selectKey = (db: PgRunner, id: string) =>
  db
    .select(apiKeyColumns)
    .from(apiKeys)
    .innerJoin(apiClients, eq(apiClients.id, apiKeys.clientId))
    .where(eq(apiKeys.id, id))
    .limit(1);

/** Every API key (never its hash), live ones first, newest first. */
export async function listApiKeys(): Promise<ApiKeyListing[]> {
  const db = await pgDb();
  const rows = await db
    .select(apiKeyColumns)
    .from(apiKeys)
    .innerJoin(apiClients, eq(apiClients.id, apiKeys.clientId))
    .orderBy(desc(apiKeys.createdAt), sql`${apiKeys.id} collate "C"`); // byte order, as SQLite compares text
  return rows.sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

export async function getApiKey(id: string): Promise<ApiKeyListing | undefined> {
  const [row] = await selectKey(await pgDb(), id);
  return row;
}

/** Revokes a key (keeping the first revocation time if it already was); undefined for an unknown id. */
export async function revokeKey(id: string, now: number): Promise<ApiKeyListing | undefined> {
  return inTx(async (tx) => {
    await tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
    const [row] = await selectKey(tx, id);
    return row;
  });
}

const toMember = ({ pinHash: _p, ...m }: StaffWithPin): StaffMember => m;

/**
 * Adds a staff member: `decide` sees every active member (with PIN hashes, to keep PINs unique) and
 * returns the row to insert or throws; all in one transaction so two managers cannot race a rule.
 */
export async function addStaff(decide: (active: StaffWithPin[]) => StaffWithPin): Promise<StaffMember> {
  return inTx(async (tx) => {
    await lockIn(tx, STAFF_LOCK);
    const active = await tx.select().from(staff).where(eq(staff.active, true));
    const row = decide(active);
    await tx.insert(staff).values(row);
    return toMember(row);
  });
}

/**
 * Changes a staff member: `decide` sees the member and every active member and returns the patch or
 * throws. A member who stops being active loses every session at once. Undefined for an unknown id.
 */
export async function changeStaff(
  id: string,
  decide: (current: StaffWithPin, active: StaffWithPin[]) => StaffPatch,
): Promise<StaffMember | undefined> {
  return inTx(async (tx) => {
    await lockIn(tx, STAFF_LOCK);
    const [current] = await tx.select().from(staff).where(eq(staff.id, id));
    if (!current) return undefined;
    const active = await tx.select().from(staff).where(eq(staff.active, true));
    const patch = decide(current, active);
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (Object.keys(changes).length > 0) await tx.update(staff).set(changes).where(eq(staff.id, id));
    if (patch.active === false) await tx.delete(sessions).where(eq(sessions.staffId, id));
    const [after] = await tx.select().from(staff).where(eq(staff.id, id));
    return after ? toMember(after) : undefined;
  });
}

const SETUP_TOKENS = 'setup_tokens';

/** First run: adds the first manager and deletes the setup tokens, in one transaction (as on SQLite). */
export async function addFirstManager(decide: (state: SetupState) => StaffWithPin): Promise<StaffMember> {
  return inTx(async (tx) => {
    await lockIn(tx, STAFF_LOCK);
    const active = await tx.select().from(staff).where(eq(staff.active, true));
    // As text, parsed here (db/pg/settings.ts explains why).
    const [stored] = await tx
      .select({ value: sql<string>`${settings.value}::text` })
      .from(settings)
      .where(eq(settings.key, SETUP_TOKENS));
    const row = decide({ active, tokens: stored ? (JSON.parse(stored.value) as unknown) : undefined });
    await tx.insert(staff).values(row);
    await tx.delete(settings).where(eq(settings.key, SETUP_TOKENS));
    return toMember(row);
  });
}

/** Switches demo data off in one transaction (as on SQLite). */
export async function endDemo(d: { keyId: string; staffIds: readonly string[]; now: number }): Promise<void> {
  await inTx(async (tx) => {
    await lockIn(tx, STAFF_LOCK);
    await tx
      .update(apiKeys)
      .set({ revokedAt: d.now })
      .where(and(eq(apiKeys.id, d.keyId), isNull(apiKeys.revokedAt)));
    if (d.staffIds.length > 0) {
      await tx
        .update(staff)
        .set({ active: false })
        .where(inArray(staff.id, [...d.staffIds]));
      await tx.delete(sessions).where(inArray(sessions.staffId, [...d.staffIds]));
    }
    await tx
      .insert(settings)
      .values({ key: 'demo', value: false, updatedAt: d.now })
      .onConflictDoUpdate({ target: settings.key, set: { value: false, updatedAt: d.now } });
  });
}

/** db/storage/admin.ts's AdminStorage on PostgreSQL (db/storage checks it against the contract). */
export const pgAdmin = {
  listApiKeys,
  getApiKey,
  revokeKey,
  addStaff,
  changeStaff,
  addFirstManager,
  endDemo,
};
