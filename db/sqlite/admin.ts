// Units of work for the manager console: API keys and staff. Each is one transaction; the rules
// (the last manager, unique PINs) are decided in lib/manager by a callback that runs inside it.
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '../client';
import { apiClients, apiKeys, sessions, settings, staff } from '../schema';
import type { ApiKeyListing } from '../types/api-keys';
import type { SetupState, StaffMember, StaffPatch, StaffWithPin } from '../types/staff';

const keyColumns = {
  id: apiKeys.id,
  clientId: apiKeys.clientId,
  clientName: apiClients.name,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  mode: apiKeys.mode,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

/** Every API key (never its hash), live ones first, newest first. */
export async function listApiKeys(): Promise<ApiKeyListing[]> {
  const rows = getDb()
    .select(keyColumns)
    .from(apiKeys)
    .innerJoin(apiClients, eq(apiClients.id, apiKeys.clientId))
    .orderBy(desc(apiKeys.createdAt), asc(apiKeys.id))
    .all();
  return rows.sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

export async function getApiKey(id: string): Promise<ApiKeyListing | undefined> {
  return getDb()
    .select(keyColumns)
    .from(apiKeys)
    .innerJoin(apiClients, eq(apiClients.id, apiKeys.clientId))
    .where(eq(apiKeys.id, id))
    .get();
}

/** Revokes a key (keeping the first revocation time if it already was); undefined for an unknown id. */
export async function revokeKey(id: string, now: number): Promise<ApiKeyListing | undefined> {
  return getDb().transaction((tx) => {
    tx.update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .run();
    return tx
      .select(keyColumns)
      .from(apiKeys)
      .innerJoin(apiClients, eq(apiClients.id, apiKeys.clientId))
      .where(eq(apiKeys.id, id))
      .get();
  });
}

const toMember = ({ pinHash: _p, ...m }: StaffWithPin): StaffMember => m;

/**
 * Adds a staff member: `decide` sees every active member (with PIN hashes, to keep PINs unique) and
 * returns the row to insert or throws; all in one transaction so two managers cannot race a rule.
 */
export async function addStaff(decide: (active: StaffWithPin[]) => StaffWithPin): Promise<StaffMember> {
  return getDb().transaction(
    (tx) => {
      const active = tx.select().from(staff).where(eq(staff.active, true)).all();
      const row = decide(active);
      tx.insert(staff).values(row).run();
      return toMember(row);
    },
    { behavior: 'immediate' },
  );
}

/**
 * Changes a staff member: `decide` sees the member and every active member and returns the patch or
 * throws. A member who stops being active loses every session at once. Undefined for an unknown id.
 */
export async function changeStaff(
  id: string,
  decide: (current: StaffWithPin, active: StaffWithPin[]) => StaffPatch,
): Promise<StaffMember | undefined> {
  return getDb().transaction(
    (tx) => {
      const current = tx.select().from(staff).where(eq(staff.id, id)).get();
      if (!current) return undefined;
      const active = tx.select().from(staff).where(eq(staff.active, true)).all();
      const patch = decide(current, active);
      const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      if (Object.keys(changes).length > 0) tx.update(staff).set(changes).where(eq(staff.id, id)).run();
      if (patch.active === false) tx.delete(sessions).where(eq(sessions.staffId, id)).run();
      const after = tx.select().from(staff).where(eq(staff.id, id)).get();
      return after ? toMember(after) : undefined;
    },
    { behavior: 'immediate' },
  );
}

const SETUP_TOKENS = 'setup_tokens';

/**
 * First run: adds the first manager. `decide` sees the active staff and the stored setup tokens and
 * returns the row or throws; the tokens are deleted in the same transaction, so a token works once,
 * also when two claims race.
 */
export async function addFirstManager(decide: (state: SetupState) => StaffWithPin): Promise<StaffMember> {
  return getDb().transaction(
    (tx) => {
      const active = tx.select().from(staff).where(eq(staff.active, true)).all();
      const tokens = tx.select().from(settings).where(eq(settings.key, SETUP_TOKENS)).get()?.value;
      const row = decide({ active, tokens });
      tx.insert(staff).values(row).run();
      tx.delete(settings).where(eq(settings.key, SETUP_TOKENS)).run();
      return toMember(row);
    },
    { behavior: 'immediate' },
  );
}

/**
 * Switches demo data off in one transaction: revokes the demo key, deactivates the demo staff (ending
 * their sessions) and records `demo` as false.
 */
export async function endDemo(d: { keyId: string; staffIds: readonly string[]; now: number }): Promise<void> {
  getDb().transaction(
    (tx) => {
      tx.update(apiKeys)
        .set({ revokedAt: d.now })
        .where(and(eq(apiKeys.id, d.keyId), isNull(apiKeys.revokedAt)))
        .run();
      if (d.staffIds.length > 0) {
        tx.update(staff)
          .set({ active: false })
          .where(inArray(staff.id, [...d.staffIds]))
          .run();
        tx.delete(sessions)
          .where(inArray(sessions.staffId, [...d.staffIds]))
          .run();
      }
      tx.insert(settings)
        .values({ key: 'demo', value: false, updatedAt: d.now })
        .onConflictDoUpdate({ target: settings.key, set: { value: false, updatedAt: d.now } })
        .run();
    },
    { behavior: 'immediate' },
  );
}

/** db/storage/admin.ts's AdminStorage on the SQLite file (db/storage checks it against the contract). */
export const sqliteAdmin = {
  listApiKeys,
  getApiKey,
  revokeKey,
  addStaff,
  changeStaff,
  addFirstManager,
  endDemo,
};
