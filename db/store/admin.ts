// admin: see twin.ts. The SQLite and PostgreSQL implementations share these signatures.
import * as sqlite from '../sqlite/admin';
import * as pg from '../pg/admin';
import { twin } from './twin';

export type { ApiKeyListing } from '../types/api-keys';
export type { SetupState, StaffPatch } from '../types/staff';

export const { listApiKeys, getApiKey, revokeKey, addStaff, changeStaff, addFirstManager, endDemo } = twin(sqlite, pg, [
  'listApiKeys',
  'getApiKey',
  'revokeKey',
  'addStaff',
  'changeStaff',
  'addFirstManager',
  'endDemo',
]);
