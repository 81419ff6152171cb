// Who is calling, for rate limits and lock-outs: the one place a client's network address is read.
import { env } from './env';

/**
 * The client's address. Next fills X-Forwarded-For from the socket only when the client sent none, so
 * without a trusted proxy the header is the client's word: a client that forges it gets a bucket of
 * its own, which is why sign-in also has a limit across all addresses.
 */
export function clientAddress(req: Request): string {
  const forwarded = req.headers.get('x-forwarded-for') ?? '';
  return (env().TRUST_PROXY ? forwarded.split(',')[0]?.trim() : forwarded.trim()) || 'unknown';
}
