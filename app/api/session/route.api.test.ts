import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PINS } from '@/db/seed';
import { signInStaff } from '@/test/api';
import { startServer, type TestServer } from '@/test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ LOGIN_ATTEMPTS_PER_15_MIN: '4' });
});
afterAll(() => server?.stop());

const signIn = (pin: string, ip: string) =>
  fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip }, body: JSON.stringify({ pin }) });

describe('staff sign-in', () => {
  test('a right PIN signs in with a signed HttpOnly session cookie, and /api/session names the member', async () => {
    const res = await signIn(DEMO_PINS.kitchen, '10.0.0.1');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ staff: { name: 'Casey', role: 'kitchen' } });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kds_session=[^;]+\.[^;]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const me = await fetch(`${server.url}/api/session`, { headers: { Cookie: cookie.split(';')[0]! } });
    expect(await me.json()).toMatchObject({ staff: { role: 'kitchen' } });
  });

  test('a wrong PIN is 401 in the error shape and sets no cookie', async () => {
    const res = await signIn('0000', '10.0.0.2');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'unauthorized', message: expect.any(String) });
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  test('a malformed PIN is 400 naming the field', async () => {
    const res = await signIn('12ab', '10.0.0.3');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', field: 'pin' });
  });

  test('sign-in attempts are rate limited per address, even with the right PIN', async () => {
    for (let i = 0; i < 4; i++) expect((await signIn('0000', '10.0.0.9')).status).toBe(401);
    const blocked = await signIn(DEMO_PINS.manager, '10.0.0.9');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await blocked.json()).toMatchObject({ error: 'rate_limited' });
    expect((await signIn(DEMO_PINS.manager, '10.0.0.10')).status).toBe(200); // other tablets are unaffected
  });

  test('a tampered or signed-out cookie is refused', async () => {
    const kitchen = await signInStaff(server.url, 'kitchen');
    const [name, value] = kitchen.cookie.split('=') as [string, string];
    const tampered = `${name}=${value.slice(0, -2)}xx`;
    expect((await fetch(`${server.url}/api/tickets`, { headers: { Cookie: tampered } })).status).toBe(401);
    expect((await kitchen.send('GET', '/api/tickets')).status).toBe(200);
    const out = await kitchen.send('DELETE', '/api/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await kitchen.send('GET', '/api/tickets')).status).toBe(401);
  });

  test('staff pages send visitors without a session to /login and back', async () => {
    const res = await fetch(`${server.url}/kitchen`, { redirect: 'manual' });
    expect([303, 307, 308]).toContain(res.status);
    expect(res.headers.get('location')).toContain('/login?next=%2Fkitchen');
  });

  test('the manager console needs a manager: a kitchen session is sent to sign in as one', async () => {
    const kitchen = await signInStaff(server.url, 'kitchen');
    for (const path of ['/manager', '/manager/incoming', '/manager/keys']) {
      const res = await fetch(`${server.url}${path}`, { redirect: 'manual', headers: { Cookie: kitchen.cookie } });
      expect(res.headers.get('location')).toContain('need=manager');
    }
    const manager = await signInStaff(server.url, 'manager');
    const res = await fetch(`${server.url}/manager/incoming`, { redirect: 'manual', headers: { Cookie: manager.cookie } });
    expect(res.status).toBe(200);
  });

  // Last: it uses up the sign-in budget of the whole server.
  test('forging many addresses still meets the limit across all of them', async () => {
    let last = 0;
    for (let i = 0; i < 45 && last !== 429; i++) last = (await signIn('0000', `10.1.0.${i}`)).status;
    expect(last).toBe(429);
  });
});
