// Background work of one server process. Each job is safe to run on several instances at once: what
// it does is claimed in a database transaction, so nothing happens twice.
import { env } from './env';
import { fireDueHubOrders } from './kitchenhub/manager';

const KEY = Symbol.for('kds.jobs');
const holder = globalThis as unknown as { [KEY]?: { timer: ReturnType<typeof setInterval> } };

async function tick() {
  try {
    await fireDueHubOrders();
  } catch (err) {
    console.error('background job failed', err); // the next tick tries again
  }
}

/** Starts the jobs once per process (a second call does nothing). */
export function startJobs(): void {
  if (holder[KEY]) return;
  const timer = setInterval(() => void tick(), env().JOB_INTERVAL_MS);
  timer.unref();
  holder[KEY] = { timer };
  void tick(); // what came due while the server was down fires at once
}
