import { beforeAll, describe, expect, test } from 'vitest';
import { signInStaff, type StaffClient } from '@/test/api';
import { HUB_SECRET, hubOrder, postWebhook } from '@/test/kitchenhub';
import { startServer, type TestServer } from '@/test/server';

let server: TestServer;
let manager: StaffClient;
let kitchen: StaffClient;
let nextId = 7_100_000_000_000_000; // above 2^53: KitchenHub ids that big must stay exact through a replay
const newId = () => String(++nextId);

beforeAll(async () => {
  server = await startServer({ KITCHENHUB_WEBHOOK_SECRET: HUB_SECRET });
  manager = await signInStaff(server.url, 'manager');
  kitchen = await signInStaff(server.url, 'kitchen');
});

type Entry = {
  id: number;
  outcome: string;
  event_type: string | null;
  hub_order_id: string | null;
  hub_status: string | null;
  error: string | null;
  replay_of: number | null;
  can_replay: boolean;
  cannot_replay_reason: string | null;
  received_at: number;
};
const log = async (query = '') =>
  (await manager.json('GET', `/api/kitchenhub/deliveries${query}`)).deliveries as Entry[];
const newest = async () => (await log('?limit=1'))[0]!;
const replay = (id: number | string, as: StaffClient = manager) =>
  as.send('POST', `/api/kitchenhub/deliveries/${id}/replay`);
const tickets = async () =>
  (await kitchen.json('GET', '/api/tickets')).tickets as Array<{ order_id: string; source: string }>;

/** Posts a webhook and returns the delivery it was recorded as. */
async function deliver(body: string, auth: Parameters<typeof postWebhook>[2] = 'registered'): Promise<Entry> {
  await postWebhook(server.url, body, auth);
  return newest();
}

describe('GET /api/kitchenhub/deliveries', () => {
  test('filters by outcome and limit, says which can be replayed, and refuses a bad query with 400', async () => {
    const applied = await deliver(hubOrder(newId(), 'new'));
    const invalid = await deliver('{"order": {');
    const refused = await deliver(hubOrder(newId(), 'new'), { header: 'not-the-secret-0123456789' });
    expect([applied.outcome, invalid.outcome, refused.outcome]).toEqual(['applied', 'invalid', 'unauthorized']);

    const problems = await log('?outcome=invalid,unauthorized');
    expect(problems.map((d) => d.id)).toEqual(expect.arrayContaining([invalid.id, refused.id]));
    expect(problems.every((d) => d.outcome === 'invalid' || d.outcome === 'unauthorized')).toBe(true);
    expect(problems.map((d) => d.id)).not.toContain(applied.id);
    expect(await log('?outcome=applied&limit=1')).toEqual([
      expect.objectContaining({ id: applied.id, outcome: 'applied' }),
    ]);

    expect(applied).toMatchObject({
      can_replay: true,
      cannot_replay_reason: null,
      replay_of: null,
      event_type: 'Order',
      hub_status: 'new',
    });
    expect(invalid).toMatchObject({ can_replay: true, error: expect.stringContaining('not valid JSON') });
    expect(refused).toMatchObject({
      can_replay: false,
      cannot_replay_reason: expect.stringContaining('never stored'),
      hub_order_id: null,
    });

    for (const bad of [
      '?outcome=eaten',
      '?outcome=',
      '?limit=0',
      '?limit=501',
      '?limit=ten',
      '?since=1',
      '?limit=1&limit=2',
    ]) {
      const res = await manager.send('GET', `/api/kitchenhub/deliveries${bad}`);
      expect(res.status, bad).toBe(400);
      expect(await res.json(), bad).toMatchObject({ error: 'invalid_request' });
    }
  });
});

describe('POST /api/kitchenhub/deliveries/{id}/replay', () => {
  test('an invalid delivery replayed is parsed again, stays invalid, and is recorded as a new delivery that names it', async () => {
    const o = JSON.parse(hubOrder(newId(), 'new')) as { order: { items?: unknown } };
    delete o.order.items;
    const invalid = await deliver(JSON.stringify(o));
    expect(invalid).toMatchObject({ outcome: 'invalid', error: expect.stringContaining('items') });

    const res = await replay(invalid.id);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      outcome: 'invalid',
      delivery: { outcome: 'invalid', replay_of: invalid.id, error: invalid.error },
    });
    expect(body.delivery.id).toBeGreaterThan(invalid.id);
    expect(await newest()).toMatchObject({ id: body.delivery.id, outcome: 'invalid', replay_of: invalid.id });
    const original = (await log()).find((d) => d.id === invalid.id);
    expect(original).toEqual(invalid); // the original row is history: unchanged
  });

  test('an applied delivery replayed is a duplicate: no second ticket, the hub order unchanged', async () => {
    const id = newId();
    const applied = await deliver(hubOrder(id, 'accepted'));
    expect(applied.outcome).toBe('applied');
    const before = await tickets();
    const hubBefore = await manager.json('GET', `/api/kitchenhub/orders/${id}`);
    expect(before.filter((t) => t.order_id === hubBefore.hub_order.order_id)).toHaveLength(1);

    const res = await replay(applied.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      outcome: 'duplicate',
      hub_order_id: id,
      order_id: hubBefore.hub_order.order_id,
      delivery: { outcome: 'duplicate', replay_of: applied.id, hub_order_id: id },
    });
    expect((await tickets()).map((t) => t.order_id).sort()).toEqual(before.map((t) => t.order_id).sort());
    expect(await manager.json('GET', `/api/kitchenhub/orders/${id}`)).toEqual(hubBefore);
  });

  test('a replay of a replay points at the delivery it replayed', async () => {
    const first = await deliver(hubOrder(newId(), 'new'));
    const again = (await (await replay(first.id)).json()).delivery as Entry;
    const third = await replay(again.id);
    expect(await third.json()).toMatchObject({ outcome: 'duplicate', delivery: { replay_of: again.id } });
  });

  test('an unauthorized delivery cannot be replayed: 409 saying its body was never stored, nothing recorded', async () => {
    const refused = await deliver(hubOrder(newId(), 'accepted'), { header: 'not-the-secret-0123456789' });
    expect(refused.outcome).toBe('unauthorized');
    const before = await tickets();
    const res = await replay(refused.id);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      error: 'conflict',
      message: expect.stringContaining('never stored'),
      delivery: { id: refused.id },
    });
    expect((await newest()).id).toBe(refused.id);
    expect(await tickets()).toEqual(before);
  });

  test('an unknown id is 404 and a malformed one 400, in the error shape, never a 5xx', async () => {
    const last = await newest();
    const unknown = await replay(last.id + 1000);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'not_found' });
    for (const bad of ['abc', '0', '-1', '1.5', '1e3', '007', '99999999999999999999', '%20']) {
      const res = await replay(bad);
      expect(res.status, bad).toBe(400);
      expect(await res.json(), bad).toMatchObject({ error: 'invalid_request' });
    }
    expect((await newest()).id).toBe(last.id);
  });

  test('kitchen staff get 403 and no session 401, for the log and the replay, and nothing is replayed', async () => {
    const applied = await deliver(hubOrder(newId(), 'new'));
    expect((await replay(applied.id, kitchen)).status).toBe(403);
    expect((await kitchen.send('GET', '/api/kitchenhub/deliveries')).status).toBe(403);
    const anonymous = await fetch(`${server.url}/api/kitchenhub/deliveries/${applied.id}/replay`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: 'unauthorized' });
    expect((await fetch(`${server.url}/api/kitchenhub/deliveries`)).status).toBe(401);
    expect((await newest()).id).toBe(applied.id);
  });
});
