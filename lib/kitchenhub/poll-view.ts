// Reconciliation as the console shows it.
import { countRecovered } from '@/db/storage/kitchenhub';
import { env } from '../env';
import { getSetting } from '../settings';

export async function pollView() {
  const poll = await getSetting('kitchenhub_poll');
  return {
    every_seconds: env().KITCHENHUB_POLL_SECONDS,
    last_poll_at: poll.lastPollAt,
    last_finished_at: poll.lastFinishedAt,
    last_error: poll.lastError,
    /** Orders (and status changes) that only the poll found: their webhooks never came. */
    recovered: await countRecovered(),
  };
}
