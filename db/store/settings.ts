// settings: see twin.ts. The SQLite and PostgreSQL implementations share these signatures.
import * as sqlite from '../sqlite/settings';
import * as pg from '../pg/settings';
import { twin } from './twin';

export const { readSettings, writeSetting, writeSettingOnce, deleteSetting } = twin(sqlite, pg, [
  'readSettings',
  'writeSetting',
  'writeSettingOnce',
  'deleteSetting',
]);
