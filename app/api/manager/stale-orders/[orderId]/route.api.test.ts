// Orders left open past an earlier day's close: flagged on the kitchen screen, listed for a manager,
// resolved by a manager (handed off or voided) and only then gone.
import { beforeAll, describe, expect, test } from 'vitest';
import { newApiClient, signInStaff, type ApiClient, type StaffClient } from '@/test/api';
import { leaveOvernight } from '@/test/db';
import { startServer, type TestServer } from '@/test/server';

let server: TestServer;
let api: ApiClient;
let kitchen: StaffClient;
let manager: StaffClient;

beforeAll(async () => {
  server = await startServer({ KITCHENHUB_SANDBOX: 'false', STORE_TIMEZONE: 'UTC' });
  api = await newApiClient(server.url);
  kitchen = await signInStaff(server.url, 'kitchen');
  manager = await signInStaff(server.url, 'manager');
});

type Stale = { order_id: string; version: number; business_date: string; status: string };
const staleList = async (): Promise<Stale[]> => (await manager.json('GET', '/api/manager/store')).stale_orders;

describe('orders left open past the close', () => {
  test('are listed for a manager and flagged on the kitchen board until resolved; then they leave', async () => {
    const old = await api.createOrder({ customer_name: 'Olive Overnight' });
    const fresh = await api.createOrder({ customer_name: 'Fresh Fern' });
    await kitchen.advanceTo(old.order_id, 'toasting');
    const yesterday = await leaveOvernight(old.order_id);

    const board = await kitchen.json('GET', '/api/tickets');
    const ticket = board.tickets.find((t: { order_id: string }) => t.order_id === old.order_id);
    expect(ticket.business_date).toBe(yesterday);
    expect(ticket.business_date < board.business_date).toBe(true);

    const stale = await staleList();
    expect(stale.map((s) => s.order_id)).toEqual([old.order_id]);
    expect(stale[0]).toMatchObject({ status: 'toasting', business_date: yesterday });

    // Today's order is the kitchen's, not a manager's to resolve.
    const notStale = await manager.send('POST', `/api/manager/stale-orders/${fresh.order_id}`, {
      version: 1,
      outcome: 'delivered',
    });
    expect(notStale.status).toBe(409);
    // A stale version is refused like any tap.
    expect(
      (await manager.send('POST', `/api/manager/stale-orders/${old.order_id}`, { version: 1, outcome: 'delivered' }))
        .status,
    ).toBe(409);

    const resolved = await manager.json('POST', `/api/manager/stale-orders/${old.order_id}`, {
      version: stale[0]!.version,
      outcome: 'delivered',
    });
    expect(resolved.ticket).toMatchObject({ status: 'delivered' });
    expect(await staleList()).toEqual([]);
    expect((await api.json('GET', `/v1/orders/${old.order_id}`)).status).toBe('delivered');
  });

  test('voiding cancels for the kitchen, even past the cancel window', async () => {
    const old = await api.createOrder({ customer_name: 'Vera Void' });
    await kitchen.advanceTo(old.order_id, 'ready');
    await leaveOvernight(old.order_id);
    const [stale] = await staleList();
    const voided = await manager.json('POST', `/api/manager/stale-orders/${old.order_id}`, {
      version: stale!.version,
      outcome: 'canceled',
    });
    expect(voided.ticket).toMatchObject({ status: 'canceled', canceled_by: 'kitchen', attention: null });
  });

  test('bad input is 400, unknown orders 404, kitchen staff 403', async () => {
    const old = await api.createOrder({ customer_name: 'Bad Input' });
    await leaveOvernight(old.order_id);
    for (const body of [
      {},
      { version: 1 },
      { version: 1, outcome: 'eaten' },
      { version: 0, outcome: 'delivered' },
      { version: 1, outcome: 'delivered', extra: true },
    ]) {
      expect(
        (await manager.send('POST', `/api/manager/stale-orders/${old.order_id}`, body)).status,
        JSON.stringify(body),
      ).toBe(400);
    }
    expect(
      (await manager.send('POST', '/api/manager/stale-orders/ord_nope', { version: 1, outcome: 'delivered' })).status,
    ).toBe(404);
    expect(
      (await kitchen.send('POST', `/api/manager/stale-orders/${old.order_id}`, { version: 1, outcome: 'delivered' }))
        .status,
    ).toBe(403);
    expect((await staleList()).map((s) => s.order_id)).toContain(old.order_id);
  });
});
