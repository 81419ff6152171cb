// Next's proxy, for two kinds of URL only (every other request skips it entirely):
// - URLs with a percent sign: Next answers a path it cannot percent-decode with a plain-text 500 before
//   any route runs (it looks for a pages-router error page this app does not have). Such a URL is the
//   client's mistake, so it gets a 400 in the API's error shape instead.
// - The public pages `/track/{id}` and `/board`: rendering one reads the same data as its JSON route,
//   so a page load counts against the same per-address allowance (lib/public-limits.ts; 429 beyond).
import { NextResponse, type NextRequest } from 'next/server';
import { toResponse } from '@/lib/errors';
import { limitPublic, type PublicAction } from '@/lib/public-limits';

const pageAction = (path: string): PublicAction | null =>
  path === '/board' ? 'board' : /^\/track\/[^/]+$/.test(path) ? 'track' : null;

export async function proxy(req: NextRequest) {
  try {
    decodeURIComponent(req.nextUrl.pathname);
  } catch {
    return NextResponse.json(
      {
        error: 'invalid_request',
        message: 'The URL has a malformed percent-encoding (a % not followed by two hex digits).',
      },
      { status: 400 },
    );
  }
  const action = pageAction(req.nextUrl.pathname);
  if (action && (req.method === 'GET' || req.method === 'HEAD')) {
    try {
      await limitPublic(req, action);
    } catch (err) {
      return toResponse(err);
    }
  }
  return NextResponse.next();
}

export const config = { matcher: ['/:path(.*%.*)', '/track/:orderId', '/board'] };
