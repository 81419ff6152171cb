// db/storage/api-keys.ts's contract on PostgreSQL.
import { eq } from 'drizzle-orm';
import { inTx, pgDb } from './client';
import { apiClients, apiKeys } from './schema';
import type { ApiKeyRecord, NewApiKey } from '../types/api-keys';

export const apiKeyColumns = {
  id: apiKeys.id,
  clientId: apiKeys.clientId,
  clientName: apiClients.name,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  mode: apiKeys.mode,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

/** The key whose SHA-256 is `keyHash`, with its client; undefined when unknown. */
export async function findApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | undefined> {
  const db = await pgDb();
  const [row] = await db
    .select(apiKeyColumns)
    .from(apiKeys)
    .innerJoin(apiClients, eq(apiClients.id, apiKeys.clientId))
    .where(eq(apiKeys.keyHash, keyHash))
    .limit(1);
  return row;
}

export async function touchApiKey(id: string, now: number): Promise<void> {
  const db = await pgDb();
  await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id));
}

/** Creates the client if it is new and adds a key to it, in one transaction. */
export async function insertApiKey(k: NewApiKey): Promise<void> {
  await inTx(async (tx) => {
    // A client created at the same moment by another instance: this insert waits for it, then does nothing.
    await tx.insert(apiClients).values({ id: k.clientId, name: k.clientName, createdAt: k.now }).onConflictDoNothing();
    await tx.insert(apiKeys).values({
      id: k.id,
      clientId: k.clientId,
      name: k.name,
      keyHash: k.keyHash,
      prefix: k.prefix,
      mode: k.mode,
      createdAt: k.now,
    });
  });
}

export async function revokeApiKey(id: string, now: number): Promise<boolean> {
  const db = await pgDb();
  const rows = await db.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, id)).returning({ id: apiKeys.id });
  return rows.length > 0;
}

/** db/storage/api-keys.ts's ApiKeysStorage on PostgreSQL (db/storage checks it against the contract). */
export const pgApiKeys = {
  findApiKeyByHash,
  touchApiKey,
  insertApiKey,
  revokeApiKey,
};
