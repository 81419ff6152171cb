// Staff and their sessions on the request path: sign-in, and the session behind a cookie (see pick.ts).
import { sqliteStaff } from '../sqlite/staff';
import { pgStaff } from '../pg/staff';
import type { NewSession, SessionFound, StaffMember, StaffWithPin } from '../types/staff';
import { pick } from './pick';

export type { SessionFound, StaffRole, StaffMember, StaffWithPin } from '../types/staff';

export interface StaffStorage {
  /** Active staff with their PIN hashes, for sign-in. */
  listActiveStaffWithPins: () => Promise<StaffWithPin[]>;
  /** Every staff member (never a PIN hash), oldest first. */
  listStaff: () => Promise<StaffMember[]>;
  insertStaff: (m: StaffWithPin) => Promise<void>;
  /** Starts a session (sweeping expired ones while there), in one transaction. */
  insertSession: (s: NewSession) => Promise<void>;
  /** The active staff member behind an unexpired session. */
  findSessionStaff: (tokenHash: string, now: number) => Promise<SessionFound | undefined>;
  /** Moves a session's expiry (idle expiry: each use pushes it on). */
  touchSession: (tokenHash: string, expiresAt: number) => Promise<void>;
  deleteSession: (tokenHash: string) => Promise<void>;
  /** Ends every session of one staff member (signed out on every device); returns how many ended. */
  deleteStaffSessions: (staffId: string, now: number) => Promise<number>;
}

export const staffStorage = pick<StaffStorage>(sqliteStaff, pgStaff);
export const {
  listActiveStaffWithPins,
  listStaff,
  insertStaff,
  insertSession,
  findSessionStaff,
  touchSession,
  deleteSession,
  deleteStaffSessions,
} = staffStorage;
