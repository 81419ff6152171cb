// Security headers on every page and API response (README "Security").
//
// The Content-Security-Policy is static, with 'unsafe-inline' for scripts and styles, not a per-request
// nonce. Next's App Router writes its bootstrap and RSC payload as inline <script>s; allowing exactly
// those needs a nonce, which Next can only add by rendering every page per request (a proxy that
// runs on every request, and no static /login, /board or /docs): the per-request cost issue #11 caps
// at 10 %. What the nonce would buy is protection after an HTML injection, and this app has no HTML
// sink: React escapes every string, nothing uses dangerouslySetInnerHTML, and all scripts come from
// 'self'. The policy still forbids other origins for scripts, styles, fetches and frames, plugins,
// <base> and form posts elsewhere, and 'unsafe-eval' in production (React's dev build needs eval for
// its debugging call stacks, so `next dev` keeps it).
const isDev = process.env.NODE_ENV === 'development';
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' }, // frame-ancestors for browsers that predate it
  // The tracking link is the customer's capability: never hand it to another site as a Referer. Not
  // 'no-referrer': with it browsers send `Origin: null` on our own POSTs, which the staff endpoints'
  // cross-site check (lib/auth/staff.ts) would refuse.
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // KitchenHub's paths end in '/' (/v2/auth/token/): the sandbox must answer them as they are, not
  // redirect them (our client refuses redirects, as a client of the real KitchenHub should).
  skipTrailingSlashRedirect: true,
  // NEXT_DIST_DIR lets a second build (a benchmark, a parallel checkout) live beside the main one.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  // drizzle-orm too: bundled, each module copy (route handlers, instrumentation; see design.md "Live
  // updates") had its own Column class, so drizzle's `is(field, Column)` missed `instanceof` on the
  // statements shared through globalThis and walked the prototype chain for every column of every
  // row: 15 % of POST /v1/orders' CPU profile, 4 % once drizzle is loaded once (docs/benchmarks.md).
  serverExternalPackages: ['better-sqlite3', 'drizzle-orm'],
  poweredByHeader: false,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // HSTS only when the request came over HTTPS: `next start` speaks plain HTTP behind a TLS proxy,
      // which says so in X-Forwarded-Proto (browsers ignore HSTS on plain HTTP anyway).
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }],
      },
    ];
  },
};
export default nextConfig;
