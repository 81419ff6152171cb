// Demo data: whether it is on (a setting in the database, so every page, the docs and every instance
// know it), the sandbox KitchenHub that comes with it, and switching it off for going live.
import { endDemo } from '@/db/storage/admin';
import { writeSettingOnce } from '@/db/storage/settings';
import type { StaffMember } from '@/db/storage/staff';
import { randomBase32, randomToken } from './auth/crypto';
import { DEMO_KEY_ID, DEMO_STAFF_IDS } from './demo-data';
import { env } from './env';
import { ApiError } from './errors';
import { getSetting } from './settings';

/** Whether demo data is on (the seed's key and PINs exist; every page says so). */
export const demoOn = (): Promise<boolean> => getSetting('demo');

/** Whether the sandbox KitchenHub is mounted: KITCHENHUB_SANDBOX when set, else exactly while demo data is on. */
export async function sandboxOn(): Promise<boolean> {
  return env().KITCHENHUB_SANDBOX ?? (await demoOn());
}

/** The sandbox's client credentials for POST /v2/auth/token/: random, generated once per install, kept in the database. */
export async function sandboxClient(now = Date.now()): Promise<{ clientId: string; clientSecret: string }> {
  const stored = await getSetting('kitchenhub_sandbox_client');
  if (stored) return stored;
  const fresh = { clientId: `sandbox-${randomBase32(12)}`, clientSecret: randomToken(32) };
  await writeSettingOnce('kitchenhub_sandbox_client', fresh, now); // instances racing: one value wins
  return (await getSetting('kitchenhub_sandbox_client')) ?? fresh;
}

/**
 * Going live: revokes the demo key, deactivates the demo staff (their sessions end) and switches the
 * banner, the docs' demo key and the sandbox off, in one transaction. A demo manager cannot do it (it
 * would sign themselves out for good): a manager of the restaurant's own must. Doing it twice changes nothing.
 */
export async function switchDemoOff(actor: StaffMember, now = Date.now()): Promise<void> {
  if (!(await demoOn())) return;
  if (DEMO_STAFF_IDS.includes(actor.id)) {
    throw new ApiError(
      'conflict',
      `Switching demo data off removes the demo staff, ${actor.name} included. Add yourself as a manager under Staff, sign in with your own PIN, then switch it off.`,
    );
  }
  await endDemo({ keyId: DEMO_KEY_ID, staffIds: DEMO_STAFF_IDS, now });
}

/** What the console shows: demo data on or off, and whether the sandbox KitchenHub is mounted. */
export async function demoView(): Promise<{ demo: boolean; sandbox: boolean }> {
  return { demo: await demoOn(), sandbox: await sandboxOn() };
}
