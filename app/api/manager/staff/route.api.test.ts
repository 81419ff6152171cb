// Staff from the manager console, proven by signing in through the real /api/session.
import { beforeAll, describe, expect, test } from 'vitest';
import { signInStaff, StaffClient } from '@/test/api';
import { startServer, type TestServer } from '@/test/server';

let server: TestServer;
let manager: StaffClient;
beforeAll(async () => {
  server = await startServer({ LOGIN_ATTEMPTS_PER_15_MIN: '200' });
  manager = await signInStaff(server.url, 'manager');
});

const signIn = (name: string, pin: string) =>
  fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, pin }),
  });
async function sessionFor(name: string, pin: string): Promise<StaffClient> {
  const res = await signIn(name, pin);
  expect(res.status).toBe(200);
  return new StaffClient(server.url, res.headers.get('set-cookie')?.split(';')[0] ?? '');
}
const add = (body: unknown) => manager.send('POST', '/api/manager/staff', body);
const change = (id: string, body: unknown, who: StaffClient = manager) =>
  who.send('PUT', `/api/manager/staff/${id}`, body);

describe('staff', () => {
  test('a new member signs in with their PIN; once deactivated their session stops working and the PIN is refused', async () => {
    const res = await add({ name: 'Robin', role: 'kitchen', pin: '4321' });
    expect(res.status).toBe(201);
    const { member } = await res.json();
    expect(member).toMatchObject({ name: 'Robin', role: 'kitchen', active: true });
    expect(JSON.stringify(member)).not.toMatch(/pin/i);

    const robin = await sessionFor('Robin', '4321');
    expect(await robin.json('GET', '/api/session')).toMatchObject({ staff: { name: 'Robin', role: 'kitchen' } });
    expect((await robin.send('GET', '/api/tickets')).status).toBe(200);
    expect((await robin.send('GET', '/api/manager/staff')).status).toBe(403); // kitchen role

    expect((await (await change(member.id, { active: false })).json()).member).toMatchObject({ active: false });
    expect((await robin.send('GET', '/api/tickets')).status).toBe(401);
    expect((await signIn('Robin', '4321')).status).toBe(401);
    const team = await manager.json('GET', '/api/manager/staff');
    expect(team.staff.at(-1)).toMatchObject({ name: 'Robin', active: false }); // deactivated members are listed last
  });

  test("PINs are unique among active staff; a deactivated member's PIN is free again", async () => {
    const clash = await add({ name: 'Copycat', role: 'kitchen', pin: '1111' }); // Casey's
    expect(clash.status).toBe(409);
    expect(await clash.json()).toMatchObject({ error: 'conflict', field: 'pin' });
    const { member } = await (await add({ name: 'Sam', role: 'kitchen', pin: '5555' })).json();
    await change(member.id, { active: false });
    expect((await add({ name: 'Sasha', role: 'kitchen', pin: '5555' })).status).toBe(201);
    expect(await (await sessionFor('Sasha', '5555')).json('GET', '/api/session')).toMatchObject({
      staff: { name: 'Sasha' },
    });
  });

  test('a changed PIN signs in and the old one does not; bringing someone back needs a new PIN', async () => {
    const { member } = await (await add({ name: 'Quinn', role: 'kitchen', pin: '7070' })).json();
    expect((await change(member.id, { pin: '9999' })).status).toBe(409); // Morgan's
    expect((await change(member.id, { pin: '7171' })).status).toBe(200);
    expect((await signIn('Quinn', '7070')).status).toBe(401);
    await sessionFor('Quinn', '7171');

    await change(member.id, { active: false });
    const noPin = await change(member.id, { active: true });
    expect(noPin.status).toBe(400);
    expect(await noPin.json()).toMatchObject({ error: 'invalid_request', field: 'pin' });
    expect((await change(member.id, { active: true, pin: '7272' })).status).toBe(200);
    expect(await (await sessionFor('Quinn', '7272')).json('GET', '/api/session')).toMatchObject({
      staff: { name: 'Quinn' },
    });
  });

  test('the last active manager can be neither demoted nor deactivated; with a second manager they can', async () => {
    for (const body of [{ role: 'kitchen' }, { active: false }]) {
      const res = await change('stf_manager', body);
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({
        error: 'conflict',
        message: expect.stringContaining('last active manager'),
      });
    }
    expect((await manager.json('GET', '/api/session')).staff).toMatchObject({ role: 'manager' });

    const { member: alex } = await (await add({ name: 'Alex', role: 'manager', pin: '314159' })).json();
    const alexSession = await sessionFor('Alex', '314159');
    expect((await change('stf_manager', { role: 'kitchen' }, alexSession)).status).toBe(200);
    expect((await manager.send('GET', '/api/manager/staff')).status).toBe(403); // Morgan's session now has the kitchen role
    // Alex is now the only manager: refusing their own demotion too.
    expect((await change(alex.id, { active: false }, alexSession)).status).toBe(409);
    expect((await change('stf_manager', { role: 'manager' }, alexSession)).status).toBe(200);
    expect((await manager.send('GET', '/api/manager/staff')).status).toBe(200);
  });

  test.each([
    [{ name: 'Pat', role: 'kitchen', pin: '12' }, 'pin'],
    [{ name: 'Pat', role: 'kitchen', pin: '12345678901' }, 'pin'],
    [{ name: 'Pat', role: 'kitchen', pin: 'abcd' }, 'pin'],
    [{ name: 'Pat', role: 'chef', pin: '2580' }, 'role'],
    [{ name: 'Pat', role: 'manager', pin: '25802' }, 'pin'], // a manager's PIN is at least 6 digits (lib/auth/pins.ts)
    [{ name: '', role: 'kitchen', pin: '2580' }, 'name'],
    [{ name: 'Pat', role: 'kitchen', pin: '2580', active: false }, 'active'],
  ])('POST %j is 400 naming %s', async (body, field) => {
    const res = await add(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', field });
  });

  test('a change with nothing in it is 400; an unknown member is 404', async () => {
    const empty = await change('stf_kitchen', {});
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: 'invalid_request' });
    expect((await change('stf_nobody', { name: 'X' })).status).toBe(404);
  });

  test('a manager signs someone out on every device at once; their PIN still works', async () => {
    const { member } = await (await add({ name: 'Devon', role: 'kitchen', pin: '6061' })).json();
    const tablet = await sessionFor('Devon', '6061');
    const phone = await sessionFor('devon ', '6061'); // the name as typed: case and spaces do not matter
    const casey = await signInStaff(server.url, 'kitchen');
    const out = await manager.send('DELETE', `/api/manager/staff/${member.id}/sessions`);
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ ended: 2 });
    for (const device of [tablet, phone]) expect((await device.send('GET', '/api/tickets')).status).toBe(401);
    expect((await casey.send('GET', '/api/tickets')).status).toBe(200); // only Devon's sessions end
    await sessionFor('Devon', '6061');
    expect((await manager.send('DELETE', '/api/manager/staff/stf_nobody/sessions')).status).toBe(404);
    expect((await casey.send('DELETE', `/api/manager/staff/${member.id}/sessions`)).status).toBe(403);
  });
});
