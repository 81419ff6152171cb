// The public pages' limits (issue 25, item 4). The tracker, the pickup board, the tracker's Cancel
// and their live streams need no sign-in, so each client address gets a generous allowance per
// minute (counted in the database: every instance shares it) and a cap on the streams it holds open.
import { clientAddress } from './client-address';
import { env } from './env';
import { responseHeaders } from './http';
import { enforceRateLimit, rateLimited } from './rate-limit';

export type PublicAction = 'track' | 'board' | 'cancel' | 'stream';

const MINUTE = 60_000;

/** Requests per address per minute: a phone polls its tracker every 15 s, a wall board less; a cancel is one tap. */
function limitOf(action: PublicAction): number {
  const e = env();
  switch (action) {
    case 'track':
      return e.PUBLIC_READS_PER_MINUTE;
    case 'board':
      return Math.max(1, Math.ceil(e.PUBLIC_READS_PER_MINUTE / 2)); // one board serves a whole lobby
    case 'cancel':
      return e.PUBLIC_CANCELS_PER_MINUTE;
    case 'stream':
      return e.PUBLIC_STREAMS_PER_MINUTE; // new connections: a reconnecting EventSource opens one a second at most
  }
}

/** Counts a public request against its address's allowance for `action`: 429 rate_limited past it. */
export async function limitPublic(req: Request, action: PublicAction, now = Date.now()): Promise<void> {
  await enforceRateLimit({
    bucket: `public:${action}:${clientAddress(req)}`,
    limit: limitOf(action),
    windowMs: MINUTE,
    headers: responseHeaders(req),
    now,
  });
}

// Open streams per address. A stream's socket is held by one process, so its count is this process's
// by nature (not shared state that another instance must see): in memory, on globalThis so that every
// copy of this module (design.md "Live updates") counts into the same map.
const OPEN = Symbol.for('kds.public-streams.open');
const holder = globalThis as unknown as { [OPEN]?: Map<string, number> };
const openByAddress = () => (holder[OPEN] ??= new Map());

/**
 * Holds one of the address's open public streams: 429 rate_limited once it holds PUBLIC_OPEN_STREAMS.
 * Returns the release, which the stream calls when it ends (it may be called more than once).
 */
export function holdPublicStream(req: Request): () => void {
  const address = clientAddress(req);
  const open = openByAddress();
  const held = open.get(address) ?? 0;
  const max = env().PUBLIC_OPEN_STREAMS;
  if (held >= max) {
    throw rateLimited(`At most ${max} live streams may be open from one address at a time. Close one and retry.`, 15);
  }
  open.set(address, held + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (open.get(address) ?? 1) - 1;
    if (left > 0) open.set(address, left);
    else open.delete(address);
  };
}
