import { z } from 'zod';
import { deleteSetting, readSettings, writeSetting, writeSettingOnce } from '@/db/storage/settings';
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
      apiUrl: z
        .url({ protocol: /^https?$/ })
        .max(300)
        .nullable(),
      clientId: z.string().min(1).max(200).nullable(),
      clientSecret: z.string().min(1).max(500).nullable(),
      /** Where KitchenHub reaches us (PUBLIC_URL wins): the webhook we register is {publicUrl}/api/kitchenhub/webhook. */
      publicUrl: z
        .url({ protocol: /^https?$/ })
        .max(300)
        .nullable()
        .default(null),
      autoAccept: z.boolean(),
      autoAcceptPrepMinutes: z.number().int().min(1).max(240),
      /** Pausing the store also sets KitchenHub's integration accounts offline. */
      pauseWithStore: z.boolean().default(true),
    })
    .default({
      apiUrl: null,
      clientId: null,
      clientSecret: null,
      publicUrl: null,
      autoAccept: false,
      autoAcceptPrepMinutes: 15,
      pauseWithStore: true,
    }),
  /**
   * Our webhook at KitchenHub (POST /v2/webhooks/): its id, and the secret header KitchenHub sends
   * with every delivery, kept only as SHA-256 hashes. `next` is a secret being registered right now;
   * `previous` is the one it replaced, still accepted until `previousUntil`.
   */
  kitchenhub_webhook: z
    .object({
      apiUrl: z.string().nullable(),
      url: z.string().nullable(),
      webhookId: z.string().nullable(),
      secretHash: z.string().nullable(),
      secretHint: z.string().nullable(),
      nextSecretHash: z.string().nullable(),
      previousSecretHash: z.string().nullable(),
      previousUntil: z.number().nullable(),
      state: z.enum(['unregistered', 'registered', 'error']),
      error: z.string().nullable(),
      checkedAt: z.number().nullable(),
    })
    .default({
      apiUrl: null,
      url: null,
      webhookId: null,
      secretHash: null,
      secretHint: null,
      nextSecretHash: null,
      previousSecretHash: null,
      previousUntil: null,
      state: 'unregistered',
      error: null,
      checkedAt: null,
    }),
  /** What each provider lets us do through KitchenHub (GET /v2/providers/), refreshed now and then. */
  kitchenhub_providers: z
    .object({
      apiUrl: z.string(),
      fetchedAt: z.number(),
      providers: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          accept: z.boolean(),
          cancel: z.boolean(),
          complete: z.boolean(),
          readOnline: z.boolean(),
          updateOnline: z.boolean(),
        }),
      ),
    })
    .nullable()
    .default(null),
  /** Reconciliation: when GET /v2/orders/ was last read through, and how that went. */
  kitchenhub_poll: z
    .object({
      lastPollAt: z.number().nullable(),
      lastError: z.string().nullable(),
      lastFinishedAt: z.number().nullable(),
    })
    .default({ lastPollAt: null, lastError: null, lastFinishedAt: null }),
  /**
   * A configuration problem KitchenHub reported (wrong secret, blocked company, not the main account):
   * shown on the console until a manager changes the settings or connects again. While a
   * `credentials` problem stands, nothing is sent (it could only fail again).
   */
  kitchenhub_problem: z
    .object({
      kind: z.enum(['credentials', 'not_main_account']),
      status: z.number().nullable(),
      message: z.string(),
      at: z.number(),
    })
    .nullable()
    .default(null),
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
  /**
   * Demo data is on: the seed's key and staff PINs exist, every page says so, the docs use the demo
   * key, the sandbox KitchenHub is mounted. Written when a database is seeded; a manager switches it off.
   */
  demo: z.boolean().default(false),
  /**
   * First run: SHA-256 of the one-time setup tokens printed in the server log at start while no
   * manager exists (one per start, the last few kept so any instance's token works). The first
   * manager created with one deletes them all.
   */
  setup_tokens: z
    .array(z.object({ hash: z.string().length(64), at: z.number() }))
    .max(20)
    .default([]),
  /** The sandbox KitchenHub's client credentials (POST /v2/auth/token/), generated once per install. */
  kitchenhub_sandbox_client: z
    .object({ clientId: z.string().min(8), clientSecret: z.string().min(24) })
    .nullable()
    .default(null),
  /** KitchenHub's access and refresh tokens (POST /v2/auth/token/), shared by every instance. */
  kitchenhub_token: z
    .object({
      apiUrl: z.string(),
      clientId: z.string(),
      accessToken: z.string(),
      accessExpiresAt: z.number(),
      refreshToken: z.string(),
      refreshExpiresAt: z.number(),
    })
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
export async function setSetting<K extends SettingKey>(
  key: K,
  value: unknown,
  now = Date.now(),
): Promise<SettingValue<K>> {
  const parsed = SETTINGS[key].parse(value) as SettingValue<K>;
  // A JSON null cannot be stored (the column is NOT NULL): null means "no value", the default.
  if (parsed === null) await deleteSetting(key);
  else await writeSetting(key, parsed, now);
  return parsed;
}

export const kitchenSettings = (): Promise<KitchenSettings> => getSetting('kitchen');

const SECRET_KEY = Symbol.for('kds.sessionSecret');
const cache = globalThis as unknown as { [SECRET_KEY]?: string };
/** SESSION_SECRET, or one generated on first use and kept in the database so restarts keep sessions. */
export async function sessionSecret(): Promise<string> {
  const configured = env().SESSION_SECRET;
  if (configured) return configured;
  if (!cache[SECRET_KEY])
    cache[SECRET_KEY] = String(await writeSettingOnce('session_secret', randomToken(32), Date.now()));
  return cache[SECRET_KEY];
}
