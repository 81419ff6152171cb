import { describe, expect, test } from 'vitest';
import type { StaffWithPin } from '@/db/storage/staff';
import { hashPin, verifyPin } from '../auth/crypto';
import { ApiError } from '../errors';
import { memberPatch, newMember } from './staff';

const member = (id: string, role: 'kitchen' | 'manager', pin: string, active = true): StaffWithPin => ({
  id,
  name: id,
  role,
  pinHash: hashPin(pin),
  active,
  createdAt: 0,
});
const boss = member('boss', 'manager', '9999');
const cook = member('cook', 'kitchen', '1111');
const team = [boss, cook];

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return { code: err.code, status: err.status, ...err.extra };
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('staff rules', () => {
  test('a new member gets a hashed PIN; a PIN an active member uses is refused', () => {
    const m = newMember({ name: 'Robin', role: 'kitchen', pin: '2468' }, team, 5);
    expect(m).toMatchObject({ name: 'Robin', role: 'kitchen', active: true, createdAt: 5 });
    expect(m.id).toMatch(/^stf_[a-z2-7]{12}$/);
    expect(verifyPin('2468', m.pinHash)).toBe(true);
    expect(refusal(() => newMember({ name: 'Copy', role: 'kitchen', pin: '1111' }, team, 5))).toMatchObject({
      code: 'conflict',
      status: 409,
      field: 'pin',
    });
  });

  test('a PIN held only by a deactivated member is free again', () => {
    const gone = member('gone', 'kitchen', '4444', false);
    expect(() => newMember({ name: 'New', role: 'kitchen', pin: '4444' }, team, 0)).not.toThrow();
    expect(() =>
      memberPatch(
        cook,
        { pin: '4444' },
        [...team, gone].filter((m) => m.active),
      ),
    ).not.toThrow();
  });

  test('the last active manager can be neither demoted nor deactivated', () => {
    expect(refusal(() => memberPatch(boss, { role: 'kitchen' }, team))).toMatchObject({
      code: 'conflict',
      field: 'role',
    });
    expect(refusal(() => memberPatch(boss, { active: false }, team))).toMatchObject({
      code: 'conflict',
      field: 'active',
    });
    const second = member('second', 'manager', '8888');
    expect(memberPatch(boss, { role: 'kitchen' }, [...team, second])).toMatchObject({ role: 'kitchen' });
    expect(memberPatch(boss, { active: false }, [...team, second])).toMatchObject({ active: false });
    // a deactivated second manager does not count
    expect(refusal(() => memberPatch(boss, { active: false }, [...team]))).toMatchObject({ code: 'conflict' });
  });

  test('kitchen staff can be renamed, promoted and deactivated', () => {
    expect(memberPatch(cook, { name: 'Casey B' }, team)).toEqual({
      name: 'Casey B',
      role: undefined,
      active: undefined,
      pinHash: undefined,
    });
    expect(memberPatch(cook, { role: 'manager' }, team)).toMatchObject({ role: 'manager' });
    expect(memberPatch(cook, { active: false }, team)).toMatchObject({ active: false });
  });

  test("a new PIN is checked against everyone else's, not the member's own", () => {
    expect(refusal(() => memberPatch(cook, { pin: '9999' }, team))).toMatchObject({ code: 'conflict', field: 'pin' });
    const patch = memberPatch(cook, { pin: '1111' }, team);
    expect(verifyPin('1111', patch.pinHash ?? '')).toBe(true);
  });

  test('bringing someone back needs a new PIN (salted hashes cannot be compared)', () => {
    const gone = member('gone', 'kitchen', '4444', false);
    expect(refusal(() => memberPatch(gone, { active: true }, team))).toMatchObject({
      code: 'invalid_request',
      status: 400,
      field: 'pin',
    });
    expect(refusal(() => memberPatch(gone, { active: true, pin: '1111' }, team))).toMatchObject({
      code: 'conflict',
      field: 'pin',
    });
    expect(memberPatch(gone, { active: true, pin: '4321' }, team)).toMatchObject({ active: true });
  });
});
