// The manager console's request bodies, parsed by the handlers. The views they answer with live in
// ./views.ts (zod/mini, which the pages bundle); they are re-exported here for the server's code.
import { z } from 'zod';
import { ANY_PIN, pinFits, pinRuleText } from '../auth/pins';
import { CLOSED_STATUSES } from '../orders/status';
import { KEY_MODES, STAFF_ROLES } from './views';

export * from './views';

// ——— Requests ———

const name = z.string().trim().min(1, 'must not be empty').max(40);
const pin = z.string().regex(ANY_PIN, 'must be 4 to 8 digits'); // the role's own rule (lib/auth/pins.ts) is checked with the role

export const createKeyBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(60),
  mode: z.enum(KEY_MODES),
});
export type CreateKeyBody = z.infer<typeof createKeyBody>;

export const addStaffBody = z.strictObject({ name, role: z.enum(STAFF_ROLES), pin }).superRefine((b, ctx) => {
  if (!pinFits(b.pin, b.role))
    ctx.addIssue({ code: 'custom', path: ['pin'], message: `must be ${pinRuleText(b.role)} for a ${b.role}` });
});
export type AddStaffBody = z.infer<typeof addStaffBody>;

/** First run (/setup): the setup token from the server log, and the first manager's name and PIN. */
export const setupBody = z
  .strictObject({ token: z.string().trim().min(1, 'must not be empty').max(200), name, pin })
  .superRefine((b, ctx) => {
    if (!pinFits(b.pin, 'manager'))
      ctx.addIssue({ code: 'custom', path: ['pin'], message: `must be ${pinRuleText('manager')} for a manager` });
  });
export type SetupBody = z.infer<typeof setupBody>;

export const changeStaffBody = z
  .strictObject({
    name: name.optional(),
    role: z.enum(STAFF_ROLES).optional(),
    pin: pin.optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'Send at least one of name, role, pin, active.',
  });
export type ChangeStaffBody = z.infer<typeof changeStaffBody>;

// Shapes only: the ranges live with the settings (lib/settings.ts) and are enforced when stored.
export const kitchenBody = z.strictObject({
  prepMinutes: z.number(),
  toastMinutes: z.number(),
  prepStations: z.number(),
  toasterSlots: z.number(),
});
export const agingBody = z.strictObject({ warningMinutes: z.number(), lateMinutes: z.number() });
export const alertsBody = z.strictObject({
  volume: z.number(),
  repeatSeconds: z.number(),
  escalate: z.boolean(),
  escalateAfterSeconds: z.number(),
});
export const STORE_SETTINGS = ['kitchen', 'aging', 'alerts'] as const;
export type StoreSetting = (typeof STORE_SETTINGS)[number];

export const numbersQuery = z.strictObject({ date: z.iso.date('must be a date like 2026-11-23').optional() });
export const resolveStaleBody = z.strictObject({
  version: z.number().int().min(1),
  outcome: z.enum(CLOSED_STATUSES),
});
