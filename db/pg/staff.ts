// db/storage/staff.ts's contract on PostgreSQL.
import { and, asc, eq, gt, lt } from 'drizzle-orm';
import { inTx, pgDb } from './client';
import { sessions, staff } from './schema';
import type { NewSession, SessionFound, StaffMember, StaffWithPin } from '../types/staff';

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

export async function insertSession(s: NewSession): Promise<void> {
  await inTx(async (tx) => {
    await tx.delete(sessions).where(lt(sessions.expiresAt, s.createdAt)); // sweep expired ones while here
    await tx.insert(sessions).values(s);
  });
}

/** The active staff member behind an unexpired session. */
export async function findSessionStaff(tokenHash: string, now: number): Promise<SessionFound | undefined> {
  const db = await pgDb();
  const [row] = await db
    .select({
      id: staff.id,
      name: staff.name,
      role: staff.role,
      active: staff.active,
      staffCreatedAt: staff.createdAt,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(staff.active, true)))
    .limit(1);
  if (!row) return undefined;
  const { staffCreatedAt, createdAt, expiresAt, ...m } = row;
  return { member: { ...m, createdAt: staffCreatedAt }, createdAt, expiresAt };
}

/** Moves a session's expiry (idle expiry: each use pushes it on). */
export async function touchSession(tokenHash: string, expiresAt: number): Promise<void> {
  const db = await pgDb();
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(tokenHash: string): Promise<void> {
  const db = await pgDb();
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of one staff member (signed out on every device); returns how many ended. */
export async function deleteStaffSessions(staffId: string, now: number): Promise<number> {
  const db = await pgDb();
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.staffId, staffId), gt(sessions.expiresAt, now)))
    .returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}

/** db/storage/staff.ts's StaffStorage on PostgreSQL (db/storage checks it against the contract). */
export const pgStaff = {
  listActiveStaffWithPins,
  listStaff,
  insertStaff,
  insertSession,
  findSessionStaff,
  touchSession,
  deleteSession,
  deleteStaffSessions,
};
