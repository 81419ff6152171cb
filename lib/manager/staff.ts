// Staff, as a manager runs them: add, change PIN or role, deactivate. The rules are plain functions of
// the member and everyone active, run by db/ inside the write's transaction.
import { addStaff, changeStaff, type StaffPatch } from '@/db/storage/admin';
import { listStaff, type StaffMember, type StaffWithPin } from '@/db/storage/staff';
import { hashPin, randomBase32, verifyPin } from '../auth/crypto';
import { pinFits, pinRuleText } from '../auth/pins';
import { ApiError, invalidRequest, notFound } from '../errors';
import type { AddStaffBody, ChangeStaffBody, StaffView } from './schemas';

export const toStaffView = (m: StaffMember): StaffView => ({
  id: m.id,
  name: m.name,
  role: m.role,
  active: m.active,
  created_at: m.createdAt,
});

// Sign-in checks the PIN of every active member with the name typed: PINs stay unique, so a name and
// PIN never match two members, even two called the same.
const pinTaken = () =>
  new ApiError('conflict', 'Another active staff member already uses this PIN. Choose a different one.', {
    field: 'pin',
  });

/** Whether `pin` is already someone else's among the active staff. */
export const pinInUse = (pin: string, active: readonly StaffWithPin[], exceptId?: string): boolean =>
  active.some((m) => m.id !== exceptId && verifyPin(pin, m.pinHash));

/** A new member's row: 409 conflict when an active member already has the PIN. */
export function newMember(body: AddStaffBody, active: readonly StaffWithPin[], now: number): StaffWithPin {
  if (pinInUse(body.pin, active)) throw pinTaken();
  return {
    id: `stf_${randomBase32(12)}`,
    name: body.name,
    role: body.role,
    pinHash: hashPin(body.pin),
    active: true,
    createdAt: now,
  };
}

/**
 * What a change writes. Refused: leaving no active manager (demoting or deactivating the last one);
 * a PIN another active member uses; bringing someone back without a new PIN (PINs are stored salted,
 * so their old one cannot be checked against the others').
 */
export function memberPatch(current: StaffWithPin, body: ChangeStaffBody, active: readonly StaffWithPin[]): StaffPatch {
  const activeAfter = body.active ?? current.active;
  const roleAfter = body.role ?? current.role;
  if (current.active && current.role === 'manager' && (!activeAfter || roleAfter !== 'manager')) {
    const others = active.filter((m) => m.role === 'manager' && m.id !== current.id);
    if (others.length === 0) {
      throw new ApiError(
        'conflict',
        `${current.name} is the last active manager. Add or promote another manager first.`,
        { field: body.active === false ? 'active' : 'role' },
      );
    }
  }
  if (!current.active && activeAfter && body.pin === undefined) {
    throw invalidRequest(`Give ${current.name} a new PIN to bring them back.`, 'pin');
  }
  if (body.pin !== undefined && !pinFits(body.pin, roleAfter))
    throw invalidRequest(`A ${roleAfter}'s PIN is ${pinRuleText(roleAfter)}.`, 'pin');
  if (body.pin !== undefined && activeAfter && pinInUse(body.pin, active, current.id)) throw pinTaken();
  return {
    name: body.name,
    role: body.role,
    active: body.active,
    pinHash: body.pin === undefined ? undefined : hashPin(body.pin),
  };
}

/** Everyone, active first, oldest first. */
export async function listTeam(): Promise<StaffView[]> {
  const all = await listStaff();
  return all.map(toStaffView).sort((a, b) => Number(b.active) - Number(a.active) || a.created_at - b.created_at);
}

export async function addMember(body: AddStaffBody, now = Date.now()): Promise<StaffView> {
  return toStaffView(await addStaff((active) => newMember(body, active, now)));
}

/** One member (404 when there is none with this id). */
export async function findMember(id: string): Promise<StaffView> {
  const member = (await listStaff()).find((m) => m.id === id);
  if (!member) throw notFound('staff member', id);
  return toStaffView(member);
}

/** Changes a member; deactivating ends every session they have at once. */
export async function changeMember(id: string, body: ChangeStaffBody): Promise<StaffView> {
  const member = await changeStaff(id, (current, active) => memberPatch(current, body, active));
  if (!member) throw notFound('staff member', id);
  return toStaffView(member);
}
