// api-keys: see twin.ts. The SQLite and PostgreSQL implementations share these signatures.
import * as sqlite from '../sqlite/api-keys';
import * as pg from '../pg/api-keys';
import { twin } from './twin';

export type { ApiKeyRecord, NewApiKey } from '../types/api-keys';

export const { findApiKeyByHash, touchApiKey, insertApiKey, revokeApiKey } = twin(sqlite, pg, [
  'findApiKeyByHash',
  'touchApiKey',
  'insertApiKey',
  'revokeApiKey',
]);
