// Who is calling, for rate limits and lock-outs: the one place a client's network address is read.
//
// server.mjs (how `npm start` serves) replaces a client's X-Forwarded-For with the socket's address
// unless TRUST_PROXY names proxies of ours in front; those append the address they saw, so the Nth
// entry from the right is the one our outermost proxy saw. Started any other way (plain `next start`),
// the header is whatever the client sent: see peerAddressesTrusted().
import { env } from './env';

/** Whether X-Forwarded-For was written by us (server.mjs) or our proxies, not by the client. */
export const peerAddressesTrusted = (): boolean => env().TRUST_PROXY > 0 || env().KDS_PEER_ADDRESSES === 'socket';

/**
 * One client for limits: an IPv4 address, or an IPv6 address's /64 (one home or phone gets a whole
 * /64, so counting single IPv6 addresses would give an attacker 2^64 buckets).
 */
export function limitKey(address: string): string {
  const a = address
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped?.[1]) return mapped[1];
  if (!a.includes(':')) return a || 'unknown';
  const [head = '', tail = ''] = a.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const groups = a.includes('::')
    ? [...headParts, ...Array(Math.max(0, 8 - headParts.length - tailParts.length)).fill('0'), ...tailParts]
    : headParts;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The client's address as rate limits count it (see limitKey). */
export const clientAddress = (req: Request): string =>
  addressFrom(req.headers.get('x-forwarded-for'), env().TRUST_PROXY);

/** The client in an X-Forwarded-For value written by `hops` trusted proxies (0: by server.mjs, from the socket). */
export function addressFrom(forwardedFor: string | null, hops: number): string {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const address = hops > 0 ? entries[Math.max(0, entries.length - hops)] : entries[entries.length - 1];
  return address ? limitKey(address) : 'unknown';
}
