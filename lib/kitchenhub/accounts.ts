// KitchenHub integration accounts (one per delivery provider of a store): their online status for
// the console, and pausing them with the store. GET /v2/integration_accounts/ lists them; the
// status is read and set per account (GET/PUT /v2/integration_accounts/{id}/status/, where
// `pause_duration` is in seconds), only where the provider's capability flags allow it.
import { providerCapabilities } from './capabilities';
import { listIntegrationAccounts, readOnlineStatus, setOnlineStatus } from './client';
import { hubConfig } from './config';
import type { HubApiConfig } from './transport';
import { noting } from './problems';
import type { HubPause, PauseOutcome } from '../manager/views';
import type { Accounts, AccountView } from './views';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The provider accounts (not POS or delivery ones), each with its provider's capabilities and name. */
async function providerAccounts(api: HubApiConfig) {
  const [accounts, caps] = await noting(() => Promise.all([listIntegrationAccounts(api), providerCapabilities(api)]));
  return accounts
    .filter((a) => a.account_type === 'provider')
    .map((a) => {
      const cap = caps.find((p) => p.id === a.provider_id);
      return { account: a, cap, name: cap?.name ?? a.provider_id };
    });
}

/** Every integration account with its online status (read where the provider supports it). */
export async function listAccounts(): Promise<Accounts> {
  const { api } = await hubConfig();
  if (!api) return { accounts: [], error: 'The KitchenHub API is not configured.' };
  try {
    const views = await Promise.all(
      (await providerAccounts(api)).map(async ({ account: a, cap, name }): Promise<AccountView> => {
        const base = {
          id: a.integration_account_id,
          provider_id: a.provider_id,
          provider_name: name,
          connection: a.connection,
          is_main_account: a.is_main_account ?? null,
          can_pause: cap?.updateOnline ?? false,
        };
        if (cap && !cap.readOnline)
          return {
            ...base,
            online: 'unknown',
            offline_reason: `${base.provider_name} does not report its online status.`,
            error: null,
          };
        try {
          const s = await readOnlineStatus(api, a.integration_account_id);
          return { ...base, online: s.online, offline_reason: s.offline_reason ?? null, error: null };
        } catch (err) {
          return { ...base, online: 'unknown', offline_reason: null, error: message(err) };
        }
      }),
    );
    return { accounts: views, error: null };
  } catch (err) {
    return { accounts: [], error: message(err) };
  }
}

/**
 * Sets every provider account offline for `seconds` (paused: true) or online again. Accounts whose
 * provider cannot change its online status are skipped and say so.
 */
export async function setAccountsOnline(online: boolean, seconds: number | null): Promise<HubPause> {
  const { api } = await hubConfig();
  if (!api) return { results: [], error: null };
  try {
    const results = await Promise.all(
      (await providerAccounts(api))
        .filter(({ account }) => account.connection === 'connected')
        .map(async ({ account: a, cap, name }): Promise<PauseOutcome> => {
          if (cap && !cap.updateOnline)
            return {
              id: a.integration_account_id,
              provider_name: name,
              ok: false,
              skipped: true,
              error: `${name} cannot be paused through KitchenHub: pause it on its own tablet.`,
            };
          try {
            await setOnlineStatus(
              api,
              a.integration_account_id,
              online ? { online: true } : { online: false, ...(seconds ? { pause_duration: seconds } : {}) },
            );
            return { id: a.integration_account_id, provider_name: name, ok: true, skipped: false, error: null };
          } catch (err) {
            return {
              id: a.integration_account_id,
              provider_name: name,
              ok: false,
              skipped: false,
              error: message(err),
            };
          }
        }),
    );
    return { results, error: null };
  } catch (err) {
    return { results: [], error: message(err) };
  }
}
