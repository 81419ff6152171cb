// Only for URLs with a percent sign: Next answers a path it cannot percent-decode with a plain-text
// 500 before any route runs (it looks for a pages-router error page this app does not have). Such a
// URL is the client's mistake, so it gets a 400 in the API's error shape instead.
import { NextResponse, type NextRequest } from 'next/server';

export function proxy(req: NextRequest) {
  try {
    decodeURIComponent(req.nextUrl.pathname);
  } catch {
    return NextResponse.json(
      { error: 'invalid_request', message: 'The URL has a malformed percent-encoding (a % not followed by two hex digits).' },
      { status: 400 },
    );
  }
  return NextResponse.next();
}

// Runs for paths containing a percent sign only: every other request skips the proxy entirely.
export const config = { matcher: ['/:path(.*%.*)'] };
