import { z } from 'zod';
import { getSetting, setSetting } from './settings';

export const storeUpdateBody = z.strictObject({ paused: z.boolean() });

export async function storeStatus(): Promise<{ paused: boolean }> {
  return { paused: await getSetting('store_paused') };
}

/** Pauses or resumes API intake. */
export async function updateStore(body: z.infer<typeof storeUpdateBody>): Promise<{ paused: boolean }> {
  return { paused: await setSetting('store_paused', body.paused) };
}
