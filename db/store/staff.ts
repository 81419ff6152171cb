// staff: see twin.ts. The SQLite and PostgreSQL implementations share these signatures.
import * as sqlite from '../sqlite/staff';
import * as pg from '../pg/staff';
import { twin } from './twin';

export type { SessionFound, StaffRole, StaffMember, StaffWithPin } from '../types/staff';

export const {
  listActiveStaffWithPins,
  listStaff,
  insertStaff,
  insertSession,
  findSessionStaff,
  touchSession,
  deleteSession,
  deleteStaffSessions,
} = twin(sqlite, pg, [
  'listActiveStaffWithPins',
  'listStaff',
  'insertStaff',
  'insertSession',
  'findSessionStaff',
  'touchSession',
  'deleteSession',
  'deleteStaffSessions',
]);
