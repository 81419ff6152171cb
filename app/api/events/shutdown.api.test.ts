// A server with open live streams still stops promptly on SIGTERM: the streams are closed (clients
// reconnect elsewhere and resume by Last-Event-ID) instead of holding `next start` open until a
// supervisor kills it.
import { expect, test } from 'vitest';
import { signInStaff } from '@/test/api';
import { startServer } from '@/test/server';

test('SIGTERM ends open kitchen and tracker streams and the server exits by itself', async () => {
  const server = await startServer({ KITCHENHUB_SANDBOX: 'false' });
  const kitchen = await signInStaff(server.url, 'kitchen');
  const streams = await Promise.all([
    fetch(`${server.url}/api/events`, { headers: { Cookie: kitchen.cookie, Accept: 'text/event-stream' } }),
    fetch(`${server.url}/api/board/events`, { headers: { Accept: 'text/event-stream' } }),
  ]);
  for (const s of streams) expect(s.status).toBe(200);
  const ended = streams.map(async (s) => {
    const reader = s.body!.getReader();
    try {
      for (;;) if ((await reader.read()).done) return 'ended';
    } catch {
      return 'ended';
    }
  });
  const exit = await server.stop(15_000); // Next takes about 2 s to shut down even with no stream open
  expect(exit.signal).not.toBe('SIGKILL'); // it did not need killing
  expect(await Promise.all(ended)).toEqual(['ended', 'ended']);
});
