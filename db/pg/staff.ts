// PostgreSQL twin of db/sqlite/staff.ts.
import { and, asc, eq, gt, lt } from 'drizzle-orm';
import { inTx, pgDb } from './client';
import { sessions, staff } from './schema';
import type { StaffMember, StaffWithPin } from '../sqlite/staff';

/** Active staff with their PIN hashes, for sign-in. */
export async function listActiveStaffWithPins(): Promise<StaffWithPin[]> {
  const db = await pgDb();
  return db.select().from(staff).where(eq(staff.active, true)).orderBy(asc(staff.createdAt));
}

export async function listStaff(): Promise<StaffMember[]> {
  const db = await pgDb();
  const rows = await db.select().from(staff).orderBy(asc(staff.createdAt));
  return rows.map(({ pinHash: _p, ...m }) => m);
}

export async function insertStaff(m: StaffWithPin): Promise<void> {
  const db = await pgDb();
  await db.insert(staff).values(m);
}

export async function insertSession(s: { tokenHash: string; staffId: string; createdAt: number; expiresAt: number }): Promise<void> {
  await inTx(async (tx) => {
    await tx.delete(sessions).where(lt(sessions.expiresAt, s.createdAt)); // sweep expired ones while here
    await tx.insert(sessions).values(s);
  });
}

/** The active staff member behind an unexpired session. */
export async function findSessionStaff(tokenHash: string, now: number): Promise<StaffMember | undefined> {
  const db = await pgDb();
  const [row] = await db
    .select({ id: staff.id, name: staff.name, role: staff.role, active: staff.active, createdAt: staff.createdAt })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(staff.active, true)))
    .limit(1);
  return row;
}

export async function deleteSession(tokenHash: string): Promise<void> {
  const db = await pgDb();
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}
