// Going live from the console (issue #25, item 1): a manager of the restaurant's own switches demo
// data off; the demo key, the demo PINs (and their sessions), the banner, the docs' demo key and the
// sandbox are gone at once. A demo manager cannot do it.
import { beforeAll, describe, expect, test } from 'vitest';
import { DEMO_API_KEY, DEMO_NAMES, DEMO_PINS } from '@/lib/seed';
import { SEED_EXAMPLE_ORDER, signInStaff, StaffClient } from '@/test/api';
import { startServer, type TestServer } from '@/test/server';

let server: TestServer;
let morgan: StaffClient;
beforeAll(async () => {
  server = await startServer({ KITCHENHUB_POLL_SECONDS: '0' });
  morgan = await signInStaff(server.url, 'manager');
});

const signIn = (name: string, pin: string) =>
  fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, pin }),
  });
const placeOrder = () =>
  fetch(`${server.url}/v1/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-API-Key': DEMO_API_KEY },
    body: JSON.stringify(SEED_EXAMPLE_ORDER),
  });

describe('demo data on', () => {
  test('every page says so, the docs use the demo key, the sandbox is mounted', async () => {
    expect(await morgan.json('GET', '/api/manager/demo')).toEqual({ demo: true, sandbox: true });
    for (const page of ['/', '/login', '/board', '/docs']) {
      const html = await (await fetch(`${server.url}${page}`)).text();
      expect(html, page).toContain('data-testid="demo-banner"');
      expect(html, page).toContain('Demo data: do not use for real orders.');
    }
    expect(await (await fetch(`${server.url}/v1/openapi.json`)).text()).toContain(`X-API-Key: ${DEMO_API_KEY}`);
    expect((await placeOrder()).status).toBe(201);
  });
});

describe('switching it off', () => {
  test('a demo manager cannot: it would remove themselves (409, nothing changes)', async () => {
    const res = await morgan.send('DELETE', '/api/manager/demo');
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      error: 'conflict',
      message: expect.stringContaining('Add yourself as a manager'),
    });
    expect(await morgan.json('GET', '/api/manager/demo')).toEqual({ demo: true, sandbox: true });
  });

  test("the restaurant's own manager can: demo key, PINs, sessions, banner, docs key and sandbox are gone", async () => {
    const kitchen = await signInStaff(server.url, 'kitchen');
    expect(
      (await morgan.send('POST', '/api/manager/staff', { name: 'Jordan', role: 'manager', pin: '246810' })).status,
    ).toBe(201);
    const res = await signIn('Jordan', '246810');
    const jordan = new StaffClient(server.url, res.headers.get('set-cookie')?.split(';')[0] ?? '');

    expect(await jordan.json('DELETE', '/api/manager/demo')).toEqual({ demo: false, sandbox: false });

    expect((await placeOrder()).status).toBe(401);
    for (const role of ['kitchen', 'manager'] as const)
      expect((await signIn(DEMO_NAMES[role], DEMO_PINS[role])).status, role).toBe(401);
    for (const demoSession of [morgan, kitchen])
      expect((await demoSession.send('GET', '/api/session')).status).toBe(401);
    const html = await (await fetch(`${server.url}/login`)).text();
    expect(html).not.toContain('data-testid="demo-banner"');
    const doc = await (await fetch(`${server.url}/v1/openapi.json`)).text();
    expect(doc).not.toContain(DEMO_API_KEY);
    expect(doc).toContain('X-API-Key: YOUR_API_KEY');
    expect((await fetch(`${server.url}/api/kitchenhub/sandbox/v2/providers/`)).status).toBe(404);
    expect((await jordan.send('POST', '/api/kitchenhub/simulate', { kind: 'asap' })).status).toBe(404);

    // Jordan still runs the place; the demo staff are listed, inactive; switching off again changes nothing.
    const staff = await jordan.json('GET', '/api/manager/staff');
    expect(staff.staff.filter((m: { active: boolean }) => m.active).map((m: { name: string }) => m.name)).toEqual([
      'Jordan',
    ]);
    expect(await jordan.json('DELETE', '/api/manager/demo')).toEqual({ demo: false, sandbox: false });
  });
});
