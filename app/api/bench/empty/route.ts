
import { notAllowed } from '@/lib/http';// Benchmark baseline (scripts/bench.ts): the cheapest possible route handlers, to compare ours against.
// The start-up warm-up (lib/warm-up.ts) posts here once too: the first request body Next reads.

export async function GET(): Promise<Response> {
  return Response.json({ ok: true });
}

export async function POST(req: Request): Promise<Response> {
  await req.json();
  return Response.json({ ok: true });
}

/** Every other method: 405 in our error shape, with Allow. */
export const { PUT, PATCH, DELETE } = notAllowed('GET', 'POST');
