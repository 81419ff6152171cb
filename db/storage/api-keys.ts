// API keys on the request path: looking a key up by its hash, and the keys' lifecycle (see pick.ts).
import { sqliteApiKeys } from '../sqlite/api-keys';
import { pgApiKeys } from '../pg/api-keys';
import type { ApiKeyRecord, NewApiKey } from '../types/api-keys';
import { pick } from './pick';

export type { ApiKeyRecord, NewApiKey } from '../types/api-keys';

export interface ApiKeysStorage {
  /** The key whose SHA-256 is `keyHash`, with its client; undefined when unknown. */
  findApiKeyByHash: (keyHash: string) => Promise<ApiKeyRecord | undefined>;
  /** Notes that a key was used at `now`. */
  touchApiKey: (id: string, now: number) => Promise<void>;
  /** Creates the client if it is new and adds a key to it, in one transaction. */
  insertApiKey: (k: NewApiKey) => Promise<void>;
  /** Revokes a live key; false when there is no such live key. */
  revokeApiKey: (id: string, now: number) => Promise<boolean>;
}

export const apiKeysStorage = pick<ApiKeysStorage>(sqliteApiKeys, pgApiKeys);
export const { findApiKeyByHash, touchApiKey, insertApiKey, revokeApiKey } = apiKeysStorage;
