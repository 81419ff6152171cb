// API keys, as a manager sees them: created with the plain key shown once, stored only as SHA-256,
// revoked at once (the API reads the key row on every request).
import { insertApiKey } from '@/db/storage/api-keys';
import { getApiKey, listApiKeys, revokeKey, type ApiKeyListing } from '@/db/storage/admin';
import { randomBase32, sha256 } from '../auth/crypto';
import { notFound } from '../errors';
import type { ApiKeyView, CreateKeyBody } from './schemas';

/** How much of a key is kept in the clear to tell keys apart: `pbj_live_` and six random characters. */
export const PREFIX_LENGTH = 15;

export const toKeyView = (k: ApiKeyListing): ApiKeyView => ({
  id: k.id,
  name: k.name,
  client_name: k.clientName,
  prefix: k.prefix,
  mode: k.mode,
  created_at: k.createdAt,
  last_used_at: k.lastUsedAt,
  revoked_at: k.revokedAt,
});

/** A new plain key: `pbj_test_` or `pbj_live_` and 32 random base32 characters (160 bits). */
export const newPlainKey = (mode: 'test' | 'live'): string => `pbj_${mode}_${randomBase32(32)}`;

export async function listKeys(): Promise<ApiKeyView[]> {
  return (await listApiKeys()).map(toKeyView);
}

/** Creates a key with its own API client (a client sees only its own orders); the plain key is returned once. */
export async function createKey(body: CreateKeyBody, now = Date.now()): Promise<{ key: ApiKeyView; secret: string }> {
  const secret = newPlainKey(body.mode);
  const suffix = randomBase32(16);
  const id = `key_${suffix}`;
  await insertApiKey({
    id,
    clientId: `cli_${suffix}`,
    clientName: body.name,
    name: body.name,
    keyHash: sha256(secret),
    prefix: secret.slice(0, PREFIX_LENGTH),
    mode: body.mode,
    now,
  });
  const created = await getApiKey(id);
  if (!created) throw new Error(`key ${id} vanished after insert`);
  return { key: toKeyView(created), secret };
}

/** Revokes a key: from the next request on, the API answers it with 401. Revoking twice changes nothing. */
export async function revokeApiKey(id: string, now = Date.now()): Promise<ApiKeyView> {
  const key = await revokeKey(id, now);
  if (!key) throw notFound('API key', id);
  return toKeyView(key);
}
