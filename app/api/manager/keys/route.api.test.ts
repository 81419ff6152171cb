// API keys from the manager console, proven against the real /v1 API.
import { beforeAll, describe, expect, test } from 'vitest';
import { SEED_EXAMPLE_ORDER, signInStaff, type StaffClient } from '@/test/api';
import { startServer, type TestServer } from '@/test/server';

let server: TestServer;
let manager: StaffClient;
beforeAll(async () => {
  server = await startServer();
  manager = await signInStaff(server.url, 'manager');
});

const withKey = (key: string, method = 'GET', path = '/v1/orders', body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { 'X-API-Key': key, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('API keys', () => {
  test('a new key is shown once, works at once, is listed by prefix only, and is refused with 401 once revoked', async () => {
    const res = await manager.send('POST', '/api/manager/keys', { name: 'Campus app', mode: 'test' });
    expect(res.status).toBe(201);
    const { key, secret } = await res.json();
    expect(secret).toMatch(/^pbj_test_[a-z2-7]{32}$/);
    expect(key).toMatchObject({
      name: 'Campus app',
      client_name: 'Campus app',
      mode: 'test',
      prefix: secret.slice(0, 15),
      last_used_at: null,
      revoked_at: null,
    });

    const placed = await withKey(secret, 'POST', '/v1/orders', SEED_EXAMPLE_ORDER);
    expect(placed.status).toBe(201);
    const order = await placed.json();

    // Its own client: the demo key cannot see the new key's order, and the other way round.
    expect((await withKey('pbj_test_8dd1f2', 'GET', `/v1/orders/${order.order_id}`)).status).toBe(404);
    expect((await (await withKey(secret)).json()).data.map((o: { order_id: string }) => o.order_id)).toEqual([
      order.order_id,
    ]);

    const listed = (await manager.json('GET', '/api/manager/keys')).keys.find((k: { id: string }) => k.id === key.id);
    expect(listed.last_used_at).toEqual(expect.any(Number));
    const listing = JSON.stringify(await manager.json('GET', '/api/manager/keys'));
    expect(listing).not.toContain(secret);
    expect(listing).not.toMatch(/key_hash|keyHash/);

    const revoked = await manager.json('DELETE', `/api/manager/keys/${key.id}`);
    expect(revoked.key.revoked_at).toEqual(expect.any(Number));
    const refused = await withKey(secret);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'unauthorized', message: expect.stringMatching(/revoked/) });
    expect((await withKey(secret, 'GET', `/v1/orders/${order.order_id}`)).status).toBe(401);
    // the rest of the API is untouched
    expect((await withKey('pbj_test_8dd1f2')).status).toBe(200);
  });

  test('live keys look like pbj_live_…; revoking twice keeps the first revocation; an unknown key is 404', async () => {
    const { key, secret } = await manager.json('POST', '/api/manager/keys', { name: 'Kiosk', mode: 'live' });
    expect(secret).toMatch(/^pbj_live_[a-z2-7]{32}$/);
    expect((await withKey(secret)).status).toBe(200);
    const first = await manager.json('DELETE', `/api/manager/keys/${key.id}`);
    const second = await manager.json('DELETE', `/api/manager/keys/${key.id}`);
    expect(second.key.revoked_at).toBe(first.key.revoked_at);
    const unknown = await manager.send('DELETE', '/api/manager/keys/key_nope');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'not_found' });
  });

  test('the list shows live keys first, newest first, with revoked ones after', async () => {
    const { keys } = await manager.json('GET', '/api/manager/keys');
    const revokedAt = keys.map((k: { revoked_at: number | null }) => k.revoked_at !== null);
    expect(revokedAt).toEqual([...revokedAt].sort((a, b) => Number(a) - Number(b)));
    expect(keys.find((k: { id: string }) => k.id === 'key_demo')).toMatchObject({
      name: 'Seed test key',
      prefix: 'pbj_test_8dd',
      mode: 'test',
      revoked_at: null,
    });
  });

  test.each([
    [{ name: 'X', mode: 'prod' }, 'mode'],
    [{ name: '   ', mode: 'test' }, 'name'],
    [{ mode: 'test' }, 'name'],
    [{ name: 'X', mode: 'test', secret: 'mine' }, 'secret'],
  ])('POST %j is 400 naming %s', async (body, field) => {
    const res = await manager.send('POST', '/api/manager/keys', body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', field });
  });
});
