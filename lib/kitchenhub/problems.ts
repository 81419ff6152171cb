// Configuration problems KitchenHub reports (wrong client secret, unknown or blocked company, not the
// main integration account): kept in the database so every instance and the console see them, and
// cleared when a manager changes the settings or connects again.
import { getSetting, setSetting } from '../settings';
import { HubConfigError } from './transport';

/** Remembers a configuration problem for the console. */
export async function noteProblem(err: HubConfigError, now = Date.now()): Promise<void> {
  await setSetting('kitchenhub_problem', { kind: err.kind, status: err.status, message: err.message, at: now }, now);
}

export async function clearProblem(now = Date.now()): Promise<void> {
  if (await getSetting('kitchenhub_problem')) await setSetting('kitchenhub_problem', null, now);
}

/** While KitchenHub refuses our credentials, nothing is sent on a timer: it could only fail again. */
export async function credentialsRefused(): Promise<boolean> {
  return (await getSetting('kitchenhub_problem'))?.kind === 'credentials';
}

/** Runs `work`; a HubConfigError is noted for the console on its way out. */
export async function noting<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof HubConfigError) await noteProblem(err);
    throw err;
  }
}
