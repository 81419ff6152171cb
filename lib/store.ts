import { z } from 'zod';
import { hubConfig } from './kitchenhub/config';
import { setAccountsOnline } from './kitchenhub/accounts';
import type { StorePause } from './manager/views';
import { getSetting, setSetting } from './settings';

/** `pause_minutes`: how long the delivery apps stay offline at KitchenHub (KitchenHub resumes them by itself). */
export const storeUpdateBody = z.strictObject({
  paused: z.boolean(),
  pause_minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
});

export async function storeStatus(): Promise<{ paused: boolean }> {
  return { paused: await getSetting('store_paused') };
}

/**
 * Pauses or resumes API intake; with "pause with the store" on (the default), KitchenHub's
 * integration accounts go offline (for `pause_minutes`, where given) or online with it. What each
 * delivery app answered comes back, so the manager sees one that could not be paused.
 */
export async function updateStore(body: z.infer<typeof storeUpdateBody>): Promise<StorePause> {
  const paused = await setSetting('store_paused', body.paused);
  const hub = await hubConfig();
  const kitchenhub =
    hub.api && hub.pauseWithStore
      ? await setAccountsOnline(!paused, body.pause_minutes ? body.pause_minutes * 60 : null)
      : null;
  return { paused, kitchenhub };
}
