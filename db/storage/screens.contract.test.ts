// The kitchen screens' storage contract (./screens.ts), on whichever database the run is configured for (see pick.ts).
import { describe, expect, test } from 'vitest';
import { newStoredOrder } from '@/test/storage-fixtures';
import { changeOrder, createOrder, type NewOrder } from './orders';
import { listScreens, recordHeartbeat, sightingOf, unseenOpenOrders, type ScreenRow } from './screens';

async function place(createdAt: number, over: Partial<NewOrder> = {}) {
  const created = await createOrder(newStoredOrder({ customerName: 'Ava', extras: [], createdAt, ...over }), 'test');
  if (created.kind !== 'created') throw new Error(created.kind);
  return created.order;
}

const screen = (id: string, lastSeenAt: number, over: Partial<ScreenRow> = {}): Omit<ScreenRow, 'createdAt'> => ({
  id,
  station: 'line',
  staffName: null,
  userAgent: null,
  lastSeq: 0,
  showing: 0,
  inSync: null,
  lastSeenAt,
  ...over,
});

describe('screens', () => {
  test('a heartbeat upserts its screen: created once, every other field from the latest beat', async () => {
    await recordHeartbeat(
      screen('scr_a', 1_000, { staffName: 'Casey', inSync: true, lastSeq: 3, showing: 2, userAgent: 'Tablet' }),
      [],
      1_000,
    );
    await recordHeartbeat(
      screen('scr_a', 2_000, { station: 'expo', inSync: false, lastSeq: 7, showing: 4 }),
      [],
      2_000,
    );
    expect(await listScreens(0)).toEqual([
      {
        id: 'scr_a',
        station: 'expo',
        staffName: null,
        userAgent: null,
        lastSeq: 7,
        showing: 4,
        inSync: false,
        lastSeenAt: 2_000,
        createdAt: 1_000,
      },
    ]);
  });

  test('listScreens is the screens heard from after `since`, most recent first', async () => {
    await recordHeartbeat(screen('scr_b', 3_000), [], 3_000);
    await recordHeartbeat(screen('scr_c', 5_000), [], 5_000);
    await recordHeartbeat(screen('scr_d', 4_000), [], 4_000);
    expect((await listScreens(2_999)).map((s) => s.id)).toEqual(['scr_c', 'scr_d', 'scr_b']);
    expect((await listScreens(4_000)).map((s) => s.id)).toEqual(['scr_c']);
  });

  test('sightings: only real orders, the first screen to show one wins', async () => {
    const order = await place(10_000);
    expect(await sightingOf(order.id)).toBeUndefined();
    await recordHeartbeat(screen('scr_e', 11_000), [order.id, 'ord_made_up'], 11_000);
    await recordHeartbeat(screen('scr_f', 12_000), [order.id], 12_000);
    expect(await sightingOf(order.id)).toEqual({ firstShownAt: 11_000, screenId: 'scr_e' });
    expect(await sightingOf('ord_made_up')).toBeUndefined();
  });

  test('unseenOpenOrders: open, placed by the cut-off, never shown; oldest first, at most `limit`', async () => {
    const base = 4_000_000_000_000; // after every other order in this file
    const [a, b, c, d, late] = [
      await place(base + 1),
      await place(base + 2),
      await place(base + 3),
      await place(base + 4),
      await place(base + 50),
    ];
    if (!a || !b || !c || !d || !late) throw new Error('placed');
    await changeOrder(d.id, () => ({
      type: 'status',
      action: 'cancel',
      actor: 'test',
      at: base + 5,
      status: 'canceled',
      canceledBy: 'kitchen',
    }));
    await recordHeartbeat(screen('scr_g', base + 6), [b.id], base + 6);
    const unseen = (await unseenOpenOrders(base + 10, 20)).filter((o) => o.createdAt > base);
    expect(unseen.map((o) => o.id)).toEqual([a.id, c.id]);
    expect(unseen[0]).toEqual({
      id: a.id,
      dailyNumber: a.dailyNumber,
      customerName: 'Ava',
      status: 'queued',
      createdAt: base + 1,
      source: 'api',
    });
    const limited = await unseenOpenOrders(base + 10, 1);
    expect(limited).toHaveLength(1);
  });

  test('screens beating at once, showing the same orders, record one sighting each', async () => {
    const shown = [await place(20_000), await place(20_001), await place(20_002)].map((o) => o.id);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => {
        const ids = i % 2 ? [...shown].reverse() : shown;
        return recordHeartbeat(screen(`scr_par${i % 4}`, 21_000 + i), ids, 21_000 + i);
      }),
    );
    for (const id of shown) expect((await sightingOf(id))?.screenId).toMatch(/^scr_par[0-3]$/);
    expect(
      (await listScreens(20_999))
        .map((s) => s.id)
        .filter((id) => id.startsWith('scr_par'))
        .sort(),
    ).toEqual(['scr_par0', 'scr_par1', 'scr_par2', 'scr_par3']);
  });
});
