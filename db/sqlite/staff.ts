import { and, asc, eq, gt, lt } from 'drizzle-orm';
import { getDb } from '../client';
import { sessions, staff } from '../schema';

export type StaffRole = 'kitchen' | 'manager';
export type StaffMember = { id: string; name: string; role: StaffRole; active: boolean; createdAt: number };
export type StaffWithPin = StaffMember & { pinHash: string };

/** Active staff with their PIN hashes, for sign-in. */
export async function listActiveStaffWithPins(): Promise<StaffWithPin[]> {
  return getDb().select().from(staff).where(eq(staff.active, true)).orderBy(asc(staff.createdAt)).all();
}

export async function listStaff(): Promise<StaffMember[]> {
  return getDb().select().from(staff).orderBy(asc(staff.createdAt)).all().map(({ pinHash: _p, ...m }) => m);
}

export async function insertStaff(m: StaffWithPin): Promise<void> {
  getDb().insert(staff).values(m).run();
}

export async function insertSession(s: { tokenHash: string; staffId: string; createdAt: number; expiresAt: number }): Promise<void> {
  const db = getDb();
  db.transaction((tx) => {
    tx.delete(sessions).where(lt(sessions.expiresAt, s.createdAt)).run(); // sweep expired ones while here
    tx.insert(sessions).values(s).run();
  });
}

/** The active staff member behind an unexpired session. */
export async function findSessionStaff(tokenHash: string, now: number): Promise<StaffMember | undefined> {
  const row = getDb()
    .select({ id: staff.id, name: staff.name, role: staff.role, active: staff.active, createdAt: staff.createdAt })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(staff.active, true)))
    .get();
  return row;
}

export async function deleteSession(tokenHash: string): Promise<void> {
  getDb().delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
}
