// Security checks (issue #11 §3): every staff route handler refuses visitors (401) and the wrong role
// (403), state-changing staff requests from another site are refused (403) and change nothing, and the
// session cookie carries its attributes. Routes are discovered from app/api, so a new one is covered
// the moment it exists: it is expected to be manager-only unless listed below.
import { beforeAll, describe, expect, test } from 'vitest';
import { DEMO_NAMES, DEMO_PINS } from '@/lib/seed';
import { hubAuth, hubOrder, HUB_SECRET, WEBHOOK_HEADER } from '@/test/kitchenhub';
import { newApiClient, SEED_EXAMPLE_ORDER, signInStaff, type ApiClient, type StaffClient } from '@/test/api';
import { exportsMethod, routeFiles } from '@/test/routes';
import { startServer, type TestServer } from '@/test/server';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];
type Route = { method: Method; pattern: string; url: string };

/** Routes anyone may call, each with the reason. Keys are `/path` (every method) or `METHOD /path`. */
const PUBLIC: Record<string, string> = {
  '/api/kitchenhub/webhook': `KitchenHub authenticates with the secret header we register with our webhook (${WEBHOOK_HEADER}; HMAC or ?token= only behind a proxy, KITCHENHUB_WEBHOOK_AUTH), not a session`,
  '/api/kitchenhub/sandbox/[...path]':
    "the sandbox KitchenHub (404 unless demo data or KITCHENHUB_SANDBOX is on): it admits a manager session or KitchenHub's own token flow with this install's credentials (test/security/sandbox.api.test.ts); it holds no data of ours",
  '/api/setup':
    'first-run setup: the one-time setup token from the server log is the credential (401 without it, 409 once a manager exists; rate limited)',
  '/api/track/[orderId]': "the customer's tracker: the unguessable order id is the capability",
  '/api/track/[orderId]/events': "the customer's tracker stream: the order id is the capability",
  '/api/track/[orderId]/cancel': "the tracker's Cancel button: the order id is the capability",
  '/api/board': 'the public pickup board (numbers and first names only)',
  '/api/board/events': "the pickup board's stream",
  '/api/health': 'for load balancers',
  '/api/[...path]': 'any unknown /api URL: 404 in our error shape, for everyone',
  '/api/bench/empty': 'the benchmark baseline: answers {ok:true} and touches nothing',
  '/api/bench/empty/[id]': 'the benchmark baseline on a dynamic route: echoes the id and touches nothing',
  'POST /api/session': 'sign-in itself (name and PIN; rate limited)',
  'DELETE /api/session': 'sign-out: without a session there is nothing to end, so 204',
};
/**
 * Manager-only routes named with their reason. Every staff route not in KITCHEN is manager-only
 * anyway; these are listed so that they are checked to exist and to stay off the other tables.
 */
const MANAGER: Record<string, string> = {
  'POST /api/kitchenhub/connect':
    "Connect / Rotate secret: uses our KitchenHub credentials and registers our webhook's secret there",
  'POST /api/kitchenhub/reconcile':
    'Check KitchenHub now: polls KitchenHub with our credentials and ingests the orders it finds',
  'GET /api/kitchenhub/accounts': "KitchenHub's integration accounts (one per delivery app) and their online status",
};
/** Staff routes a kitchen session may use; every other staff route is for managers only. */
const KITCHEN: ReadonlySet<string> = new Set([
  'GET /api/session',
  'GET /api/tickets',
  'GET /api/events',
  'POST /api/orders/[orderId]/advance',
  'POST /api/orders/[orderId]/undo',
  'POST /api/orders/[orderId]/cancel',
  'POST /api/orders/[orderId]/acknowledge',
  'POST /api/orders/[orderId]/rush',
  'POST /api/orders/[orderId]/unrush',
  'POST /api/orders/[orderId]/item',
  'GET /api/orders/[orderId]/history',
  'GET /api/stock',
  'PUT /api/stock/[type]/[option]',
  'GET /api/store',
  'POST /api/screens/heartbeat',
]);

/** Every exported method of every route handler under app/api, with a harmless URL for it. */
function discoverRoutes(): Route[] {
  return routeFiles('api').flatMap(({ pattern, url, source }) =>
    METHODS.filter((method) => exportsMethod(source, method)).map((method) => ({ method, pattern, url })),
  );
}

const key = (r: Route) => `${r.method} ${r.pattern}`;
const isPublic = (r: Route) => r.pattern in PUBLIC || key(r) in PUBLIC;
const ALL = discoverRoutes();
const STAFF = ALL.filter((r) => !isPublic(r));
const UNSAFE = STAFF.filter((r) => r.method !== 'GET');
const EVIL = 'https://evil.example';

let server: TestServer;
let kitchen: StaffClient;
let manager: StaffClient;
let api: ApiClient;
beforeAll(async () => {
  server = await startServer({ KITCHENHUB_WEBHOOK_SECRET: HUB_SECRET, LOGIN_ATTEMPTS_PER_15_MIN: '100' });
  [kitchen, manager, api] = await Promise.all([
    signInStaff(server.url, 'kitchen'),
    signInStaff(server.url, 'manager'),
    newApiClient(server.url),
  ]);
});

/** Sends and returns status and body text; a stream that opened is closed unread. */
async function call(
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.headers.get('content-type')?.includes('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, text: '' };
  }
  return { status: res.status, text: await res.text() };
}
const errorOf = (text: string): unknown => JSON.parse(text);

describe('route discovery', () => {
  test('finds the staff routes, and every table entry names a route that exists', () => {
    expect(STAFF.length).toBeGreaterThan(20);
    for (const entry of [...Object.keys(PUBLIC), ...KITCHEN]) {
      expect(
        ALL.some((r) => r.pattern === entry || key(r) === entry),
        `${entry} is in a table but no route handler matches it`,
      ).toBe(true);
    }
    for (const [entry, reason] of Object.entries(MANAGER)) {
      expect(reason.length, entry).toBeGreaterThan(0);
      expect(
        STAFF.some((r) => key(r) === entry),
        `${entry} should be a staff route`,
      ).toBe(true);
      expect(KITCHEN.has(entry), `${entry} is manager-only, not for the kitchen`).toBe(false);
    }
  });
});

describe('staff route handlers', () => {
  test('refuse a request without a session: 401 unauthorized in the error shape', async () => {
    for (const r of STAFF) {
      const { status, text } = await call(r.method, r.url);
      expect(status, key(r)).toBe(401);
      expect(errorOf(text), key(r)).toEqual({ error: 'unauthorized', message: expect.any(String) });
    }
  });

  test('refuse a kitchen session on manager-only routes (403 forbidden) and let it through on kitchen ones', async () => {
    for (const r of STAFF) {
      const { status, text } = await call(r.method, r.url, { Cookie: kitchen.cookie });
      if (KITCHEN.has(key(r))) {
        expect([401, 403], `${key(r)} refused a kitchen session: ${text}`).not.toContain(status);
      } else {
        expect(status, `${key(r)} should be manager-only`).toBe(403);
        expect(errorOf(text), key(r)).toEqual({ error: 'forbidden', message: expect.stringMatching(/manager/) });
      }
    }
  });

  test('let a manager through everywhere (the placeholders then meet 404, 400 or 415, never 401 or 403)', async () => {
    for (const r of STAFF) {
      const { status, text } = await call(r.method, r.url, { Cookie: manager.cookie });
      expect([401, 403], `${key(r)}: ${text}`).not.toContain(status);
      expect(status, `${key(r)}: ${text}`).toBeLessThan(500);
    }
  });
});

describe('state-changing staff requests from another site', () => {
  test('are refused with 403 on every staff route, by Origin or, without one, by Sec-Fetch-Site', async () => {
    expect(UNSAFE.length).toBeGreaterThan(10);
    const crossSite: Array<Record<string, string>> = [
      { Origin: EVIL },
      { Origin: 'null' },
      { Origin: server.url.replace(/:(\d+)$/, (_, p: string) => `:${Number(p) + 1}`) }, // same host, another port
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' }, // a sibling subdomain is another origin
    ];
    for (const r of UNSAFE) {
      for (const headers of crossSite) {
        const { status, text } = await call(r.method, r.url, { Cookie: manager.cookie, ...headers });
        expect(status, `${key(r)} ${JSON.stringify(headers)}`).toBe(403);
        expect(errorOf(text)).toEqual({ error: 'forbidden', message: expect.stringMatching(/another site/) });
      }
    }
  });

  test('change nothing: a cross-site tap, pause or new key is refused and the state stays as it was', async () => {
    const { order_id } = await api.createOrder();
    const tap = await call(
      'POST',
      `/api/orders/${order_id}/advance`,
      { Cookie: kitchen.cookie, Origin: EVIL },
      { version: 1 },
    );
    expect(tap.status).toBe(403);
    expect(await kitchen.ticket(order_id)).toMatchObject({ status: 'queued', version: 1 });

    const pause = await call(
      'PUT',
      '/api/store',
      { Cookie: manager.cookie, 'Sec-Fetch-Site': 'cross-site' },
      { paused: true },
    );
    expect(pause.status).toBe(403);
    expect(await manager.json('GET', '/api/store')).toMatchObject({ paused: false });
    expect((await api.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER)).status).toBe(201);

    const keysBefore = (await manager.json('GET', '/api/manager/keys')).keys;
    const newKey = await call(
      'POST',
      '/api/manager/keys',
      { Cookie: manager.cookie, Origin: EVIL },
      { name: 'Forged', mode: 'live' },
    );
    expect(newKey.status).toBe(403);
    expect(newKey.text).not.toMatch(/pbj_live_/);
    expect((await manager.json('GET', '/api/manager/keys')).keys).toEqual(keysBefore);
  });

  test('same-origin requests work, and so do clients that are not browsers (no Origin, no Sec-Fetch-Site)', async () => {
    const { order_id } = await api.createOrder();
    expect(
      (
        await call(
          'POST',
          `/api/orders/${order_id}/advance`,
          { Cookie: kitchen.cookie, Origin: server.url },
          { version: 1 },
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await call(
          'POST',
          `/api/orders/${order_id}/advance`,
          { Cookie: kitchen.cookie, 'Sec-Fetch-Site': 'same-origin' },
          { version: 2 },
        )
      ).status,
    ).toBe(200);
    expect(
      (await call('POST', `/api/orders/${order_id}/undo`, { Cookie: kitchen.cookie }, { version: 3 })).status,
    ).toBe(200);
    expect(await kitchen.ticket(order_id)).toMatchObject({ status: 'prepping', version: 4 });
  });

  test('sign-in and sign-out from another site are refused too: no cookie is set and the session lives on', async () => {
    const signIn = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: EVIL },
      body: JSON.stringify({ name: DEMO_NAMES.manager, pin: DEMO_PINS.manager }),
    });
    expect(signIn.status).toBe(403);
    expect(signIn.headers.get('set-cookie')).toBeNull();
    const session = await signInStaff(server.url, 'kitchen');
    const out = await call('DELETE', '/api/session', { Cookie: session.cookie, Origin: EVIL });
    expect(out.status).toBe(403);
    expect((await session.send('GET', '/api/session')).status).toBe(200);
  });

  test('the public /v1 API and the KitchenHub webhook are untouched by the check, cookie or not', async () => {
    const placed = await api.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER, {
      Origin: EVIL,
      'Sec-Fetch-Site': 'cross-site',
      Cookie: manager.cookie,
    });
    expect(placed.status).toBe(201);
    expect(placed.headers.get('access-control-allow-origin')).toBe('*');
    const { order_id } = await placed.json();
    expect((await api.send('DELETE', `/v1/orders/${order_id}`, undefined, { Origin: EVIL })).status).toBe(200);

    const body = hubOrder(`77${Date.now()}`, 'new');
    const hook = await fetch(`${server.url}/api/kitchenhub/webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...hubAuth(), Origin: EVIL, 'Sec-Fetch-Site': 'cross-site' },
      body,
    });
    expect(hook.status).toBe(200);
    expect(await hook.json()).toMatchObject({ received: true, outcome: 'applied' });
  });

  test('without TRUST_PROXY a client cannot claim another origin through X-Forwarded-Host', async () => {
    const res = await call(
      'PUT',
      '/api/store',
      {
        Cookie: manager.cookie,
        Origin: 'https://kds.example.com',
        'X-Forwarded-Host': 'kds.example.com',
        'X-Forwarded-Proto': 'https',
      },
      { paused: false },
    );
    expect(res.status).toBe(403);
  });
});

describe('the session cookie', () => {
  const signIn = (headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ name: DEMO_NAMES.kitchen, pin: DEMO_PINS.kitchen }),
    });
  const attributes = (setCookie: string) =>
    setCookie
      .split(';')
      .slice(1)
      .map((a) => a.trim().toLowerCase());

  test('is signed, HttpOnly, SameSite=Lax, for the whole site, and not Secure over plain HTTP', async () => {
    const setCookie = (await signIn()).headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^kds_session=[\w-]+\.[\w-]+;/); // token.signature
    const attrs = attributes(setCookie);
    expect(attrs).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    expect(attrs).not.toContain('secure'); // a browser would drop a Secure cookie sent over http
    const [name, value] = setCookie.split(';')[0]!.split('=') as [string, string];
    const [token] = value.split('.');
    for (const forged of [`${name}=${token}`, `${name}=${token}.${'A'.repeat(43)}`, `${name}=x${value}`]) {
      expect((await call('GET', '/api/tickets', { Cookie: forged })).status, forged).toBe(401);
    }
  });

  test('is Secure when a proxy says the client came over HTTPS', async () => {
    const setCookie = (await signIn({ 'X-Forwarded-Proto': 'https' })).headers.get('set-cookie') ?? '';
    expect(attributes(setCookie)).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax']));
  });
});

describe('behind a trusted proxy (TRUST_PROXY=true)', () => {
  let proxied: TestServer;
  beforeAll(async () => {
    proxied = await startServer({ TRUST_PROXY: 'true' });
  });

  test('the origin to match is the one X-Forwarded-Host/-Proto name, and the cookie is Secure', async () => {
    const forwarded = {
      'X-Forwarded-Host': 'kds.example.com',
      'X-Forwarded-Proto': 'https',
      'X-Forwarded-For': '203.0.113.7',
    };
    const signIn = await fetch(`${proxied.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://kds.example.com', ...forwarded },
      body: JSON.stringify({ name: DEMO_NAMES.manager, pin: DEMO_PINS.manager }),
    });
    expect(signIn.status).toBe(200);
    const setCookie = signIn.headers.get('set-cookie') ?? '';
    expect(setCookie.toLowerCase()).toContain('; secure');
    const cookie = setCookie.split(';')[0]!;
    const pause = (origin: string) =>
      fetch(`${proxied.url}/api/store`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: origin, ...forwarded },
        body: JSON.stringify({ paused: false }),
      });
    expect((await pause('https://kds.example.com')).status).toBe(200);
    expect((await pause(proxied.url)).status).toBe(403); // the app's own socket address is not the public origin
    expect((await pause('http://kds.example.com')).status).toBe(403); // nor is the public host over plain HTTP
  });
});
