// Security checks (issue #11 §3): the public tracker and pickup board (JSON, streams and pages) show a
// customer's first name at most: never a last name, phone number, email or address, from the API or
// from KitchenHub.
import { beforeAll, describe, expect, test } from 'vitest';
import { hubOrder, HUB_SECRET, postWebhook } from '@/test/kitchenhub';
import { newApiClient, signInStaff, type ApiClient, type StaffClient } from '@/test/api';
import { startServer, type TestServer } from '@/test/server';
import { SseReader } from '@/test/sse';

let server: TestServer;
let api: ApiClient;
let kitchen: StaffClient;
let manager: StaffClient;
beforeAll(async () => {
  server = await startServer({ KITCHENHUB_WEBHOOK_SECRET: HUB_SECRET });
  api = await newApiClient(server.url);
  [kitchen, manager] = await Promise.all([signInStaff(server.url, 'kitchen'), signInStaff(server.url, 'manager')]);
});

const API_CUSTOMER = {
  customer_id: 'cus_robin_hoodwinkle_9931',
  customer_name: 'Robin Hoodwinkle',
  notes: 'Text 555-0199 or robin.h@example.com, 12 Sherwood Close',
};
const HUB_CUSTOMER = {
  name: 'Ariadne Stavropoulos',
  email: 'ariadne.s@example.net',
  phone_number: '3015550123',
  phone_code: '+1',
};
const HUB_ADDRESS = {
  country: 'US',
  street: '77 Secretgarden Lane',
  city: 'Rockville',
  state: 'MD',
  zipcode: '20854',
  unit_number: 'Apt 4B',
  latitude: 39.07294,
  longitude: -77.17325,
};
/** What must never be public, whatever the route: last names, contact details, addresses, ids. */
const PRIVATE = [
  'Hoodwinkle',
  API_CUSTOMER.customer_id,
  '555-0199',
  'robin.h@example.com',
  'Sherwood',
  'Stavropoulos',
  HUB_CUSTOMER.email,
  HUB_CUSTOMER.phone_number,
  'Secretgarden',
  'Apt 4B',
  '39.07294',
  'Donald V',
  '2407930399', // the courier in the KitchenHub sample
];
const expectNothingPrivate = (text: string, where: string) => {
  for (const secret of PRIVATE) expect(text.includes(secret), `${where} shows "${secret}"`).toBe(false);
};

async function hubTicket(): Promise<{ hub: string; order: string }> {
  const hub = `55${Date.now()}`;
  const o = JSON.parse(hubOrder(hub, 'accepted')) as { order: Record<string, unknown> };
  o.order.customer = HUB_CUSTOMER;
  o.order.delivery = { ...(o.order.delivery as Record<string, unknown>), address: HUB_ADDRESS };
  const body = JSON.stringify(o);
  const res = await postWebhook(server.url, body); // with the header we register with KitchenHub
  const result = (await res.json()) as { outcome: string; order_id: string | null };
  expect(result.outcome).toBe('applied');
  expect(result.order_id).toMatch(/^ord_/);
  return { hub, order: result.order_id! };
}

describe('the tracker and the pickup board', () => {
  test('show a first name but no last name, phone, email or address, in JSON, streams and pages', async () => {
    const board = await SseReader.open(`${server.url}/api/board/events`);
    const { order_id: apiOrder } = await api.createOrder({ ...API_CUSTOMER, toast: 'none' });
    const hubTicketIds = await hubTicket();
    const hubOrderId = hubTicketIds.order;
    const streams = [
      board,
      await SseReader.open(`${server.url}/api/track/${apiOrder}/events`),
      await SseReader.open(`${server.url}/api/track/${hubOrderId}/events`),
    ];
    try {
      // The API client and the manager see the full picture, so the data really is there to leak.
      expect(JSON.stringify(await api.json('GET', `/v1/orders/${apiOrder}`))).toContain('Hoodwinkle');
      expect(JSON.stringify(await manager.json('GET', `/api/kitchenhub/orders/${hubTicketIds.hub}`))).toContain(
        'Secretgarden',
      );

      for (const id of [apiOrder, hubOrderId]) await kitchen.advanceTo(id, 'ready');
      const isReady = (id: string) => (e: { event: string; data: unknown }) =>
        e.event === 'order' && JSON.stringify(e.data).includes('"ready"') && JSON.stringify(e.data).includes(id);
      await streams[1]!.next(isReady(apiOrder));
      await streams[2]!.next(isReady(hubOrderId));
      await board.next(
        (e) =>
          e.event === 'order' &&
          JSON.stringify(e.data).includes('Ariadne') &&
          JSON.stringify(e.data).includes('"ready"'),
      );

      const trackApi = await (await fetch(`${server.url}/api/track/${apiOrder}`)).text();
      const trackHub = await (await fetch(`${server.url}/api/track/${hubOrderId}`)).text();
      const boardJson = await (await fetch(`${server.url}/api/board`)).text();
      expect(JSON.parse(trackApi)).toMatchObject({ customer_first_name: 'Robin', status: 'ready' });
      expect(JSON.parse(trackHub)).toMatchObject({ customer_first_name: 'Ariadne', status: 'ready' });
      expect(boardJson).toContain('Robin');
      expect(boardJson).toContain('Ariadne');

      const pages = {
        'tracker page (API order)': await (await fetch(`${server.url}/track/${apiOrder}`)).text(),
        'tracker page (KitchenHub order)': await (await fetch(`${server.url}/track/${hubOrderId}`)).text(),
        'board page': await (await fetch(`${server.url}/board`)).text(),
      };
      expect(pages['tracker page (KitchenHub order)']).toContain('Ariadne');
      const seen = {
        'GET /api/track (API order)': trackApi,
        'GET /api/track (KitchenHub order)': trackHub,
        'GET /api/board': boardJson,
        'board stream': JSON.stringify(streams[0]!.all()),
        'tracker stream (API order)': JSON.stringify(streams[1]!.all()),
        'tracker stream (KitchenHub order)': JSON.stringify(streams[2]!.all()),
        ...pages,
      };
      for (const [where, text] of Object.entries(seen)) expectNothingPrivate(text, where);
    } finally {
      for (const s of streams) s.close();
    }
  });
});
