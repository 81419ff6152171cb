// One schema per shape (issue 21, item 3) for the manager console's KitchenHub sections: the console
// parses with the very schemas lib/kitchenhub/views.ts defines, and each server view, built from real
// rows in this file's database, sends exactly its schema's fields and parses. A field written apart
// again, on either side, fails here (and, for the server's types, in tsc).
import { beforeAll, describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { hubOrder } from '@/test/kitchenhub';
import { schemaFields, sorted, valueFields } from '@/test/schema-fields';
import * as client from '../client/kitchenhub';
import { hubPauseSchema, pauseSchema } from '../manager/views';
import { getSetting, setSetting } from '../settings';
import { listAccounts, setAccountsOnline } from './accounts';
import { toCaps } from './capabilities';
import type { HubProviderInfo } from './client';
import { hubConfig, hubSettingsView } from './config';
import { connectKitchenHub } from './connect';
import { processDelivery } from './ingest';
import { acceptHubOrder, incomingHubOrders, rejectHubOrder, requireHubOrder, toHubOrderView } from './manager';
import { listHubCalls } from './outbox';
import { pollView } from './poll-view';
import { reconcile } from './reconcile';
import * as views from './views';

// No API configured and no demo sandbox: nothing below leaves this process.
beforeAll(() => setSetting('demo', false));

/** The dotted paths of a value's fields that are null. */
function nullFields(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([name, v]) =>
    v === null ? [`${prefix}${name}`] : nullFields(v, `${prefix}${name}.`),
  );
}

/**
 * Sends exactly the schema's fields (nested objects included; arrays are checked by their own rows) and
 * parses. A call's payload is a record (the body of KitchenHub's status call): no fixed fields inside.
 */
function expectExactly(what: string, schema: z.core.$ZodType, view: unknown) {
  // A nullable object sent as null has no fields to compare (the test below fills them in).
  const empty = ['payload', ...nullFields(view)];
  const fixed = (fields: string[]) => sorted(fields.filter((f) => !empty.some((e) => f.startsWith(`${e}.`))));
  expect(fixed(valueFields(view)), what).toEqual(fixed(schemaFields(schema)));
  expect(() => z.parse(schema, view), what).not.toThrow();
}

/** A KitchenHub order, new, through the webhook's ingestion: a pending row in hub_orders. */
async function pendingHubOrder(id: number): Promise<string> {
  const done = await processDelivery({ body: hubOrder(id, 'new'), headers: {} });
  expect(done.outcome).toBe('applied');
  return done.hubOrderId!;
}

describe('the KitchenHub console parses with the server’s own schemas', () => {
  test('every schema lib/client/kitchenhub exports is the very object lib/kitchenhub/views defines', () => {
    const exported = Object.entries(client);
    expect(exported.length).toBeGreaterThanOrEqual(10);
    for (const [name, schema] of exported)
      expect(
        (views as Record<string, unknown>)[name] === schema,
        `${name} is defined in lib/client instead of lib/kitchenhub/views`,
      ).toBe(true);
  });

  test('the store’s pause (PUT /api/store) carries what lib/kitchenhub/accounts sends', async () => {
    expect(pauseSchema.shape.kitchenhub._zod.def.innerType._zod.def.innerType).toBe(hubPauseSchema);
    expectExactly('pause (not connected)', hubPauseSchema, await setAccountsOnline(false, 600));
  });
});

describe('each KitchenHub view sends exactly its schema’s fields', () => {
  test('Incoming: a pending order, a decided one, the lists', async () => {
    const pending = await pendingHubOrder(910_001);
    const accepted = await pendingHubOrder(910_002);
    const rejected = await pendingHubOrder(910_003);
    await acceptHubOrder({ hubOrderId: accepted, prepTimeMinutes: 12, actor: 'staff:test' });
    await rejectHubOrder({ hubOrderId: rejected, reason: 'Out of bread', actor: 'staff:test' });

    const incoming = await incomingHubOrders();
    expectExactly('incoming', views.incomingSchema, incoming);
    const [first] = incoming.pending;
    expect(first?.hub_order_id).toBe(pending);
    expectExactly('pending order', views.pendingHubOrderSchema, first);
    for (const id of [accepted, rejected])
      expectExactly(`decided order ${id}`, views.hubOrderViewSchema, toHubOrderView(await requireHubOrder(id)));
    expect(toHubOrderView(await requireHubOrder(rejected)).reject_reason).toBe('Out of bread');

    const calls = await listHubCalls();
    expect(calls.map((c) => c.action).sort()).toEqual(['accept', 'reject']);
    for (const call of calls) expectExactly(`call ${call.action}`, views.hubCallSchema, call);
    expect(() => z.parse(views.hubCallsSchema, { calls })).not.toThrow();
  });

  test('the connection before it is configured: settings, poll, Connect, Check now, the accounts', async () => {
    expect((await hubConfig()).api).toBeNull();
    expectExactly('settings', views.hubSettingsSchema, await hubSettingsView('https://pbj.example'));
    expectExactly('poll', views.pollViewSchema, await pollView());
    expectExactly('connect', views.connectResultSchema, await connectKitchenHub());
    expectExactly('check now', views.pollResultSchema, await reconcile());
    expectExactly('accounts', views.accountsSchema, await listAccounts());
  });

  test('the settings of a configured connection with a problem (every nested object filled in)', async () => {
    const saved = { apiUrl: 'https://hub.invalid', clientId: 'id', clientSecret: 'secret-1234' };
    await setSetting('kitchenhub', { ...(await getSetting('kitchenhub')), ...saved });
    const problem = { kind: 'credentials' as const, status: 401, message: 'Refused', at: Date.now() };
    await setSetting('kitchenhub_problem', problem);
    const view = await hubSettingsView('https://pbj.example');
    expect(view.calls_go_to).not.toBeNull();
    expect(view.problem).not.toBeNull();
    expectExactly('settings', views.hubSettingsSchema, view);
  });

  test('a provider’s capabilities', () => {
    const info = { provider_id: 'grubhub', provider_name: 'Grubhub' } as HubProviderInfo;
    expectExactly('provider caps', views.providerCapsSchema, toCaps(info));
  });
});
