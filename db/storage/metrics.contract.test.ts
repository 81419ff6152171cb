// The manager numbers' storage contract (./metrics.ts), on whichever database the run is configured for (see pick.ts).
import { describe, expect, test } from 'vitest';
import { newStoredOrder } from '@/test/storage-fixtures';
import { listBusinessDates, loadBusinessDay } from './metrics';
import { changeOrder, createOrder, type NewOrder } from './orders';

async function place(businessDate: string, createdAt: number, over: Partial<NewOrder> = {}) {
  const created = await createOrder(newStoredOrder({ businessDate, toast: 'light', createdAt, ...over }), 'test');
  if (created.kind !== 'created') throw new Error(created.kind);
  return created.order;
}

describe('metrics', () => {
  test("loadBusinessDay: the day's orders by number and their created/status events by seq", async () => {
    const first = await place('2032-01-10', 1_000);
    const second = await place('2032-01-10', 2_000, {
      extras: null as unknown as string[],
      items: [{ name: 'PB&J', qty: 2 }],
    }); // as a provider order may store it
    await place('2032-01-11', 3_000);
    await changeOrder(first.id, () => ({
      type: 'status',
      action: 'advance',
      actor: 'staff:stf_kitchen',
      at: 4_000,
      status: 'prepping',
    }));
    await changeOrder(first.id, () => ({
      type: 'edited',
      action: 'edit',
      actor: 'test',
      at: 4_500,
      fields: { jelly: 'apricot' },
      changes: { jelly: { from: 'grape', to: 'apricot' } },
    }));
    await changeOrder(second.id, () => ({
      type: 'status',
      action: 'cancel',
      actor: 'api:cli_demo',
      at: 5_000,
      status: 'canceled',
      canceledBy: 'customer',
    }));

    const day = await loadBusinessDay('2032-01-10');
    expect(day.orders).toEqual([
      {
        id: first.id,
        dailyNumber: 1,
        source: 'api',
        provider: null,
        status: 'prepping',
        createdAt: 1_000,
        canceledBy: null,
        bread: 'white',
        peanutButter: 'smooth',
        jelly: 'apricot',
        toast: 'light',
        cut: 'halves',
        extras: ['honey'],
        items: null,
      },
      {
        id: second.id,
        dailyNumber: 2,
        source: 'api',
        provider: null,
        status: 'canceled',
        createdAt: 2_000,
        canceledBy: 'customer',
        bread: 'white',
        peanutButter: 'smooth',
        jelly: 'grape',
        toast: 'light',
        cut: 'halves',
        extras: [],
        items: [{ name: 'PB&J', qty: 2 }],
      },
    ]);
    expect(day.events.map(({ seq: _s, ...e }) => e)).toEqual([
      { orderId: first.id, fromStatus: null, toStatus: 'queued', actor: 'test', at: 1_000 },
      { orderId: second.id, fromStatus: null, toStatus: 'queued', actor: 'test', at: 2_000 },
      { orderId: first.id, fromStatus: 'queued', toStatus: 'prepping', actor: 'staff:stf_kitchen', at: 4_000 },
      { orderId: second.id, fromStatus: 'queued', toStatus: 'canceled', actor: 'api:cli_demo', at: 5_000 },
    ]);
    const seqs = day.events.map((e) => e.seq);
    expect(seqs.every((s) => typeof s === 'number')).toBe(true);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(await loadBusinessDay('1999-01-01')).toEqual({ orders: [], events: [] });
  });

  test('listBusinessDates: the most recent days with orders, newest first, at most `limit`', async () => {
    for (const date of ['2033-03-02', '2033-03-01', '2033-03-03', '2033-03-02', '2033-02-28'])
      await place(date, 10_000);
    expect(await listBusinessDates(3)).toEqual(['2033-03-03', '2033-03-02', '2033-03-01']);
    expect((await listBusinessDates(100)).slice(3, 4)).toEqual(['2033-02-28']);
  });
});
