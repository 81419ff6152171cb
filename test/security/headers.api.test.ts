// Security checks (issue #11 §3): security headers on every page and API response, over real HTTP
// against the production build (next.config.mjs sets them).
import { beforeAll, describe, expect, test } from 'vitest';
import { DEMO_API_KEY } from '@/lib/seed';
import { signInStaff, type StaffClient } from '@/test/api';
import { startServer, type TestServer } from '@/test/server';

let server: TestServer;
let kitchen: StaffClient;
beforeAll(async () => {
  server = await startServer();
  kitchen = await signInStaff(server.url, 'kitchen');
});

/** Directive name → its sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

function expectSecurityHeaders(res: Response, what: string) {
  const csp = res.headers.get('content-security-policy');
  expect(csp, `${what}: Content-Security-Policy`).toBeTruthy();
  const d = directives(csp!);
  expect(csp, what).not.toContain('unsafe-eval');
  expect(d.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(d.get('default-src'), what).toEqual(["'self'"]);
  expect(d.get('object-src'), what).toEqual(["'none'"]);
  expect(d.get('base-uri'), what).toEqual(["'self'"]);
  for (const name of ['script-src', 'connect-src', 'form-action']) {
    for (const source of d.get(name) ?? [])
      expect(["'self'", "'unsafe-inline'"], `${what}: ${name} ${source}`).toContain(source);
  }
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('x-frame-options'), what).toBe('DENY');
  expect(res.headers.get('referrer-policy'), what).toBe('same-origin');
}

describe('security headers', () => {
  test.each([
    ['/', 200],
    ['/login', 200],
    ['/kitchen', 307], // a visitor is sent to sign in: the redirect carries them too
    ['/board', 200],
    ['/docs', 200],
    ['/track/x', 404],
    ['/no-such-page', 404],
    ['/api/health', 200],
    ['/api/board', 200],
    ['/api/tickets', 401],
    ['/v1/orders', 401],
    ['/v1/openapi.json', 200],
    ['/bad%zzpath', 400], // answered by proxy.ts
  ])('GET %s (%i)', async (path, status) => {
    const res = await fetch(`${server.url}${path}`, { redirect: 'manual' });
    expect(res.status).toBe(status);
    expectSecurityHeaders(res, path);
  });

  test('on signed-in pages, API answers with a key, and CORS preflights too', async () => {
    const kitchenPage = await fetch(`${server.url}/kitchen`, { headers: { Cookie: kitchen.cookie } });
    expect(kitchenPage.status).toBe(200);
    expect(kitchenPage.headers.get('content-type')).toContain('text/html');
    expectSecurityHeaders(kitchenPage, '/kitchen signed in');
    const list = await fetch(`${server.url}/v1/orders`, { headers: { 'X-API-Key': DEMO_API_KEY } });
    expect(list.status).toBe(200);
    expectSecurityHeaders(list, '/v1/orders with a key');
    const preflight = await fetch(`${server.url}/v1/orders`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expectSecurityHeaders(preflight, 'OPTIONS /v1/orders');
  });
});
