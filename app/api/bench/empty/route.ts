// Benchmark baseline (scripts/bench.ts): the cheapest possible route handlers, to compare ours against.
// The start-up warm-up (lib/warm-up.ts) posts here once too: the first request body Next reads.
import { z } from 'zod';
import { handle, notAllowed, readJson } from '@/lib/http';

export async function GET(): Promise<Response> {
  return Response.json({ ok: true });
}

/** Reads the body as every route does (lib/http.ts: capped, streamed, parsed: 413 and 400 like any route), and nothing more. */
export const POST = handle(async (req) => {
  await readJson(req, z.unknown());
  return Response.json({ ok: true });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { PUT, PATCH, DELETE } = notAllowed('GET', 'POST');
