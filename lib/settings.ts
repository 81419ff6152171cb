import { z } from 'zod';
import { readSettings, writeSetting, writeSettingOnce } from '@/db/store/settings';
import { randomToken } from './auth/crypto';
import { env } from './env';
import type { KitchenSettings } from './orders/types';

// Every setting has a schema and a default: a missing or damaged stored value falls back to the default.
const SETTINGS = {
  store_paused: z.boolean().default(false),
  kitchen: z
    .object({
      prepMinutes: z.number().min(0.5).max(60),
      toastMinutes: z.number().min(0.5).max(30),
      prepStations: z.number().int().min(1).max(20),
      toasterSlots: z.number().int().min(1).max(20),
    })
    .default({ prepMinutes: 3, toastMinutes: 2, prepStations: 2, toasterSlots: 2 }),
  aging: z
    .object({ warningMinutes: z.number().min(1).max(120), lateMinutes: z.number().min(1).max(240) })
    .refine((a) => a.lateMinutes > a.warningMinutes, 'late must come after warning')
    .default({ warningMinutes: 5, lateMinutes: 8 }),
  /**
   * KitchenHub connection as a manager set it in the console. Each value, when null, falls back to
   * the environment (lib/kitchenhub/config.ts); the environment wins where both are set.
   */
  kitchenhub: z
    .object({
      webhookSecret: z.string().min(16).max(200).nullable(),
      apiUrl: z.url({ protocol: /^https?$/ }).max(300).nullable(),
      clientId: z.string().min(1).max(200).nullable(),
      clientSecret: z.string().min(1).max(500).nullable(),
      autoAccept: z.boolean(),
      autoAcceptPrepMinutes: z.number().int().min(1).max(240),
    })
    .default({ webhookSecret: null, apiUrl: null, clientId: null, clientSecret: null, autoAccept: false, autoAcceptPrepMinutes: 15 }),
  /**
   * Kitchen alerts: a new, changed or canceled ticket sounds again every `repeatSeconds` until a cook
   * acknowledges it; after `escalateAfterSeconds` louder and twice as often (unless `escalate` is off).
   */
  alerts: z
    .object({
      volume: z.number().min(0.1).max(1),
      repeatSeconds: z.number().int().min(3).max(120),
      escalate: z.boolean(),
      escalateAfterSeconds: z.number().int().min(10).max(600),
    })
    .default({ volume: 0.6, repeatSeconds: 10, escalate: true, escalateAfterSeconds: 30 }),
  /** An open order no kitchen screen has shown for this long raises the missing-order alarm. */
  screens: z.object({ missingOrderSeconds: z.number().int().min(5).max(600) }).default({ missingOrderSeconds: 20 }),
  /** The bearer token for KitchenHub's API and its rotating refresh token, shared by every instance. */
  kitchenhub_token: z
    .object({ apiUrl: z.string(), clientId: z.string(), accessToken: z.string(), refreshToken: z.string().nullable(), expiresAt: z.number() })
    .nullable()
    .default(null),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]>;

function valueOf<K extends SettingKey>(key: K, stored: unknown): SettingValue<K> {
  const parsed = SETTINGS[key].safeParse(stored);
  return (parsed.success ? parsed.data : SETTINGS[key].parse(undefined)) as SettingValue<K>;
}

/** A setting's stored value, or its default. */
export async function getSetting<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
  return valueOf(key, (await readSettings([key]))[key]);
}

/** Several settings in one read, each its stored value or its default. */
export async function getSettings<K extends SettingKey>(...keys: K[]): Promise<{ [P in K]: SettingValue<P> }> {
  const stored = await readSettings(keys);
  return Object.fromEntries(keys.map((key) => [key, valueOf(key, stored[key])])) as { [P in K]: SettingValue<P> };
}

/** Validates and stores a setting; throws the zod error for a bad value. */
export async function setSetting<K extends SettingKey>(key: K, value: unknown, now = Date.now()): Promise<SettingValue<K>> {
  const parsed = SETTINGS[key].parse(value) as SettingValue<K>;
  await writeSetting(key, parsed, now);
  return parsed;
}

export const kitchenSettings = (): Promise<KitchenSettings> => getSetting('kitchen');

const SECRET_KEY = Symbol.for('kds.sessionSecret');
const cache = globalThis as unknown as { [SECRET_KEY]?: string };
/** SESSION_SECRET, or one generated on first use and kept in the database so restarts keep sessions. */
export async function sessionSecret(): Promise<string> {
  const configured = env().SESSION_SECRET;
  if (configured) return configured;
  if (!cache[SECRET_KEY]) cache[SECRET_KEY] = String(await writeSettingOnce('session_secret', randomToken(32), Date.now()));
  return cache[SECRET_KEY];
}
