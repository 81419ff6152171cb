import { eq, sql } from 'drizzle-orm';
import { getDb, preparedOnce } from '../client';
import { apiClients, apiKeys } from '../schema';
import type { ApiKeyRecord, NewApiKey } from '../types/api-keys';

// Every API request looks its key up and most touch nothing else here: prepared once per connection.
const statements = preparedOnce('api-keys', (db) => ({
  byHash: db
    .select({
      id: apiKeys.id,
      clientId: apiKeys.clientId,
      clientName: apiClients.name,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      mode: apiKeys.mode,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .innerJoin(apiClients, eq(apiClients.id, apiKeys.clientId))
    .where(eq(apiKeys.keyHash, sql.placeholder('keyHash')))
    .prepare(),
  touch: db
    .update(apiKeys)
    .set({ lastUsedAt: sql`${sql.placeholder('now')}` })
    .where(eq(apiKeys.id, sql.placeholder('id')))
    .prepare(),
}));

/** The key whose SHA-256 is `keyHash`, with its client; undefined when unknown. */
export async function findApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | undefined> {
  return statements().byHash.get({ keyHash });
}

export async function touchApiKey(id: string, now: number): Promise<void> {
  statements().touch.run({ id, now });
}

/** Creates the client if it is new and adds a key to it, in one transaction. */
export async function insertApiKey(k: NewApiKey): Promise<void> {
  getDb().transaction((tx) => {
    tx.insert(apiClients).values({ id: k.clientId, name: k.clientName, createdAt: k.now }).onConflictDoNothing().run();
    tx.insert(apiKeys)
      .values({
        id: k.id,
        clientId: k.clientId,
        name: k.name,
        keyHash: k.keyHash,
        prefix: k.prefix,
        mode: k.mode,
        createdAt: k.now,
      })
      .run();
  });
}

export async function revokeApiKey(id: string, now: number): Promise<boolean> {
  return getDb().update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, id)).run().changes > 0;
}

/** db/storage/api-keys.ts's ApiKeysStorage on the SQLite file (db/storage checks it against the contract). */
export const sqliteApiKeys = {
  findApiKeyByHash,
  touchApiKey,
  insertApiKey,
  revokeApiKey,
};
