// What each delivery provider lets us do through KitchenHub: GET /v2/providers/ gives every
// provider's capability flags (provider_capabilities.order.accept_order.is_supported, …). Read once
// an hour (or on "Connect") and kept in the database for every instance.
import { getSetting, setSetting } from '../settings';
import { listProviders, type HubProviderInfo } from './client';
import type { HubApiConfig } from './transport';
import type { HubCallAction } from './types';
import type { ProviderCaps } from './views';

const MAX_AGE_MS = 60 * 60_000;

export function toCaps(p: HubProviderInfo): ProviderCaps {
  const c = p.provider_capabilities;
  return {
    id: p.provider_id,
    name: p.provider_name,
    accept: c?.order.accept_order.is_supported ?? false,
    cancel: c?.order.cancel_order.is_supported ?? false,
    complete: c?.order.complete_order.is_supported ?? false,
    readOnline: c?.online_status.get_online_status.is_supported ?? false,
    updateOnline: c?.online_status.update_online_status.is_supported ?? false,
  };
}

/** Every provider's capabilities: the stored list while fresh, else read from KitchenHub. */
export async function providerCapabilities(
  api: HubApiConfig,
  opts: { refresh?: boolean } = {},
  now = Date.now(),
): Promise<ProviderCaps[]> {
  const stored = await getSetting('kitchenhub_providers');
  if (!opts.refresh && stored && stored.apiUrl === api.url && now - stored.fetchedAt < MAX_AGE_MS)
    return stored.providers;
  const providers = (await listProviders(api)).map(toCaps);
  await setSetting('kitchenhub_providers', { apiUrl: api.url, fetchedAt: now, providers }, now);
  return providers;
}

/** The stored capabilities of one provider, without asking KitchenHub (null: not known yet). */
export async function knownCaps(providerId: string): Promise<ProviderCaps | null> {
  return (await getSetting('kitchenhub_providers'))?.providers.find((p) => p.id === providerId) ?? null;
}

/** Which capability a call of ours needs: a reject is KitchenHub's cancel. */
export const CAPABILITY: Record<HubCallAction, 'accept' | 'cancel' | 'complete'> = {
  accept: 'accept',
  reject: 'cancel',
  cancel: 'cancel',
  complete: 'complete',
};
