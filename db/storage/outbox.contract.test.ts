// The outbox storage contract, through db/storage: the same file runs on the SQLite file and (with
// TEST_DATABASE_URL) on PostgreSQL, where several instances' workers claim calls at once.
import { beforeEach, describe, expect, test } from 'vitest';
import type { HubOrder } from '../types/kitchenhub';
import type { HubCall } from '../types/outbox';
import { ingestHubOrder } from './kitchenhub';
import { claimDueCall, countStuckCalls, finishCall, getCall, listCalls, nextDueAt, retryCallNow } from './outbox';

const LEASE = 30_000;
/** Far past every call's due time: claims everything still pending. */
const LATER = 4_000_000_000_000;
let n = 0;
const hubId = () => `${90_000_000_000_000_000n + BigInt(++n)}`;

/** A hub order with `calls` queued at `at`, through a delivery (as KitchenHub's webhook does). */
async function hubWithCalls(at: number, calls: HubCall[], over: Partial<HubOrder> = {}): Promise<string> {
  const id = hubId();
  const delivery = {
    receivedAt: at,
    body: `{"id":${id}}`,
    headers: {},
    bodyHash: `h-${id}`,
    eventType: 'Order',
    hubOrderId: id,
    hubStatus: 'new',
  };
  await ingestHubOrder(delivery, () => ({
    outcome: 'applied',
    actor: 'kitchenhub',
    calls,
    hub: {
      hubOrderId: id,
      state: 'pending',
      hubStatus: 'new',
      providerId: 'prv',
      providerName: 'Grubby',
      number: `#${n}`,
      hubDailyNumber: null,
      orderType: 'pickup',
      asap: true,
      customerName: 'Bo',
      notes: null,
      placedAt: at,
      pickupAt: null,
      scheduledFor: null,
      data: { id },
      prepTimeMinutes: null,
      fireAt: null,
      decidedBy: null,
      decidedAt: null,
      rejectReason: null,
      createdAt: at,
      ...over,
    },
  }));
  return id;
}

const accept: HubCall = { action: 'accept', payload: { status: 'accept', prep_time: 12 } };
const complete: HubCall = { action: 'complete', payload: { status: 'complete' } };

/** Sends (as sent) every call still pending, so each test starts with an empty queue. */
async function drain() {
  for (let call = await claimDueCall(LATER, 1); call; call = await claimDueCall(LATER, 1)) {
    await finishCall(call.id, { state: 'sent', lastStatus: 200, lastError: null, sentAt: LATER }, LATER);
  }
}
beforeEach(drain);

describe('the outbox', () => {
  test('a claim leases the oldest due call and counts the attempt; the lease keeps it from other claims until it runs out', async () => {
    const t = 1_000_000;
    const id = await hubWithCalls(t, [accept]);
    expect(await nextDueAt()).toBe(t);
    expect(await claimDueCall(t - 1, LEASE)).toBeUndefined(); // not due yet
    const call = await claimDueCall(t, LEASE);
    expect(call).toEqual({
      id: expect.any(Number),
      hubOrderId: id,
      action: 'accept',
      payload: { status: 'accept', prep_time: 12 },
      state: 'pending',
      attempts: 1,
      nextAttemptAt: t,
      lockedUntil: t + LEASE,
      lastStatus: null,
      lastError: null,
      createdBy: 'kitchenhub',
      createdAt: t,
      updatedAt: t,
      sentAt: null,
    });
    expect(await getCall(call!.id)).toEqual(call);
    expect(await nextDueAt()).toBe(t + LEASE);
    expect(await claimDueCall(t + LEASE - 1, LEASE)).toBeUndefined();
    // The worker that claimed it died: once the lease runs out, another takes it.
    expect(await claimDueCall(t + LEASE, LEASE)).toMatchObject({
      id: call!.id,
      attempts: 2,
      lockedUntil: t + 2 * LEASE,
      updatedAt: t + LEASE,
    });
  });

  test('finishCall records the attempt and releases the lease; a later retry waits for its time', async () => {
    const t = 2_000_000;
    await hubWithCalls(t, [accept]);
    const call = (await claimDueCall(t, LEASE))!;
    await finishCall(
      call.id,
      { state: 'pending', lastStatus: 503, lastError: 'Service Unavailable', nextAttemptAt: t + 5_000 },
      t + 10,
    );
    expect(await getCall(call.id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastStatus: 503,
      lastError: 'Service Unavailable',
      nextAttemptAt: t + 5_000,
      lockedUntil: 0,
      updatedAt: t + 10,
      sentAt: null,
    });
    expect(await countStuckCalls()).toBe(1);
    expect(await nextDueAt()).toBe(t + 5_000);
    expect(await claimDueCall(t + 4_999, LEASE)).toBeUndefined();
    const again = (await claimDueCall(t + 5_000, LEASE))!;
    expect(again).toMatchObject({ id: call.id, attempts: 2 });
    await finishCall(call.id, { state: 'sent', lastStatus: 200, lastError: null, sentAt: t + 5_001 }, t + 5_001);
    expect(await getCall(call.id)).toMatchObject({
      state: 'sent',
      lastStatus: 200,
      lastError: null,
      sentAt: t + 5_001,
      nextAttemptAt: t + 5_000,
      lockedUntil: 0,
    });
    expect(await countStuckCalls()).toBe(0);
    expect(await nextDueAt()).toBeNull();
    expect(await getCall(call.id + 10_000)).toBeUndefined();
  });

  test('a failed call is stuck until a manager retries it; a sent one cannot be retried', async () => {
    const t = 3_000_000;
    await hubWithCalls(t, [accept]);
    const call = (await claimDueCall(t, LEASE))!;
    await finishCall(call.id, { state: 'failed', lastStatus: 400, lastError: 'Bad Request' }, t + 1);
    expect(await countStuckCalls()).toBe(1);
    expect(await claimDueCall(LATER, LEASE)).toBeUndefined();
    expect(await nextDueAt()).toBeNull();
    expect(await retryCallNow(call.id, t + 100)).toMatchObject({
      id: call.id,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: t + 100,
      lockedUntil: 0,
      updatedAt: t + 100,
      lastError: 'Bad Request',
    });
    expect(await countStuckCalls()).toBe(1); // waiting after a failure
    const retried = (await claimDueCall(t + 100, LEASE))!;
    expect(retried).toMatchObject({ id: call.id, attempts: 1 });
    await finishCall(call.id, { state: 'sent', lastStatus: 200, lastError: null, sentAt: t + 101 }, t + 101);
    expect(await retryCallNow(call.id, t + 200)).toBeUndefined();
    expect(await retryCallNow(call.id + 10_000, t + 200)).toBeUndefined();
  });

  test('calls go oldest due first, and a later call for one order waits while an earlier one is pending', async () => {
    const t = 4_000_000;
    const a = await hubWithCalls(t + 2, [accept, complete]);
    const b = await hubWithCalls(t + 1, [accept]);
    const first = (await claimDueCall(t + 10, LEASE))!;
    expect([first.hubOrderId, first.action]).toEqual([b, 'accept']);
    const second = (await claimDueCall(t + 10, LEASE))!;
    expect([second.hubOrderId, second.action]).toEqual([a, 'accept']);
    expect(await claimDueCall(t + 10, LEASE)).toBeUndefined(); // a's complete waits for a's accept
    await finishCall(second.id, { state: 'sent', lastStatus: 200, lastError: null, sentAt: t + 11 }, t + 11);
    expect(await claimDueCall(t + 11, LEASE)).toMatchObject({ hubOrderId: a, action: 'complete' });
  });

  test('listCalls: newest first with the order they are about; open, by hub order, by id, up to a limit', async () => {
    const t = 5_000_000;
    const a = await hubWithCalls(t, [accept, complete], { customerName: 'Cy', number: 'A-1' });
    const calls = await listCalls({ hubOrderId: a });
    expect(calls.map((c) => c.action)).toEqual(['complete', 'accept']);
    expect(calls[0]).toMatchObject({
      hubOrderId: a,
      state: 'pending',
      providerName: 'Grubby',
      number: 'A-1',
      customerName: 'Cy',
      orderId: null,
    });
    const [newest, oldest] = calls as [(typeof calls)[number], (typeof calls)[number]];
    await finishCall(oldest.id, { state: 'sent', lastStatus: 200, lastError: null, sentAt: t }, t);
    expect((await listCalls({ hubOrderId: a, open: true })).map((c) => c.id)).toEqual([newest.id]);
    expect((await listCalls({ id: oldest.id })).map((c) => c.id)).toEqual([oldest.id]);
    expect((await listCalls({ limit: 1 })).map((c) => c.id)).toEqual([newest.id]);
    expect((await listCalls()).map((c) => c.id).slice(0, 2)).toEqual([newest.id, oldest.id]);
    expect(await listCalls({ hubOrderId: 'none' })).toEqual([]);
  });

  test('workers claiming at once never get the same call, and every due call is claimed once', async () => {
    const t = 6_000_000;
    const hubs = await Promise.all(Array.from({ length: 12 }, (_, i) => hubWithCalls(t + i, [accept])));
    const claimed = (await Promise.all(Array.from({ length: 8 }, () => claimDueCall(t + 100, LEASE)))).filter(
      (c) => c !== undefined,
    );
    expect(claimed.length).toBeGreaterThan(0);
    expect(new Set(claimed.map((c) => c.id)).size).toBe(claimed.length);
    for (let c = await claimDueCall(t + 100, LEASE); c; c = await claimDueCall(t + 100, LEASE)) claimed.push(c);
    expect(claimed.map((c) => c.hubOrderId).sort()).toEqual([...hubs].sort());
    expect(claimed.every((c) => c.attempts === 1)).toBe(true);
  });
});
