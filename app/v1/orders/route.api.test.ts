import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newApiClient, SEED_EXAMPLE_ORDER, signInStaff, type ApiClient } from '@/test/api';
import { startServer, type TestServer } from '@/test/server';

let server: TestServer;
let api: ApiClient;
beforeAll(async () => {
  server = await startServer();
  api = await newApiClient(server.url);
});
afterAll(() => server?.stop());

describe('POST /v1/orders', () => {
  test("answers 201 with the seed's response shape", async () => {
    const res = await api.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      customer_id: 'cus_2048',
      status: 'queued',
      choices: { bread: 'brioche', peanut_butter: 'smooth', jelly: 'grape', extras: ['banana_slices'], toast: 'light', cut: 'halves' },
    });
    expect(body.order_id).toMatch(/^ord_[a-z2-7]{16,}$/);
    expect(Number.isInteger(body.eta_minutes)).toBe(true);
    expect(body.eta_minutes).toBeGreaterThan(0);
  });
});

describe('staff see it', () => {
  test('the new order is on the kitchen board', async () => {
    const { order_id } = await api.createOrder();
    const kitchen = await signInStaff(server.url, 'kitchen');
    expect(await kitchen.ticket(order_id)).toMatchObject({ status: 'queued', version: 1 });
  });
});
