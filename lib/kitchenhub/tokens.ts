// KitchenHub's tokens: POST /v2/auth/token/ {client_id, client_secret} gives an access token and a
// refresh token, each with a lifetime in minutes; POST /v2/auth/token/refresh/ {refresh_token} gives
// a new access token only (the refresh token stays; a new pair is needed before it expires).
//
// The tokens are stored (settings `kitchenhub_token`), so every instance and every restart shares
// them. Renewing takes the `kitchenhub_token` lease: of several instances whose token ran out at the
// same moment, one renews and the others wait for its result instead of renewing beside it.
import { readLease, releaseLease, tryLease } from '@/db/storage/leases';
import { getSetting, setSetting } from '../settings';
import { taskHolder } from '../instance';
import { describeError, HubCallError, HubConfigError, hubClient, type HubApiConfig } from './transport';

/** A token this close to expiry is renewed before use rather than risk a 401 mid-call. */
const EXPIRY_MARGIN_MS = 60_000;
const LEASE = 'kitchenhub_token';
const LEASE_MS = 15_000;
const WAIT_STEP_MS = 150;

type Stored = NonNullable<Awaited<ReturnType<typeof getSetting<'kitchenhub_token'>>>>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isOurs = (t: Stored | null, api: HubApiConfig): t is Stored =>
  !!t && t.apiUrl === api.url && t.clientId === api.clientId;
const usable = (t: Stored, now: number, rejected?: string) =>
  t.accessToken !== rejected && t.accessExpiresAt - EXPIRY_MARGIN_MS > now;

/** What a refused token request means, in words for the manager. */
function tokenRefusal(status: number, error: unknown): HubCallError {
  const said = describeError(status, error);
  switch (status) {
    case 400:
      return new HubConfigError(
        400,
        `${said}. KitchenHub refused the client secret: check the client secret.`,
        'credentials',
      );
    case 401:
    case 404:
      return new HubConfigError(
        status,
        `${said}. KitchenHub does not know this client id: check the client id.`,
        'credentials',
      );
    case 403:
      return new HubConfigError(
        403,
        `${said}. KitchenHub has blocked this company's access: contact KitchenHub support.`,
        'credentials',
      );
    default:
      return new HubCallError(status, `Getting a KitchenHub token failed. ${said}`);
  }
}

async function createPair(api: HubApiConfig, now: number): Promise<Stored> {
  const { data, error, response } = await hubClient(api.url).POST('/v2/auth/token/', {
    body: { client_id: api.clientId, client_secret: api.clientSecret },
  });
  if (!response.ok || !data) throw tokenRefusal(response.status, error);
  const token: Stored = {
    apiUrl: api.url,
    clientId: api.clientId,
    accessToken: data.access_token,
    accessExpiresAt: now + data.access_token_expire * 60_000,
    refreshToken: data.refresh_token,
    refreshExpiresAt: now + data.refresh_token_expire * 60_000,
  };
  await setSetting('kitchenhub_token', token, now);
  return token;
}

/** A new access token from the refresh token; null when KitchenHub no longer takes it (400: a new pair then). */
async function refresh(api: HubApiConfig, stored: Stored, now: number): Promise<Stored | null> {
  const { data, error, response } = await hubClient(api.url).POST('/v2/auth/token/refresh/', {
    body: { refresh_token: stored.refreshToken },
  });
  if (response.status === 400) return null;
  if (!response.ok || !data) throw tokenRefusal(response.status, error);
  const token: Stored = {
    ...stored,
    accessToken: data.access_token,
    accessExpiresAt: now + data.access_token_expire * 60_000,
  };
  await setSetting('kitchenhub_token', token, now);
  return token;
}

async function renew(api: HubApiConfig, now: () => number): Promise<string> {
  const stored = await getSetting('kitchenhub_token');
  if (isOurs(stored, api) && stored.refreshExpiresAt - EXPIRY_MARGIN_MS > now()) {
    const refreshed = await refresh(api, stored, now());
    if (refreshed) return refreshed.accessToken;
  }
  return (await createPair(api, now())).accessToken;
}

/**
 * A bearer token for `api`: the stored one while it is good; else one instance renews it (refresh,
 * or a new pair once the refresh token is spent) while the others wait for it. `rejected` is a token
 * KitchenHub just answered 401 to: another one is needed.
 */
export async function accessToken(
  api: HubApiConfig,
  opts: { rejected?: string } = {},
  now: () => number = Date.now,
): Promise<string> {
  const stored = await getSetting('kitchenhub_token');
  if (isOurs(stored, api) && usable(stored, now(), opts.rejected)) return stored.accessToken;
  const me = taskHolder();
  const deadline = now() + LEASE_MS;
  while (!(await tryLease(LEASE, me, now(), LEASE_MS))) {
    // Another instance is renewing: use its token as soon as it is stored.
    await sleep(WAIT_STEP_MS);
    const theirs = await getSetting('kitchenhub_token');
    if (isOurs(theirs, api) && usable(theirs, now(), opts.rejected)) return theirs.accessToken;
    if (now() > deadline) {
      const lease = await readLease(LEASE);
      throw new HubCallError(
        null,
        `Another instance (${lease?.holder ?? 'unknown'}) is renewing the KitchenHub token and has not finished.`,
      );
    }
  }
  try {
    // It may have been renewed while we waited for the lease.
    const again = await getSetting('kitchenhub_token');
    if (isOurs(again, api) && usable(again, now(), opts.rejected)) return again.accessToken;
    return await renew(api, now);
  } finally {
    await releaseLease(LEASE, me);
  }
}

/** Forgets the stored tokens (new credentials were saved). */
export async function forgetTokens(now = Date.now()): Promise<void> {
  await setSetting('kitchenhub_token', null, now);
}
