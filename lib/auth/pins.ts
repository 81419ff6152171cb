// The PIN rules, in one place: the staff API, the first-run setup and the pages that ask for a PIN
// all read them here. Pure (no zod, no node): the pages bundle it too.
type StaffRole = 'kitchen' | 'manager'; // as db/sqlite/staff.ts (the pages cannot import db/)

/**
 * How many digits a PIN has, by role. A manager's PIN opens everything (API keys, staff, KitchenHub),
 * so it is longer. The demo data's 1111 and 9999 are seeded directly and exist only while demo data is on.
 */
export const PIN_DIGITS: Readonly<Record<StaffRole, { min: number; max: number }>> = {
  kitchen: { min: 4, max: 8 },
  manager: { min: 6, max: 8 },
};

/** The widest rule: what any PIN may look like (sign-in and the staff API's shape check). */
export const ANY_PIN = /^\d{4,8}$/;

/** "4 to 8 digits": the rule in words, for labels and messages. */
export const pinRuleText = (role: StaffRole): string => `${PIN_DIGITS[role].min} to ${PIN_DIGITS[role].max} digits`;

/** Whether `pin` is a valid PIN for someone with `role`. */
export const pinFits = (pin: string, role: StaffRole): boolean =>
  /^\d+$/.test(pin) && pin.length >= PIN_DIGITS[role].min && pin.length <= PIN_DIGITS[role].max;
