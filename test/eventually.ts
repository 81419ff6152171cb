// Waiting in tests. For something that happens in the background (a worker, a stream, another
// process): eventually(), on the condition itself. For something that must NOT happen: wait for a later
// thing that is ordered after it (a later call sent, a later event, the checkpointer's next runs), never
// for a while. Only where the clock itself is under test (an idle timeout, a token's lifetime, a
// one-minute rate-limit window) does a test let time pass, and it says so with the helpers below.

/** Polls `read` until `ok` holds; fails naming `what` and the last value after `ms`. */
export async function eventually<T>(
  read: () => Promise<T> | T,
  ok: (v: T) => boolean,
  what: string,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last saw ${JSON.stringify(last)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  return last;
}

/**
 * Lets `ms` of wall-clock time pass, for a test whose subject is the clock (`why` says which: an idle
 * timeout, a lifetime). Not for waiting on work: use eventually() on what the work leaves behind.
 */
export async function letTimePass(ms: number, why: string): Promise<void> {
  if (!why) throw new Error('letTimePass: say which clock the test is about');
  await new Promise((r) => setTimeout(r, ms));
}

/**
 * Rate limits count in fixed one-minute windows of the wall clock (the test's and the server's, one
 * machine): a test that counts requests against one starts with at least `msNeeded` of a window left,
 * waiting for the next window if need be, so its requests never straddle two.
 */
export async function roomInMinuteWindow(msNeeded: number): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < msNeeded) await letTimePass(left + 200, 'the next one-minute rate-limit window');
}
