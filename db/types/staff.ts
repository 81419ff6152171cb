// Staff, their sessions, and the console's changes to them, as storage keeps them. Pure: no imports.

export type StaffRole = 'kitchen' | 'manager';
export type StaffMember = { id: string; name: string; role: StaffRole; active: boolean; createdAt: number };
export type StaffWithPin = StaffMember & { pinHash: string };

/** A live session: the active staff member behind it, and its clock (idle expiry slides expiresAt). */
export type SessionFound = { member: StaffMember; createdAt: number; expiresAt: number };
export type NewSession = { tokenHash: string; staffId: string; createdAt: number; expiresAt: number };

/** What a staff change writes; absent fields stay as they are. */
export type StaffPatch = Partial<Pick<StaffWithPin, 'name' | 'role' | 'pinHash' | 'active'>>;

/** What the first-run setup decides on: the active staff and the stored setup tokens (the `setup_tokens` setting, unparsed). */
export type SetupState = { active: StaffWithPin[]; tokens: unknown };
