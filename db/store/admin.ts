// admin: see twin.ts. The SQLite and PostgreSQL implementations share these signatures.
import * as sqlite from '../sqlite/admin';
import * as pg from '../pg/admin';
import { twin } from './twin';

export type { ApiKeyListing, SetupState, StaffPatch } from '../sqlite/admin';

export const { listApiKeys, getApiKey, revokeKey, addStaff, changeStaff, addFirstManager, endDemo } = twin(sqlite, pg, [
  'listApiKeys',
  'getApiKey',
  'revokeKey',
  'addStaff',
  'changeStaff',
  'addFirstManager',
  'endDemo',
]);
