// The console's "Connect": proves the credentials with a fresh token pair, reads the providers'
// capabilities, registers (or updates) our webhook, and clears any configuration problem once
// KitchenHub takes our credentials again. Also what the console reads back as the connection's state.
import { providerCapabilities } from './capabilities';
import { hubConfig } from './config';
import { kickOutbox } from './kick';
import { clearProblem, noting } from './problems';
import { registerWebhook } from './registration';
import { accessToken, forgetTokens } from './tokens';
import type { ConnectResult } from './views';

export async function connectKitchenHub(opts: { rotate?: boolean } = {}, now = Date.now()): Promise<ConnectResult> {
  const { api } = await hubConfig();
  if (!api)
    return {
      ok: false,
      error: 'Set the API URL, client id and client secret first.',
      url: null,
      registration: null,
      providers: [],
    };
  try {
    await forgetTokens(now); // a fresh pair proves the credentials as they are now
    await noting(() => accessToken(api));
    await clearProblem(now);
    const providers = await noting(() => providerCapabilities(api, { refresh: true }, now));
    const registration = await registerWebhook({ rotate: opts.rotate }, now);
    kickOutbox(); // calls that waited for working credentials go now
    return { ok: registration.error === null, error: registration.error, url: api.url, registration, providers };
  } catch (err) {
    return {
      ok: false,
      error: err instanceof Error ? err.message : String(err),
      url: api.url,
      registration: null,
      providers: [],
    };
  }
}
