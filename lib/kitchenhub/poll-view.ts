// Reconciliation as the console shows it.
import { countRecovered } from '@/db/storage/kitchenhub';
import { env } from '../env';
import { getSetting } from '../settings';
import type { PollView } from './views';

export async function pollView(): Promise<PollView> {
  const poll = await getSetting('kitchenhub_poll');
  return {
    every_seconds: env().KITCHENHUB_POLL_SECONDS,
    last_poll_at: poll.lastPollAt,
    last_finished_at: poll.lastFinishedAt,
    last_error: poll.lastError,
    recovered: await countRecovered(),
  };
}
