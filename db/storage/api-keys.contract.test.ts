// The API-key contract (./api-keys.ts), on whichever database the run is configured for (see pick.ts).
import { describe, expect, test } from 'vitest';
import { DEMO_API_KEY, DEMO_CLIENT_ID, sha256 } from '@/test/storage-fixtures';
import { findApiKeyByHash, insertApiKey, revokeApiKey, touchApiKey } from './api-keys';

describe('api keys', () => {
  test('a key is found by its hash with its client, and a revocation shows at once', async () => {
    await insertApiKey({
      id: 'key_storage',
      clientId: 'cli_storage',
      clientName: 'Storage test',
      name: 't',
      keyHash: 'hash_storage',
      prefix: 'pbj_test_sto',
      mode: 'test',
      now: 5,
    });
    expect(await findApiKeyByHash('hash_storage')).toEqual({
      id: 'key_storage',
      clientId: 'cli_storage',
      clientName: 'Storage test',
      name: 't',
      prefix: 'pbj_test_sto',
      mode: 'test',
      createdAt: 5,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(await revokeApiKey('key_storage', 6)).toBe(true);
    expect((await findApiKeyByHash('hash_storage'))?.revokedAt).toBe(6);
    expect(await findApiKeyByHash('hash_unknown')).toBeUndefined();
    expect(await revokeApiKey('key_unknown', 7)).toBe(false);
  });

  test('the seeded demo key is there', async () => {
    expect(await findApiKeyByHash(sha256(DEMO_API_KEY))).toMatchObject({
      id: 'key_demo',
      clientId: DEMO_CLIENT_ID,
      mode: 'test',
      revokedAt: null,
    });
  });

  test('a second key joins an existing client (whose name stays); a key hash is unique', async () => {
    await insertApiKey({
      id: 'key_a',
      clientId: 'cli_two',
      clientName: 'First name',
      name: 'a',
      keyHash: 'hash_a',
      prefix: 'pbj_live_aaa',
      mode: 'live',
      now: 10,
    });
    await insertApiKey({
      id: 'key_b',
      clientId: 'cli_two',
      clientName: 'Other name',
      name: 'b',
      keyHash: 'hash_b',
      prefix: 'pbj_live_bbb',
      mode: 'live',
      now: 11,
    });
    expect(await findApiKeyByHash('hash_b')).toMatchObject({
      id: 'key_b',
      clientId: 'cli_two',
      clientName: 'First name',
      mode: 'live',
      createdAt: 11,
    });
    await expect(
      insertApiKey({
        id: 'key_c',
        clientId: 'cli_three',
        clientName: 'Third',
        name: 'c',
        keyHash: 'hash_a',
        prefix: 'pbj_live_ccc',
        mode: 'live',
        now: 12,
      }),
    ).rejects.toThrow();
    // The failed insert rolled back whole: its new client is not left behind to join.
    await insertApiKey({
      id: 'key_d',
      clientId: 'cli_three',
      clientName: 'Third again',
      name: 'd',
      keyHash: 'hash_d',
      prefix: 'pbj_live_ddd',
      mode: 'live',
      now: 13,
    });
    expect((await findApiKeyByHash('hash_d'))?.clientName).toBe('Third again');
  });

  test('touchApiKey records when a key was last used', async () => {
    await insertApiKey({
      id: 'key_touch',
      clientId: 'cli_touch',
      clientName: 'Touch',
      name: 't',
      keyHash: 'hash_touch',
      prefix: 'pbj_test_tou',
      mode: 'test',
      now: 20,
    });
    await touchApiKey('key_touch', 1_900_000_000_000);
    expect((await findApiKeyByHash('hash_touch'))?.lastUsedAt).toBe(1_900_000_000_000);
    await touchApiKey('key_unknown', 30); // nothing to touch: no error
  });

  test('keys for one new client inserted at once all land, under one client row', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        insertApiKey({
          id: `key_par${i}`,
          clientId: 'cli_par',
          clientName: 'Parallel',
          name: `p${i}`,
          keyHash: `hash_par${i}`,
          prefix: 'pbj_test_par',
          mode: 'test',
          now: 40 + i,
        }),
      ),
    );
    for (let i = 0; i < 10; i++)
      expect(await findApiKeyByHash(`hash_par${i}`)).toMatchObject({ clientId: 'cli_par', clientName: 'Parallel' });
  });
});
