// HTTP details an API client relies on (issue 25, item 5): every route answers a method it does not
// serve with 405 in our error shape and an `Allow` header (Next's own 405 has neither body nor Allow),
// an unknown /v1 or /api URL is a 404 in our error shape, not the HTML not-found page, and HSTS goes
// out over HTTPS. Routes are discovered from app/, so a new route that forgets its refusals fails here.
import { beforeAll, describe, expect, test } from 'vitest';
import { exportsMethod, routeFiles } from '@/test/routes';
import { startServer, type TestServer } from '@/test/server';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type RouteInfo = { pattern: string; url: string; real: string[]; refused: string[]; declaredAllowed: string[] | null };

function discover(): RouteInfo[] {
  return routeFiles().map(({ pattern, url, source }) => {
    const destructured = /export const \{([^}]*)\} = notAllowed(?:Api)?\(([^)]*)\)/.exec(source);
    return {
      pattern,
      url,
      real: METHODS.filter((m) => exportsMethod(source, m)),
      refused: destructured
        ? destructured[1]!
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
        : [],
      declaredAllowed: destructured ? [...destructured[2]!.matchAll(/'([A-Z]+)'/g)].map((m) => m[1]!) : null,
    };
  });
}

const ROUTES = discover();
let server: TestServer;
beforeAll(async () => {
  server = await startServer({ KITCHENHUB_POLL_SECONDS: '0' });
});

describe('405 with Allow on every route', () => {
  test('every route file answers all five methods: its own, and notAllowed(its own) for the rest', () => {
    expect(ROUTES.length).toBeGreaterThan(40);
    for (const r of ROUTES) {
      expect([...r.real, ...r.refused].sort(), r.pattern).toEqual([...METHODS].sort());
      if (r.refused.length) expect(r.declaredAllowed, r.pattern).toEqual(r.real);
    }
  });

  test('each refused method is 405 in our error shape, with Allow naming what the URL takes', async () => {
    let checked = 0;
    for (const r of ROUTES) {
      for (const method of r.refused) {
        const res = await fetch(`${server.url}${r.url}`, {
          method,
          headers: { 'Content-Type': 'application/json' },
          body: method === 'GET' ? undefined : '{}',
        });
        const allow = [...r.real, ...(r.real.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
        expect(res.status, `${method} ${r.pattern}`).toBe(405);
        expect(res.headers.get('allow'), `${method} ${r.pattern}`).toBe(allow);
        expect(await res.json(), `${method} ${r.pattern}`).toMatchObject({
          error: 'method_not_allowed',
          message: expect.stringContaining(`${method} is not allowed`),
          allowed: r.real,
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  test('the public API adds its CORS headers to a 405 too', async () => {
    const res = await fetch(`${server.url}/v1/orders/ord_aaaaaaaaaaaaaaaaaaaa`, { method: 'PATCH', body: '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, PUT, DELETE, HEAD, OPTIONS');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('unknown API URLs', () => {
  test.each([
    ['GET', '/v1/nope'],
    ['POST', '/v1/orders/ord_aaaaaaaaaaaaaaaaaaaa/extra'],
    ['GET', '/api/nope'],
    ['DELETE', '/api/kitchenhub/nope/deeper'],
  ])('%s %s is a 404 in our error shape', async (method, url) => {
    const res = await fetch(`${server.url}${url}`, { method });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toMatchObject({ error: 'not_found', message: expect.stringContaining(url) });
  });
});

describe('HSTS', () => {
  test('sent when the request came over HTTPS (X-Forwarded-Proto from the TLS proxy), not over plain HTTP', async () => {
    const viaTls = await fetch(`${server.url}/api/health`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(viaTls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const plain = await fetch(`${server.url}/api/health`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });
});
