import { z } from 'zod';
import { storageEnvShape } from '@/db/config';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  ...storageEnvShape, // DATABASE_PATH, DATABASE_URL, DATABASE_POOL_SIZE: declared in db/config.ts
  /** Signs session cookies. When unset, a random secret is generated once and kept in the database. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Requests per API key per minute before 429 rate_limited. */
  RATE_LIMIT_PER_MINUTE: positiveInt(120),
  /** Sign-in attempts per client address per 15 minutes (a tablet a manager has signed in is not counted). */
  LOGIN_ATTEMPTS_PER_15_MIN: positiveInt(20),
  /** Wrong PINs for one staff name before that name is locked for 15 minutes (and 4× that per day) on devices not trusted. */
  LOGIN_FAILURES_PER_NAME: positiveInt(5),
  /** A staff session ends after this many minutes without a request (an open kitchen screen keeps it alive). */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .default(12 * 60),
  /**
   * How many reverse proxies of ours stand in front of the server and append the address they saw to
   * X-Forwarded-For (`true` = 1). 0/false (default): clients' X-Forwarded-* headers are ignored and the
   * socket's address is the client's (server.mjs). With N, the Nth address from the right is the client's.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v) => (v === 'true' ? '1' : v === 'false' ? '0' : v))
    .pipe(z.coerce.number<string>().int().min(0).max(10)),
  /** Set by server.mjs, not by hand: `socket` says X-Forwarded-For holds the socket's address, not the client's word. */
  KDS_PEER_ADDRESSES: z.enum(['socket']).optional(),
  /** Largest request body accepted, in bytes (413 payload_too_large above it); the KitchenHub webhook takes up to 512 KiB. */
  MAX_BODY_BYTES: positiveInt(64 * 1024),
  /**
   * The public pages' limits per client address per minute (429 rate_limited beyond): tracker reads
   * (the board's are half this), tracker cancels, and new live streams (tracker and board). Generous:
   * a customer or a wall board never meets them, a script hammering them does.
   */
  PUBLIC_READS_PER_MINUTE: positiveInt(120),
  PUBLIC_CANCELS_PER_MINUTE: positiveInt(10),
  PUBLIC_STREAMS_PER_MINUTE: positiveInt(30),
  /** Public live streams (tracker and board) one client address may hold open at once, per instance. */
  PUBLIC_OPEN_STREAMS: positiveInt(20),
  /** IANA time zone of the restaurant: decides the business day that daily ticket numbers restart on. */
  STORE_TIMEZONE: z
    .string()
    .default(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as America/New_York'),
  /** This server's public base URL (https://kds.example.com): KitchenHub's webhook is registered at {PUBLIC_URL}/api/kitchenhub/webhook. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * How KitchenHub webhooks prove they are KitchenHub's: `header` (default, KitchenHub's own scheme:
   * the secret header we register with the webhook), or, for a proxy in front of us that signs or
   * rewrites deliveries, `hmac` (X-KitchenHub-Signature: sha256=<hex of the raw body>) or `token`
   * (?token=<secret> on the URL); those two need KITCHENHUB_WEBHOOK_SECRET.
   */
  KITCHENHUB_WEBHOOK_AUTH: z.enum(['header', 'hmac', 'token']).default('header'),
  /** The webhook secret: for `header`, the value we register (else one is generated and stored hashed); for `hmac`/`token`, the shared secret. */
  KITCHENHUB_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Reconciliation: read KitchenHub's recent orders this often, in seconds, to recover lost webhooks (0 turns it off). */
  KITCHENHUB_POLL_SECONDS: z.coerce.number().int().min(0).default(60),
  /**
   * Minutes a provider gives a new order before KitchenHub cancels it as not accepted. KitchenHub's
   * API does not publish this: the console counts down against it.
   */
  KITCHENHUB_ACCEPT_WINDOW_MINUTES: positiveInt(10),
  /** KitchenHub's API for our calls to it (accept, reject, complete); a manager can set these too. */
  KITCHENHUB_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  KITCHENHUB_CLIENT_ID: z.string().min(1).optional(),
  KITCHENHUB_CLIENT_SECRET: z.string().min(1).optional(),
  /** First retry delay of a failed call to KitchenHub, in milliseconds; it doubles per attempt. */
  KITCHENHUB_RETRY_BASE_MS: positiveInt(5_000),
  /** Attempts before a call to KitchenHub is marked failed for a manager to retry. */
  KITCHENHUB_MAX_ATTEMPTS: positiveInt(10),
  /**
   * How long an instance's claim on a call lasts (a call takes at most 10 s): if the instance dies
   * mid-call, another sends it after this.
   */
  KITCHENHUB_LEASE_MS: z.coerce.number().int().min(11_000, 'must exceed the 10 s call timeout').default(60_000),
  /** How often background jobs (firing scheduled KitchenHub orders) run, in milliseconds. */
  JOB_INTERVAL_MS: positiveInt(10_000),
  /**
   * Demo data (the seed's test key pbj_test_8dd1f2, staff PINs 1111 and 9999, a few orders, the
   * sandbox KitchenHub) for a NEW database. Unset, `npm start` (scripts/db-setup.ts) seeds it and a
   * server started any other way (`next start`, a container) does not: see demoWanted().
   */
  SEED_DEMO: flag.optional(),
  /**
   * The sandbox KitchenHub at /api/kitchenhub/sandbox: unset, on exactly while demo data is on; `true`
   * on without demo data (a manager trying KitchenHub out), `false` off even with demo data.
   */
  KITCHENHUB_SANDBOX: flag.optional(),
});

export type Env = z.infer<typeof schema>;

/** Validates a set of variables; throws a message naming every bad one. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const load = (): Env => parseEnv(process.env);

let cached: Env | undefined;
/** Configuration, validated once; a bad value throws naming the variable. */
export function env(): Env {
  return (cached ??= load());
}

/**
 * Whether a new database gets demo data: SEED_DEMO when set, else `fallback` (true for `npm start`'s
 * first run, false for a server started directly).
 */
export const demoWanted = (fallback: boolean): boolean => env().SEED_DEMO ?? fallback;
