import { beforeAll, describe, expect, test } from 'vitest';
import { DEMO_NAMES, DEMO_PINS } from '@/lib/seed';
import { signInStaff } from '@/test/api';
import { requestFrom } from '@/test/from-address';
import { letTimePass } from '@/test/eventually';
import { startServer, type TestServer } from '@/test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ LOGIN_ATTEMPTS_PER_15_MIN: '6', LOGIN_FAILURES_PER_NAME: '3' });
  const manager = await signInStaff(server.url, 'manager');
  expect(
    (await manager.send('POST', '/api/manager/staff', { name: 'Riley', role: 'kitchen', pin: '4826' })).status,
  ).toBe(201);
});

/** A sign-in from a client at `address` (a loopback address: what the server's socket sees). */
const signIn = (name: string, pin: string, address: string, headers: Record<string, string> = {}) =>
  requestFrom(address, `${server.url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ name, pin }),
  });
const cookieOf = (setCookie: string[] | undefined, name: string) =>
  setCookie?.find((c) => c.startsWith(`${name}=`))?.split(';')[0];

describe('staff sign-in', () => {
  test('a right name and PIN sign in with a signed HttpOnly session cookie, and /api/session names the member', async () => {
    const res = await signIn(DEMO_NAMES.kitchen, DEMO_PINS.kitchen, '127.0.0.2');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ staff: { name: 'Casey', role: 'kitchen' } });
    const setCookie = res.headers['set-cookie'] ?? [];
    expect(setCookie).toHaveLength(1); // a cook's sign-in marks no device trusted
    expect(setCookie[0]).toMatch(/^kds_session=[^;]+\.[^;]+;/);
    expect(setCookie[0]).toContain('HttpOnly');
    expect(setCookie[0]).toContain('SameSite=Lax');
    const me = await fetch(`${server.url}/api/session`, { headers: { Cookie: cookieOf(setCookie, 'kds_session')! } });
    expect(await me.json()).toMatchObject({ staff: { role: 'kitchen' } });
  });

  test("a wrong PIN, or someone else's PIN with this name, is 401 in the error shape and sets no cookie", async () => {
    for (const [name, pin] of [
      [DEMO_NAMES.kitchen, '0000'],
      [DEMO_NAMES.kitchen, DEMO_PINS.manager],
      ['Nobody', DEMO_PINS.kitchen],
    ] as const) {
      const res = await signIn(name, pin, '127.0.0.3');
      expect(res.status, `${name}/${pin}`).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({
        error: 'unauthorized',
        message: expect.stringContaining('name and PIN'),
      });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  test('a malformed PIN or a missing name is 400 naming the field', async () => {
    const res = await signIn('Casey', '12ab', '127.0.0.4');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'invalid_request', field: 'pin' });
    const noName = await requestFrom('127.0.0.4', `${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ pin: '1111' }),
    });
    expect(noName.status).toBe(400);
    expect(JSON.parse(noName.body)).toMatchObject({ error: 'invalid_request', field: 'name' });
  });

  test('wrong PINs lock that name only: the right PIN is refused for a while, other names still sign in', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn('Riley', '0000', `127.0.1.${i}`)).status).toBe(401); // from three addresses
    const locked = await signIn(' riley ', '4826', '127.0.1.9'); // however the name is typed
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(locked.body)).toMatchObject({
      error: 'rate_limited',
      message: expect.stringContaining('wrong PINs for this name'),
    });
    expect((await signIn(DEMO_NAMES.kitchen, DEMO_PINS.kitchen, '127.0.1.9')).status).toBe(200);
    // A name nobody has locks just the same: a lock-out does not tell who works here.
    for (let i = 0; i < 3; i++) await signIn('Nobody Here', '0000', '127.0.2.1');
    expect(JSON.parse((await signIn('Nobody Here', '0000', '127.0.2.2')).body)).toMatchObject({
      error: 'rate_limited',
    });
  });

  test('attempts are limited per client address, and a forged X-Forwarded-For does not make a new client', async () => {
    let last = 0;
    for (let i = 0; i < 8 && last !== 429; i++)
      last = (await signIn(`Guess ${i}`, '0000', '127.0.3.1', { 'X-Forwarded-For': `10.9.0.${i}` })).status;
    expect(last).toBe(429);
    const blocked = await signIn(DEMO_NAMES.kitchen, DEMO_PINS.kitchen, '127.0.3.1', { 'X-Forwarded-For': '10.9.9.9' });
    expect(blocked.status).toBe(429);
    expect(JSON.parse(blocked.body)).toMatchObject({ error: 'rate_limited' });
    expect((await signIn(DEMO_NAMES.kitchen, DEMO_PINS.kitchen, '127.0.3.2')).status).toBe(200); // another tablet is unaffected
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
    const res = await fetch(`${server.url}/manager/incoming`, {
      redirect: 'manual',
      headers: { Cookie: manager.cookie },
    });
    expect(res.status).toBe(200);
  });

  // Last: it uses up the sign-in budget of every untrusted device.
  test('many addresses still meet the limit across all of them, but a tablet a manager signed in on is not locked out', async () => {
    const managerIn = await signIn(DEMO_NAMES.manager, DEMO_PINS.manager, '127.0.4.1');
    expect(managerIn.status).toBe(200);
    const device = cookieOf(managerIn.headers['set-cookie'], 'kds_device');
    expect(device).toMatch(/^kds_device=[\w-]+\.[\w-]+$/);
    expect(managerIn.headers['set-cookie']?.find((c) => c.startsWith('kds_device='))).toContain('HttpOnly');

    let last = 0;
    for (let i = 0; i < 70 && last !== 429; i++) last = (await signIn(`Guess ${i}`, '0000', `127.0.5.${i}`)).status;
    expect(last).toBe(429);
    expect((await signIn(DEMO_NAMES.kitchen, DEMO_PINS.kitchen, '127.0.6.1')).status).toBe(429); // a new device is refused too
    const tablet = await signIn(DEMO_NAMES.kitchen, DEMO_PINS.kitchen, '127.0.4.1', { Cookie: device! });
    expect(tablet.status).toBe(200);
    const forged = await signIn(DEMO_NAMES.kitchen, DEMO_PINS.kitchen, '127.0.6.2', {
      Cookie: `${device!.slice(0, -3)}xyz`,
    });
    expect(forged.status).toBe(429); // a mark we did not sign trusts nothing
  });
});

describe('idle sessions', () => {
  let quick: TestServer;
  beforeAll(async () => {
    quick = await startServer({ SESSION_IDLE_MINUTES: '0.1' }); // 6 seconds
  });

  test('a session in use stays signed in past the idle time; one left alone for it is signed out', async () => {
    const cook = await signInStaff(quick.url, 'kitchen');
    const idle = await signInStaff(quick.url, 'manager');
    for (let i = 0; i < 5; i++) {
      await letTimePass(2_000, 'the idle timeout (6 s), used every 2 s');
      expect((await cook.send('GET', '/api/tickets')).status, `use ${i + 1}`).toBe(200); // 10 s in all
    }
    expect((await idle.send('GET', '/api/session')).status).toBe(401);
    expect((await cook.send('GET', '/api/session')).status).toBe(200);
  });
});
