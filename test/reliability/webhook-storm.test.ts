// Webhook storms: every KitchenHub sample and generated orders in every status story, each delivery
// sent three times, shuffled, 10 at a time, with older updates arriving after newer ones. Forward-only
// ingestion must leave exactly one ticket per accepted KitchenHub order, in its newest status, and the
// deliveries log must show every delivery.
import { beforeAll, describe, expect, test } from 'vitest';
import { signInStaff, type StaffClient } from '@/test/api';
import {
  HUB_SECRET,
  hubOrder,
  ORDER_EXAMPLE_TEXT,
  orderExample,
  postWebhook,
  WEBHOOK_CREATED_TEXT,
} from '@/test/kitchenhub';
import { startServer, type TestServer } from '@/test/server';
import { pool, rows, seededRandom, shuffle, size } from './harness';

let server: TestServer;
let manager: StaffClient;
let kitchen: StaffClient;
beforeAll(async () => {
  // No sandbox: it would answer our 'complete' calls with webhooks of its own.
  server = await startServer({
    KITCHENHUB_WEBHOOK_SECRET: HUB_SECRET,
    RATE_LIMIT_PER_MINUTE: '1000000',
    KITCHENHUB_SANDBOX: 'false',
  });
  manager = await signInStaff(server.url, 'manager');
  kitchen = await signInStaff(server.url, 'kitchen');
});

/** What happens to one KitchenHub order, and what must be true once every delivery is in. */
type Story = { name: string; statuses: string[]; kitchenReady?: boolean; ticket: string | null; state: string };
const STORIES: Story[] = [
  { name: 'still new', statuses: ['new'], ticket: null, state: 'pending' },
  { name: 'accepted', statuses: ['new', 'accepted'], ticket: 'queued', state: 'accepted' },
  { name: 'accepted in the provider app', statuses: ['accepted'], ticket: 'queued', state: 'accepted' },
  { name: 'completed', statuses: ['new', 'accepted', 'completed'], ticket: 'delivered', state: 'completed' },
  {
    name: 'completed once ready',
    statuses: ['new', 'accepted', 'completed'],
    kitchenReady: true,
    ticket: 'ready',
    state: 'completed',
  },
  { name: 'canceled', statuses: ['new', 'accepted', 'canceled'], ticket: 'canceled', state: 'canceled' },
  {
    name: 'cancelled once ready',
    statuses: ['new', 'accepted', 'cancelled'],
    kitchenReady: true,
    ticket: 'canceled',
    state: 'canceled',
  },
  { name: 'cancelled before accepting', statuses: ['new', 'cancelled'], ticket: null, state: 'canceled' },
];
const ROUNDS = size(1, 4); // each round: one KitchenHub order per story
const COPIES = 3;
const FIXTURE_ID = String((orderExample().order as { id: unknown }).id);
const early = (s: string) => s === 'new' || s === 'accepted';

type Delivery = { hubId: string; body: string };
type HubView = { hub_order_id: string; order_id: string | null; state: string; hub_status: string };

async function storm(deliveries: Delivery[], random: () => number): Promise<number[]> {
  const order = shuffle(deliveries, random);
  const answers = await pool(
    10,
    order.map((d) => async () => {
      const res = await postWebhook(server.url, d.body); // with our registered secret header, as KitchenHub sends it
      await res.body?.cancel();
      return res.status;
    }),
  );
  return answers.map((a) => (a.status === 'fulfilled' ? a.value : -1));
}

describe('webhook storms', () => {
  test('every delivery three times, shuffled, 10 at a time, older after newer: one ticket per order, in its newest status', async () => {
    const seed = Date.now();
    const random = seededRandom(seed);
    let nextId = 9_007_199_254_740_993n; // beyond 2^53: kept exact
    const orders = Array.from({ length: ROUNDS }, () => STORIES)
      .flat()
      .map((story) => ({ story, hubId: String(nextId++) }));
    console.log(`webhook storm: seed ${seed}, ${orders.length} generated orders + the samples`);

    // Phase 1: new and accepted updates (and the sample's new order), so tickets exist for the kitchen.
    const phase1: Delivery[] = [];
    for (const { story, hubId } of orders) {
      for (const s of story.statuses.filter(early))
        for (let c = 0; c < COPIES; c++) phase1.push({ hubId, body: hubOrder(hubId, s, { type: 'pickup' }) });
    }
    for (let c = 0; c < COPIES; c++) phase1.push({ hubId: FIXTURE_ID, body: WEBHOOK_CREATED_TEXT });
    expect(new Set(await storm(phase1, random))).toEqual(new Set([200]));

    // The kitchen moves some tickets to ready before KitchenHub's last word arrives.
    const hubView = async (id: string) =>
      (await manager.json('GET', `/api/kitchenhub/orders/${id}`)).hub_order as HubView;
    for (const { hubId } of orders.filter((o) => o.story.kitchenReady)) {
      const { order_id } = await hubView(hubId);
      expect(order_id).not.toBeNull();
      await kitchen.advanceTo(order_id!, 'ready');
    }

    // Phase 2: every update of every order again (the early ones are byte-identical duplicates),
    // the sample's completed order, then older updates (new bytes) arriving after the newest.
    const phase2: Delivery[] = [];
    for (const { story, hubId } of orders) {
      for (const s of story.statuses)
        for (let c = 0; c < COPIES; c++) phase2.push({ hubId, body: hubOrder(hubId, s, { type: 'pickup' }) });
    }
    for (let c = 0; c < COPIES; c++) phase2.push({ hubId: FIXTURE_ID, body: ORDER_EXAMPLE_TEXT });
    expect(new Set(await storm(phase2, random))).toEqual(new Set([200]));
    const late: Delivery[] = [];
    for (const { story, hubId } of orders) {
      for (const s of story.statuses.slice(0, -1))
        late.push({ hubId, body: hubOrder(hubId, s, { type: 'pickup', notes: 'a late echo' }) });
    }
    late.push({ hubId: FIXTURE_ID, body: WEBHOOK_CREATED_TEXT.replace('"new"', '"accepted"') });
    expect(new Set(await storm(late, random))).toEqual(new Set([200]));

    // Exactly one ticket per order that was accepted, in the status its newest update means.
    const ticketStatus = async (orderId: string) => (await kitchen.ticket(orderId)).status;
    for (const { story, hubId } of orders) {
      const view = await hubView(hubId);
      const newest = story.statuses.at(-1)!.replace('cancelled', 'canceled');
      expect({ story: story.name, hub_status: view.hub_status, state: view.state }).toEqual({
        story: story.name,
        hub_status: newest,
        state: story.state,
      });
      if (story.ticket === null) expect(view.order_id, story.name).toBeNull();
      else
        expect({ story: story.name, status: await ticketStatus(view.order_id!) }).toEqual({
          story: story.name,
          status: story.ticket,
        });
    }
    const sample = await hubView(FIXTURE_ID);
    expect(sample).toMatchObject({ hub_status: 'completed', state: 'completed', order_id: null }); // never accepted here
    const expectedTickets = orders.filter((o) => o.story.ticket !== null).length;
    expect((await rows<{ n: number }>("select count(*) n from orders where source = 'kitchenhub'"))[0]!.n).toBe(
      expectedTickets,
    );
    expect((await rows<{ n: number }>('select count(*) n from hub_orders'))[0]!.n).toBe(orders.length + 1);

    // The deliveries log shows every one of them, none refused.
    const sent = [...phase1, ...phase2, ...late];
    expect(sent.length).toBeLessThanOrEqual(500); // the log's page size
    const log = (await manager.json('GET', '/api/kitchenhub/deliveries?limit=500')).deliveries as Array<{
      hub_order_id: string | null;
      outcome: string;
      source: string;
    }>;
    expect(log).toHaveLength(sent.length);
    expect(log.filter((d) => !['applied', 'duplicate', 'stale'].includes(d.outcome))).toEqual([]);
    expect(log.filter((d) => d.source !== 'webhook')).toEqual([]); // every one came as a webhook (no poll, replay or re-read)
    const countBy = (xs: Array<string | null>) =>
      xs.reduce<Record<string, number>>((m, k) => ({ ...m, [String(k)]: (m[String(k)] ?? 0) + 1 }), {});
    expect(countBy(log.map((d) => d.hub_order_id))).toEqual(countBy(sent.map((d) => d.hubId)));
    console.log(
      `webhook storm: ${sent.length} deliveries; outcomes ${JSON.stringify(countBy(log.map((d) => d.outcome)))}`,
    );
  }, 180_000);
});
