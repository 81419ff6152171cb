import { findApiKeyByHash, touchApiKey } from '@/db/storage/api-keys';
import { env } from '../env';
import { unauthorized } from '../errors';
import { responseHeaders } from '../http';
import { enforceRateLimit } from '../rate-limit';
import { sha256 } from './crypto';

export type ApiClient = { id: string; name: string; keyId: string; mode: 'test' | 'live' };

const KEY_SHAPE = /^pbj_(test|live)_[A-Za-z0-9_]{4,128}$/;
const TOUCH_EVERY_MS = 60_000; // last_used_at is for people: a minute's precision spares a write per request

/** Resolves X-API-Key to its client (401 when missing, unknown or revoked) and counts the request (429). */
export async function authenticateApiKey(req: Request, now = Date.now()): Promise<ApiClient> {
  const key = req.headers.get('x-api-key')?.trim();
  if (!key) throw unauthorized('Missing X-API-Key header. Send your API key, e.g. X-API-Key: pbj_test_….');
  if (!KEY_SHAPE.test(key)) throw unauthorized('That API key is not valid.');
  const record = await findApiKeyByHash(sha256(key));
  if (!record) throw unauthorized('That API key is not valid.');
  if (record.revokedAt !== null) throw unauthorized('That API key has been revoked.');
  await enforceRateLimit({
    bucket: `api:${record.id}`,
    limit: env().RATE_LIMIT_PER_MINUTE,
    windowMs: 60_000,
    headers: responseHeaders(req),
    now,
  });
  if (record.lastUsedAt === null || now - record.lastUsedAt > TOUCH_EVERY_MS) await touchApiKey(record.id, now);
  return { id: record.clientId, name: record.clientName, keyId: record.id, mode: record.mode };
}
