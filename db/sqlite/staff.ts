import { and, asc, eq, gt, lt } from 'drizzle-orm';
import { getDb } from '../client';
import { sessions, staff } from '../schema';

import type { NewSession, SessionFound, StaffMember, StaffWithPin } from '../types/staff';

/** Active staff with their PIN hashes, for sign-in. */
export async function listActiveStaffWithPins(): Promise<StaffWithPin[]> {
  return getDb().select().from(staff).where(eq(staff.active, true)).orderBy(asc(staff.createdAt)).all();
}

export async function listStaff(): Promise<StaffMember[]> {
  return getDb()
    .select()
    .from(staff)
    .orderBy(asc(staff.createdAt))
    .all()
    .map(({ pinHash: _p, ...m }) => m);
}

export async function insertStaff(m: StaffWithPin): Promise<void> {
  getDb().insert(staff).values(m).run();
}

export async function insertSession(s: NewSession): Promise<void> {
  const db = getDb();
  db.transaction((tx) => {
    tx.delete(sessions).where(lt(sessions.expiresAt, s.createdAt)).run(); // sweep expired ones while here
    tx.insert(sessions).values(s).run();
  });
}

/** The active staff member behind an unexpired session. */
export async function findSessionStaff(tokenHash: string, now: number): Promise<SessionFound | undefined> {
  const row = getDb()
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
    .get();
  if (!row) return undefined;
  const { staffCreatedAt, createdAt, expiresAt, ...m } = row;
  return { member: { ...m, createdAt: staffCreatedAt }, createdAt, expiresAt };
}

/** Moves a session's expiry (idle expiry: each use pushes it on). */
export async function touchSession(tokenHash: string, expiresAt: number): Promise<void> {
  getDb().update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, tokenHash)).run();
}

export async function deleteSession(tokenHash: string): Promise<void> {
  getDb().delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
}

/** Ends every session of one staff member (signed out on every device); returns how many ended. */
export async function deleteStaffSessions(staffId: string, now: number): Promise<number> {
  return getDb()
    .delete(sessions)
    .where(and(eq(sessions.staffId, staffId), gt(sessions.expiresAt, now)))
    .run().changes;
}

/** db/storage/staff.ts's StaffStorage on the SQLite file (db/storage checks it against the contract). */
export const sqliteStaff = {
  listActiveStaffWithPins,
  listStaff,
  insertStaff,
  insertSession,
  findSessionStaff,
  touchSession,
  deleteSession,
  deleteStaffSessions,
};
