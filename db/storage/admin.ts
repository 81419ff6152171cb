// The manager's console: API keys and staff, each change one transaction (see pick.ts).
import { sqliteAdmin } from '../sqlite/admin';
import { pgAdmin } from '../pg/admin';
import type { ApiKeyListing } from '../types/api-keys';
import type { SetupState, StaffMember, StaffPatch, StaffWithPin } from '../types/staff';
import { pick } from './pick';

export type { ApiKeyListing } from '../types/api-keys';
export type { SetupState, StaffPatch } from '../types/staff';

export interface AdminStorage {
  /** Every API key (never its hash), live ones first, newest first. */
  listApiKeys: () => Promise<ApiKeyListing[]>;
  /** One key (never its hash); undefined for an unknown id. */
  getApiKey: (id: string) => Promise<ApiKeyListing | undefined>;
  /** Revokes a key (keeping the first revocation time if it already was); undefined for an unknown id. */
  revokeKey: (id: string, now: number) => Promise<ApiKeyListing | undefined>;
  /**
   * Adds a staff member: `decide` sees every active member (with PIN hashes, to keep PINs unique) and
   * returns the row to insert or throws; all in one transaction so two managers cannot race a rule.
   */
  addStaff: (decide: (active: StaffWithPin[]) => StaffWithPin) => Promise<StaffMember>;
  /**
   * Changes a staff member: `decide` sees the member and every active member and returns the patch or
   * throws. A member who stops being active loses every session at once. Undefined for an unknown id.
   */
  changeStaff: (
    id: string,
    decide: (current: StaffWithPin, active: StaffWithPin[]) => StaffPatch,
  ) => Promise<StaffMember | undefined>;
  /**
   * First run: adds the first manager. `decide` sees the active staff and the stored setup tokens and
   * returns the row or throws; the tokens are deleted in the same transaction, so a token works once,
   * also when two claims race.
   */
  addFirstManager: (decide: (state: SetupState) => StaffWithPin) => Promise<StaffMember>;
  /**
   * Switches demo data off in one transaction: revokes the demo key, deactivates the demo staff (ending
   * their sessions) and records `demo` as false.
   */
  endDemo: (d: { keyId: string; staffIds: readonly string[]; now: number }) => Promise<void>;
}

export const adminStorage = pick<AdminStorage>(sqliteAdmin, pgAdmin);
export const { listApiKeys, getApiKey, revokeKey, addStaff, changeStaff, addFirstManager, endDemo } = adminStorage;
