// The manager console's storage contract (./admin.ts), on whichever database the run is configured for (see pick.ts).
import { describe, expect, test } from 'vitest';
import { addStaff, changeStaff, getApiKey, listApiKeys, revokeKey } from './admin';
import { insertApiKey } from './api-keys';
import {
  deleteStaffSessions,
  findSessionStaff,
  insertSession,
  listStaff,
  touchSession,
  type StaffWithPin,
} from './staff';

const member = (id: string, over: Partial<StaffWithPin> = {}): StaffWithPin => ({
  id,
  name: id,
  role: 'kitchen',
  pinHash: `salt:${id}`,
  active: true,
  createdAt: 1_000,
  ...over,
});

describe('api keys in the console', () => {
  test('listApiKeys: live keys first, newest first (ties by id); never a hash', async () => {
    const key = (id: string, now: number) =>
      insertApiKey({
        id,
        clientId: 'cli_console',
        clientName: 'Console',
        name: id,
        keyHash: `hash_${id}`,
        prefix: 'pbj_test_con',
        mode: 'test',
        now,
      });
    await key('key_c1', 3_000_000_000_000);
    await key('key_c3', 3_000_000_000_001);
    await key('key_c2', 3_000_000_000_001);
    await key('key_c_old', 3_000_000_000_002);
    await revokeKey('key_c_old', 3_000_000_000_003);
    const ids = (await listApiKeys()).map((k) => k.id);
    expect(ids.slice(0, 3)).toEqual(['key_c2', 'key_c3', 'key_c1']);
    expect(ids.at(-1)).toBe('key_c_old');
    expect(ids).toContain('key_demo');
    expect(Object.keys((await listApiKeys())[0] ?? {}).sort()).toEqual([
      'clientId',
      'clientName',
      'createdAt',
      'id',
      'lastUsedAt',
      'mode',
      'name',
      'prefix',
      'revokedAt',
    ]);
  });

  test('getApiKey and revokeKey: the first revocation time stays; unknown ids are undefined', async () => {
    expect(await getApiKey('key_demo')).toMatchObject({ id: 'key_demo', clientName: 'PB&J demo app', revokedAt: null });
    await insertApiKey({
      id: 'key_rv',
      clientId: 'cli_console',
      clientName: 'Console',
      name: 'rv',
      keyHash: 'hash_rv',
      prefix: 'pbj_test_rv',
      mode: 'test',
      now: 50,
    });
    expect(await revokeKey('key_rv', 60)).toMatchObject({ id: 'key_rv', revokedAt: 60 });
    expect(await revokeKey('key_rv', 70)).toMatchObject({ id: 'key_rv', revokedAt: 60 });
    expect(await getApiKey('key_rv')).toMatchObject({ revokedAt: 60 });
    expect(await getApiKey('key_nope')).toBeUndefined();
    expect(await revokeKey('key_nope', 80)).toBeUndefined();
  });
});

describe('staff in the console', () => {
  test('addStaff: decide sees the active members and its row is inserted; a throw inserts nothing', async () => {
    let seen: string[] = [];
    const added = await addStaff((active) => {
      seen = active.map((m) => m.id).sort();
      return member('stf_added', { pinHash: 'salt:added' });
    });
    expect(seen).toEqual(['stf_kitchen', 'stf_manager']);
    expect(added).toEqual({ id: 'stf_added', name: 'stf_added', role: 'kitchen', active: true, createdAt: 1_000 });
    await expect(
      addStaff(() => {
        throw new Error('PIN taken');
      }),
    ).rejects.toThrow('PIN taken');
    expect((await listStaff()).map((m) => m.id)).toEqual(['stf_added', 'stf_kitchen', 'stf_manager']);
  });

  test('addStaff: managers adding at once cannot both pass a rule over the active members', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        addStaff((active) => {
          if (active.some((m) => m.pinHash === 'salt:shared')) throw new Error('PIN already used');
          return member(`stf_race${i}`, { pinHash: 'salt:shared' });
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)),
    ).toEqual(Array(7).fill('Error: PIN already used'));
  });

  test('changeStaff writes the patch (undefined fields stay); deactivating ends every session at once', async () => {
    await addStaff(() => member('stf_change', { createdAt: 2_000 }));
    let saw: { current: string; active: number } | undefined;
    const changed = await changeStaff('stf_change', (current, active) => {
      saw = { current: current.pinHash, active: active.length };
      return { name: 'Renamed', role: undefined, pinHash: 'salt:newpin' };
    });
    expect(saw).toEqual({ current: 'salt:stf_change', active: expect.any(Number) });
    expect(changed).toEqual({ id: 'stf_change', name: 'Renamed', role: 'kitchen', active: true, createdAt: 2_000 });
    expect(await changeStaff('stf_change', () => ({}))).toEqual(changed); // nothing to write

    await insertSession({ tokenHash: 'tok_change', staffId: 'stf_change', createdAt: 10, expiresAt: 1_000_000 });
    expect(await findSessionStaff('tok_change', 20)).toMatchObject({
      member: { id: 'stf_change' },
      createdAt: 10,
      expiresAt: 1_000_000,
    });
    expect(await changeStaff('stf_change', () => ({ active: false }))).toMatchObject({ active: false });
    expect(await changeStaff('stf_change', () => ({ active: true }))).toMatchObject({ active: true });
    expect(await findSessionStaff('tok_change', 20)).toBeUndefined(); // deleted, not just hidden

    await expect(
      changeStaff('stf_change', () => {
        throw new Error('last manager');
      }),
    ).rejects.toThrow('last manager');
    expect(await changeStaff('stf_nope', () => ({ name: 'x' }))).toBeUndefined();
  });

  test("sessions: touchSession moves the expiry (idle expiry); deleteStaffSessions ends one member's sessions on every device", async () => {
    await addStaff(() => member('stf_devices', { createdAt: 4_000 }));
    await addStaff(() => member('stf_other', { createdAt: 4_001 }));
    await insertSession({ tokenHash: 'tok_dev_a', staffId: 'stf_devices', createdAt: 100, expiresAt: 1_000 });
    await insertSession({ tokenHash: 'tok_dev_b', staffId: 'stf_devices', createdAt: 100, expiresAt: 1_000 });
    await insertSession({ tokenHash: 'tok_other', staffId: 'stf_other', createdAt: 100, expiresAt: 1_000 });
    expect(await findSessionStaff('tok_dev_a', 1_500)).toBeUndefined(); // idle past its expiry
    await touchSession('tok_dev_a', 5_000);
    expect(await findSessionStaff('tok_dev_a', 1_500)).toMatchObject({
      member: { id: 'stf_devices' },
      expiresAt: 5_000,
    });
    expect(await deleteStaffSessions('stf_devices', 500)).toBe(2);
    expect(await findSessionStaff('tok_dev_a', 600)).toBeUndefined();
    expect(await findSessionStaff('tok_dev_b', 600)).toBeUndefined();
    expect(await findSessionStaff('tok_other', 600)).toMatchObject({ member: { id: 'stf_other' } }); // others keep theirs
  });

  test('changeStaff: two managers demoting at once cannot remove the last manager', async () => {
    await addStaff(() => member('stf_boss2', { role: 'manager', createdAt: 3_000 }));
    const demote = (id: string) =>
      changeStaff(id, (current, active) => {
        if (active.filter((m) => m.role === 'manager' && m.id !== current.id).length === 0)
          throw new Error('last manager');
        return { role: 'kitchen' };
      });
    const results = await Promise.allSettled([demote('stf_manager'), demote('stf_boss2')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await listStaff()).filter((m) => m.role === 'manager')).toHaveLength(1);
  });
});
