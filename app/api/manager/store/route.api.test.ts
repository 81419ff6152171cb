// Manager-only access for every /api/manager endpoint, and the store controls over real HTTP.
import { beforeAll, describe, expect, test } from 'vitest';
import { newApiClient, signInStaff, type ApiClient, type StaffClient } from '@/test/api';
import { startServer, type TestServer } from '@/test/server';

let server: TestServer;
let manager: StaffClient;
let kitchen: StaffClient;
let api: ApiClient;
beforeAll(async () => {
  server = await startServer();
  [manager, kitchen] = await Promise.all([signInStaff(server.url, 'manager'), signInStaff(server.url, 'kitchen')]);
  api = await newApiClient(server.url);
});

/** Every manager endpoint with a body that would be valid, so only the session decides the answer. */
const ENDPOINTS: Array<[method: string, path: string, body?: unknown]> = [
  ['GET', '/api/manager/keys'],
  ['POST', '/api/manager/keys', { name: 'Sneaky', mode: 'live' }],
  ['DELETE', '/api/manager/keys/key_demo'],
  ['GET', '/api/manager/staff'],
  ['POST', '/api/manager/staff', { name: 'Mallory', role: 'manager', pin: '24680' }],
  ['PUT', '/api/manager/staff/stf_manager', { role: 'kitchen' }],
  ['GET', '/api/manager/store'],
  ['PUT', '/api/manager/store/kitchen', { prepMinutes: 1, toastMinutes: 1, prepStations: 9, toasterSlots: 9 }],
  ['PUT', '/api/manager/store/aging', { warningMinutes: 50, lateMinutes: 90 }],
  ['GET', '/api/manager/numbers'],
  ['GET', '/api/manager/numbers/csv'],
];

describe('manager-only endpoints', () => {
  test.each(ENDPOINTS)(
    '%s %s: no session is 401, a kitchen session is 403, both in the error shape',
    async (method, path, body) => {
      const anonymous = await fetch(`${server.url}${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ error: 'unauthorized', message: expect.any(String) });
      const cook = await kitchen.send(method, path, body);
      expect(cook.status).toBe(403);
      expect(await cook.json()).toMatchObject({ error: 'forbidden', message: expect.any(String) });
    },
  );

  test('the refused calls changed nothing: the demo key works, the manager is still one, the settings are the defaults', async () => {
    expect((await api.send('GET', '/v1/orders')).status).toBe(200);
    const demoKey = await fetch(`${server.url}/v1/orders`, { headers: { 'X-API-Key': 'pbj_test_8dd1f2' } });
    expect(demoKey.status).toBe(200);
    const team = await manager.json('GET', '/api/manager/staff');
    expect(team.staff.map((m: { name: string }) => m.name)).toEqual(['Casey', 'Morgan']);
    expect(team.staff.find((m: { id: string }) => m.id === 'stf_manager')).toMatchObject({
      role: 'manager',
      active: true,
    });
    expect(await manager.json('GET', '/api/manager/store')).toEqual({
      paused: false,
      kitchen: { prepMinutes: 3, toastMinutes: 2, prepStations: 2, toasterSlots: 2 },
      aging: { warningMinutes: 5, lateMinutes: 8 },
      alerts: { volume: 0.6, repeatSeconds: 10, escalate: true, escalateAfterSeconds: 30 },
      stale_orders: [],
    });
  });
});

describe('store controls', () => {
  test('kitchen capacity feeds the ETA of orders already placed', async () => {
    const orders = [];
    for (let i = 0; i < 4; i++) orders.push(await api.createOrder({ toast: 'none' }));
    const last = orders.at(-1)!.order_id;
    const before = (await api.json('GET', `/v1/orders/${last}`)).eta_minutes;
    const saved = await manager.json('PUT', '/api/manager/store/kitchen', {
      prepMinutes: 10,
      toastMinutes: 2,
      prepStations: 1,
      toasterSlots: 2,
    });
    expect(saved.kitchen).toEqual({ prepMinutes: 10, toastMinutes: 2, prepStations: 1, toasterSlots: 2 });
    const slower = (await api.json('GET', `/v1/orders/${last}`)).eta_minutes;
    expect(slower).toBeGreaterThan(before);
    await manager.json('PUT', '/api/manager/store/kitchen', {
      prepMinutes: 1,
      toastMinutes: 2,
      prepStations: 8,
      toasterSlots: 2,
    });
    expect((await api.json('GET', `/v1/orders/${last}`)).eta_minutes).toBeLessThan(slower);
  });

  test('alert settings reach the kitchen board', async () => {
    await manager.json('PUT', '/api/manager/store/alerts', {
      volume: 0.8,
      repeatSeconds: 5,
      escalate: false,
      escalateAfterSeconds: 60,
    });
    expect((await kitchen.json('GET', '/api/tickets')).alerts).toEqual({
      volume: 0.8,
      repeatSeconds: 5,
      escalate: false,
      escalateAfterSeconds: 60,
    });
  });

  test('aging thresholds reach the kitchen board', async () => {
    await manager.json('PUT', '/api/manager/store/aging', { warningMinutes: 6, lateMinutes: 11 });
    expect((await kitchen.json('GET', '/api/tickets')).aging).toEqual({ warningMinutes: 6, lateMinutes: 11 });
  });

  test.each([
    ['kitchen', { prepMinutes: 3, toastMinutes: 2, prepStations: 0, toasterSlots: 2 }, 'prepStations'],
    ['kitchen', { prepMinutes: 3, toastMinutes: 2, prepStations: 2.5, toasterSlots: 2 }, 'prepStations'],
    ['kitchen', { prepMinutes: 3, toastMinutes: 2, prepStations: 2 }, 'toasterSlots'],
    ['kitchen', { prepMinutes: '3', toastMinutes: 2, prepStations: 2, toasterSlots: 2 }, 'prepMinutes'],
    ['kitchen', { prepMinutes: 3, toastMinutes: 2, prepStations: 2, toasterSlots: 2, ovens: 1 }, 'ovens'],
    ['aging', { warningMinutes: 9, lateMinutes: 9 }, 'lateMinutes'],
    ['aging', { warningMinutes: 0, lateMinutes: 9 }, 'warningMinutes'],
    ['alerts', { volume: 2, repeatSeconds: 10, escalate: true, escalateAfterSeconds: 30 }, 'volume'],
    ['alerts', { volume: 0.5, repeatSeconds: 1, escalate: true, escalateAfterSeconds: 30 }, 'repeatSeconds'],
    ['alerts', { volume: 0.5, repeatSeconds: 10, escalate: 'yes', escalateAfterSeconds: 30 }, 'escalate'],
  ])('PUT %s %j is 400 naming %s and stores nothing', async (setting, body, field) => {
    const before = await manager.json('GET', '/api/manager/store');
    const res = await manager.send('PUT', `/api/manager/store/${setting}`, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', field });
    expect(await manager.json('GET', '/api/manager/store')).toEqual(before);
  });

  test('an unknown setting is 404; a body that is not JSON is 415', async () => {
    expect((await manager.send('PUT', '/api/manager/store/secrets', { a: 1 })).status).toBe(404);
    const res = await fetch(`${server.url}/api/manager/store/aging`, {
      method: 'PUT',
      headers: { Cookie: manager.cookie, 'Content-Type': 'text/plain' },
      body: 'late=9',
    });
    expect(res.status).toBe(415);
  });

  test('pausing through /api/store shows in the store controls and makes the API answer 503', async () => {
    await manager.json('PUT', '/api/store', { paused: true });
    try {
      expect((await manager.json('GET', '/api/manager/store')).paused).toBe(true);
      const res = await api.send('POST', '/v1/orders', {
        customer_id: 'c',
        bread: 'white',
        peanut_butter: 'smooth',
        jelly: 'grape',
      });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: 'store_paused' });
    } finally {
      await manager.json('PUT', '/api/store', { paused: false });
    }
    expect(
      (
        await api.send('POST', '/v1/orders', {
          customer_id: 'c',
          bread: 'white',
          peanut_butter: 'smooth',
          jelly: 'grape',
        })
      ).status,
    ).toBe(201);
  });
});
