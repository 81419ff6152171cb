// Background work of one server process. Each job is safe to run on several instances at once: what
// it does is claimed in a database transaction, so nothing happens twice.
import { env } from './env';
import { fireDueHubOrders } from './kitchenhub/manager';
import { startOutboxWorker } from './kitchenhub/outbox';
import { credentialsRefused } from './kitchenhub/problems';
import { reconcileIfDue } from './kitchenhub/reconcile';
import { ensureWebhook } from './kitchenhub/registration';
import { sweepStaleRateLimits } from './rate-limit';

const KEY = Symbol.for('kds.jobs');
const holder = globalThis as unknown as { [KEY]?: { timer: ReturnType<typeof setInterval>; sweptAt: number } };
const SWEEP_EVERY_MS = 60 * 60_000;

async function tick(sendCalls: () => Promise<void>) {
  try {
    await fireDueHubOrders();
  } catch (err) {
    console.error('background job failed', err); // the next tick tries again
  }
  await sendCalls(); // calls to KitchenHub: queued ones, and retries that came due (it logs its own failures)
  try {
    // KitchenHub: our webhook registered (at start, then now and then), and lost webhooks recovered.
    // Both wait while KitchenHub refuses our credentials: the console says so, and "Connect" retries.
    if (!(await credentialsRefused())) {
      await ensureWebhook();
      await reconcileIfDue();
    }
  } catch (err) {
    console.error('KitchenHub job failed', err);
  }
  const jobs = holder[KEY];
  if (jobs && Date.now() - jobs.sweptAt >= SWEEP_EVERY_MS) {
    jobs.sweptAt = Date.now();
    await sweepStaleRateLimits(Date.now()).catch((err: unknown) => console.error('rate-limit sweep failed', err));
  }
}

/** Starts the jobs once per process (a second call does nothing). */
export function startJobs(): void {
  if (holder[KEY]) return;
  const sendCalls = startOutboxWorker();
  const timer = setInterval(() => void tick(sendCalls), env().JOB_INTERVAL_MS);
  timer.unref();
  holder[KEY] = { timer, sweptAt: 0 };
  void tick(sendCalls); // what came due while the server was down goes at once
}
