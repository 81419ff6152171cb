// The staff and session contract (./staff.ts), on whichever database the run is configured for (see pick.ts).
import { describe, expect, test } from 'vitest';
import {
  deleteSession,
  findSessionStaff,
  insertSession,
  insertStaff,
  listActiveStaffWithPins,
  listStaff,
} from './staff';

describe('staff and sessions', () => {
  test('the seeded staff are listed oldest first; only active ones (with PIN hashes) can sign in', async () => {
    expect((await listStaff()).map((m) => m.id)).toEqual(['stf_kitchen', 'stf_manager']);
    expect(await listStaff()).toEqual([
      expect.objectContaining({ id: 'stf_kitchen', name: 'Casey', role: 'kitchen', active: true }),
      expect.objectContaining({ id: 'stf_manager', name: 'Morgan', role: 'manager', active: true }),
    ]);
    expect(Object.keys((await listStaff())[0] ?? {}).sort()).toEqual(['active', 'createdAt', 'id', 'name', 'role']);

    const createdAt = Date.now() + 1_000;
    await insertStaff({ id: 'stf_off', name: 'Off', role: 'kitchen', pinHash: 'salt:off', active: false, createdAt });
    await insertStaff({
      id: 'stf_new',
      name: 'New',
      role: 'manager',
      pinHash: 'salt:new',
      active: true,
      createdAt: createdAt + 1,
    });
    expect((await listStaff()).map((m) => m.id)).toEqual(['stf_kitchen', 'stf_manager', 'stf_off', 'stf_new']);
    const active = await listActiveStaffWithPins();
    expect(active.map((m) => m.id)).toEqual(['stf_kitchen', 'stf_manager', 'stf_new']);
    expect(active.at(-1)).toEqual({
      id: 'stf_new',
      name: 'New',
      role: 'manager',
      pinHash: 'salt:new',
      active: true,
      createdAt: createdAt + 1,
    });
    await expect(
      insertStaff({ id: 'stf_new', name: 'Again', role: 'kitchen', pinHash: 'x', active: true, createdAt }),
    ).rejects.toThrow();
  });

  test('a session finds its active member until it expires or is deleted', async () => {
    await insertSession({ tokenHash: 'tok_a', staffId: 'stf_kitchen', createdAt: 1_000, expiresAt: 2_000 });
    const member = await findSessionStaff('tok_a', 1_999);
    expect(member).toEqual({
      member: { id: 'stf_kitchen', name: 'Casey', role: 'kitchen', active: true, createdAt: expect.any(Number) },
      createdAt: 1_000,
      expiresAt: 2_000,
    });
    expect(await findSessionStaff('tok_a', 2_000)).toBeUndefined(); // expired
    expect(await findSessionStaff('tok_unknown', 1_500)).toBeUndefined();
    await deleteSession('tok_a');
    expect(await findSessionStaff('tok_a', 1_500)).toBeUndefined();
    await deleteSession('tok_a'); // already gone: no error
  });

  test('an inactive member has no session; a new session sweeps expired ones', async () => {
    await insertStaff({
      id: 'stf_gone',
      name: 'Gone',
      role: 'kitchen',
      pinHash: 'salt:gone',
      active: false,
      createdAt: 5,
    });
    await insertSession({ tokenHash: 'tok_gone', staffId: 'stf_gone', createdAt: 10_000, expiresAt: 20_000 });
    expect(await findSessionStaff('tok_gone', 15_000)).toBeUndefined();

    await insertSession({ tokenHash: 'tok_old', staffId: 'stf_manager', createdAt: 10_000, expiresAt: 11_000 });
    await insertSession({ tokenHash: 'tok_live', staffId: 'stf_manager', createdAt: 10_000, expiresAt: 50_000 });
    expect(await findSessionStaff('tok_old', 10_500)).toMatchObject({ member: { id: 'stf_manager' } });
    await insertSession({ tokenHash: 'tok_newer', staffId: 'stf_manager', createdAt: 12_000, expiresAt: 60_000 });
    expect(await findSessionStaff('tok_old', 10_500)).toBeUndefined(); // swept: expired before 12_000
    expect(await findSessionStaff('tok_live', 12_500)).toMatchObject({ member: { id: 'stf_manager' } });
  });

  test('sessions signed in at once all land', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        insertSession({ tokenHash: `tok_par${i}`, staffId: 'stf_kitchen', createdAt: 100_000 + i, expiresAt: 200_000 }),
      ),
    );
    for (let i = 0; i < 20; i++)
      expect(await findSessionStaff(`tok_par${i}`, 150_000)).toMatchObject({ member: { id: 'stf_kitchen' } });
  });
});
