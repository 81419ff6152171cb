// Moving a restaurant from its SQLite file to PostgreSQL (scale-out issue): this file's SQLite
// database, filled through the app's own services (API orders in every status, an idempotent order,
// a KitchenHub order accepted into a ticket with its outbox call, settings), is copied into a new
// PostgreSQL database and verified. Runs in the SQLite pass when a PostgreSQL admin URL is at hand
// (PG_ADMIN_URL, set by npm test whenever it runs the PostgreSQL pass).
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import { acceptHubOrder } from '@/lib/kitchenhub/manager';
import { processDelivery } from '@/lib/kitchenhub/ingest';
import { cancelOrder, moveOrder, placeOrder } from '@/lib/orders/service';
import { hubOrder } from '@/test/kitchenhub';
import { createDatabase, dropDatabases } from '@/test/pg';
import { getDb } from '@/db/client';
import { copySqliteToPostgres, verifyCopy } from '@/db/copy';
import { openPg } from '@/db/pg/client';
import { DEMO_CLIENT_ID } from '@/lib/seed';
import { writeSetting } from '@/db/storage/settings';

const admin = process.env.PG_ADMIN_URL;
const prefix = `kds_copy_${randomBytes(3).toString('hex')}_`;

describe.runIf(admin && !process.env.DATABASE_URL)('copying a SQLite restaurant to PostgreSQL', () => {
  const pools: Array<{ end: () => Promise<void> }> = [];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await dropDatabases(admin!, prefix);
  });

  async function fillSqlite() {
    const body = {
      bread: 'sourdough',
      peanut_butter: 'crunchy',
      jelly: 'grape',
      notes: 'Café ☕ «quotes» and "JSON" \\ slashes',
    };
    const placed = [];
    for (let i = 0; i < 6; i++) {
      placed.push(
        await placeOrder({
          clientId: DEMO_CLIENT_ID,
          body: { ...body, customer_id: `copy-${i}` },
          idempotencyKey: i === 0 ? 'copy-key' : undefined,
          origin: 'http://x',
        }),
      );
    }
    const ids = placed.map((p) => p.order!.id);
    const staff = { actor: 'staff:stf_kitchen', seenVersion: undefined };
    await moveOrder({ ...staff, orderId: ids[1]!, action: 'advance' });
    await moveOrder({ ...staff, orderId: ids[2]!, action: 'advance' });
    await moveOrder({ ...staff, orderId: ids[2]!, action: 'advance' });
    await cancelOrder({ actor: 'api:cli_demo', seenVersion: undefined, orderId: ids[3]!, canceledBy: 'customer' });
    const delivered = await processDelivery({
      body: hubOrder('5501505922269184123', 'new'),
      headers: { 'content-type': 'application/json' },
    });
    expect(delivered.outcome).toBe('applied');
    await acceptHubOrder({ hubOrderId: '5501505922269184123', prepTimeMinutes: 15, actor: 'staff:stf_manager' });
    await writeSetting('alerts', { sound: 'bell', repeat_seconds: 30 }, Date.now());
  }

  test('copies every table, verified by counts and the orders checksum; the target then continues the ids', async () => {
    await fillSqlite();
    const url = await createDatabase(admin!, `${prefix}target`);
    const target = openPg(url, 2);
    pools.push(target.pool);
    const pg = await target.ready;

    const lines: string[] = [];
    const report = await copySqliteToPostgres(getDb(), pg, (l) => lines.push(l));
    expect(report.ordersChecksum.postgres).toBe(report.ordersChecksum.sqlite);
    const counts = Object.fromEntries(report.tables.map((t) => [t.table, t.postgres]));
    for (const t of report.tables) expect(t.postgres, t.table).toBe(t.sqlite);
    expect(counts).toMatchObject({
      orders: 7,
      hub_orders: 1,
      hub_outbox: 1,
      hub_deliveries: 1,
      idempotency_keys: 1,
      staff: 2,
    });
    expect(counts.order_events).toBeGreaterThanOrEqual(7 + 4);
    expect(lines).toHaveLength(report.tables.length);

    // The copied ids go on: the next event is numbered after the last copied one.
    const { max } = (
      (await pg.execute(sql`select max(seq) as max from order_events`)).rows as Array<{ max: number }>
    )[0]!;
    const { next } = (
      (await pg.execute(sql`select nextval(pg_get_serial_sequence('order_events', 'seq')) as next`)).rows as Array<{
        next: number;
      }>
    )[0]!;
    expect(next).toBe(max + 1);

    // A changed order on either side shows in the verification.
    await pg.execute(sql`update orders set notes = 'changed' where customer_id = 'copy-5'`);
    await expect(verifyCopy(getDb(), pg)).rejects.toThrow(/checksum differs/);
  });

  test('refuses a database that already has rows, changing nothing', async () => {
    const url = await createDatabase(admin!, `${prefix}used`);
    const target = openPg(url, 2);
    pools.push(target.pool);
    const pg = await target.ready;
    await pg.execute(sql`insert into settings (key, value, updated_at) values ('seeded_at', '"x"', 1)`);
    await expect(copySqliteToPostgres(getDb(), pg)).rejects.toThrow(/not empty \(settings has 1 rows\)/);
    const { n } = ((await pg.execute(sql`select count(*) as n from orders`)).rows as Array<{ n: number }>)[0]!;
    expect(n).toBe(0);
  });
});

test.skipIf(Boolean(admin) && !process.env.DATABASE_URL)(
  'the copy test needs PostgreSQL (npm test provides it in the SQLite pass)',
  () => {
    expect(!admin || Boolean(process.env.DATABASE_URL)).toBe(true);
  },
);
