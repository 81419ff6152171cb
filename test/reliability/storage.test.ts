// Storage trouble: the database file becomes read-only (immutable, `chattr +i`: even root cannot write
// it) or the disk fills up (a small tmpfs). Writes answer 503 service_unavailable in the error shape
// (on a full disk, those that need new space), the server stays up (no crash loop), and once the
// trouble goes away it recovers by itself, on the same process and connection. Both need root
// (chattr, mount) and are skipped, saying why, without it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { DEMO_API_KEY } from '@/lib/seed';
import { signInStaff, type StaffClient } from '@/test/api';
import { startServer, type TestServer } from '@/test/server';
import { eventually } from './harness';

const isRoot = process.getuid?.() === 0;

/** Whether `run` works here (root, the tool installed, a file system that supports it); says why not. */
function probe(what: string, run: (dir: string) => void): boolean {
  if (!isRoot) {
    console.log(`storage trouble: ${what} skipped (it needs root)`);
    return false;
  }
  const dir = fs.mkdtempSync(path.join(path.dirname(process.env.DATABASE_PATH!), 'probe-'));
  try {
    run(dir);
    return true;
  } catch (err) {
    console.log(`storage trouble: ${what} skipped (${String(err).split('\n')[0]})`);
    return false;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const canFreeze = probe('the read-only file', (dir) => {
  const f = path.join(dir, 'f');
  fs.writeFileSync(f, 'x');
  execFileSync('chattr', ['+i', f], { stdio: 'pipe' });
  execFileSync('chattr', ['-i', f], { stdio: 'pipe' });
});
const canFill = probe('the full disk', (dir) => {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'pipe' });
  execFileSync('umount', [dir], { stdio: 'pipe' });
});

const servers: TestServer[] = [];
const cleanups: Array<() => void> = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  for (const undo of cleanups.reverse()) {
    try {
      undo();
    } catch (err) {
      console.log(`storage trouble: clean-up failed: ${String(err)}`);
    }
  }
});

const ORDER = { customer_id: 'storage', bread: 'white', peanut_butter: 'smooth', jelly: 'grape' };

async function placeOrder(url: string, customer = 'storage') {
  const res = await fetch(`${url}/v1/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-API-Key': DEMO_API_KEY },
    body: JSON.stringify({ ...ORDER, customer_id: customer }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function countOrders(url: string, customer: string): Promise<number> {
  const res = await fetch(`${url}/v1/orders?customer_id=${customer}&limit=100`, {
    headers: { 'X-API-Key': DEMO_API_KEY },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: unknown[] }).data.length;
}

/** What the server's WAL checkpointer (every 200 ms, db/sqlite/checkpointer.ts) has tried so far, from /api/health. */
async function checkpointTries(server: TestServer): Promise<number> {
  const res = await fetch(`${server.url}/api/health`);
  const { wal_checkpoints: wal } = (await res.json()) as { wal_checkpoints: { runs: number; failures: number } };
  return wal.runs + wal.failures;
}

/**
 * "A little later", counted by the server itself: its checkpointer has tried `n` more times, so the
 * trouble has met its background work too. A process that crashed and restarted would count from 0.
 */
async function afterCheckpoints(server: TestServer, n = 5): Promise<void> {
  const from = await checkpointTries(server);
  await eventually(
    () => checkpointTries(server),
    (tries) => tries >= from + n,
    `${n} more WAL checkpointer tries`,
  );
}

/** Every write answers 503 in the error shape while the trouble lasts, and the process stays up. */
async function expectUnavailable(server: TestServer, kitchen: StaffClient, orderId: string, customer: string) {
  const placed = await placeOrder(server.url, customer);
  expect(placed).toMatchObject({ status: 503, body: { error: 'service_unavailable', message: expect.any(String) } });
  const tap = await kitchen.send('POST', `/api/orders/${orderId}/advance`, { version: 1 });
  expect(tap.status).toBe(503);
  expect(await tap.json()).toMatchObject({ error: 'service_unavailable' });
  const board = await kitchen.send('GET', '/api/tickets'); // reads may still work: printed, not asserted
  console.log(`storage trouble: the kitchen board answers ${board.status} meanwhile`);
  await board.body?.cancel();
  // Again a little later: still up and still answering, not restarting.
  await afterCheckpoints(server);
  expect((await placeOrder(server.url, customer)).status).toBe(503);
  expect(server.alive()).toBe(true);
}

/**
 * A full disk refuses a write only when the write needs new space. SQLite reuses the write-ahead log's
 * space once a checkpoint has copied it (the checkpointer runs every 200 ms, db/sqlite/checkpointer.ts),
 * so a few writes may still succeed, and those are on disk. So: every answer is a success or 503 in the
 * error shape, never another error; the refusals come within a few writes and keep coming; the process
 * stays up. Returns how many orders were accepted meanwhile.
 */
async function expectFullDisk(
  server: TestServer,
  kitchen: StaffClient,
  orderId: string,
  customer: string,
): Promise<number> {
  let accepted = 0;
  let refused = 0;
  const place = async () => {
    const placed = await placeOrder(server.url, customer);
    if (placed.status === 201) accepted++;
    else {
      expect(placed).toMatchObject({
        status: 503,
        body: { error: 'service_unavailable', message: expect.any(String) },
      });
      refused++;
    }
  };
  for (let i = 0; i < 300 && refused === 0; i++) await place();
  expect(refused, 'a write refused while the disk is full').toBe(1);
  console.log(
    `storage trouble: ${accepted} orders fitted in space SQLite had already allocated before the first refusal`,
  );
  const tap = await kitchen.send('POST', `/api/orders/${orderId}/advance`, { version: 1 });
  expect([200, 503]).toContain(tap.status);
  if (tap.status === 503) expect(await tap.json()).toMatchObject({ error: 'service_unavailable' });
  else await tap.body?.cancel();
  // A little later, once the checkpointer has tried again: still up, still refusing.
  await afterCheckpoints(server);
  for (let i = 0; i < 20; i++) await place();
  expect(refused, 'writes keep being refused while the disk stays full').toBeGreaterThan(1);
  expect(server.alive()).toBe(true);
  return accepted;
}

// The SQLite file's trouble; PostgreSQL's (the database going away) is test/scale-out/lost-database.test.ts.
describe.skipIf(process.env.DATABASE_URL)('storage trouble', () => {
  test.skipIf(!canFreeze)(
    'a read-only database file: 503 while it lasts, then it recovers by itself',
    async () => {
      const server = await startServer({ RATE_LIMIT_PER_MINUTE: '1000000', KITCHENHUB_SANDBOX: 'false' });
      servers.push(server);
      const first = await placeOrder(server.url);
      expect(first.status).toBe(201);
      const kitchen = await signInStaff(server.url, 'kitchen');
      const file = process.env.DATABASE_PATH!;
      const files = [file, `${file}-wal`].filter((f) => fs.existsSync(f)); // not -shm: it is mapped memory, not storage
      expect(files).toContain(`${file}-wal`);
      execFileSync('chattr', ['+i', ...files]);
      let immutable = true;
      cleanups.push(() => immutable && execFileSync('chattr', ['-i', ...files]));

      await expectUnavailable(server, kitchen, String(first.body.order_id), 'storage-ro');

      execFileSync('chattr', ['-i', ...files]);
      immutable = false;
      const recovered = await eventually(
        () => placeOrder(server.url, 'storage-ro'),
        (r) => r.status === 201,
        'a write to succeed again',
      );
      expect(recovered.body).toMatchObject({ status: 'queued' });
      expect(await countOrders(server.url, 'storage-ro')).toBe(1); // the refused attempts left nothing behind
      expect(server.alive()).toBe(true);
    },
    120_000,
  );

  test.skipIf(!canFill)(
    'a full disk: 503 while it lasts, then it recovers by itself',
    async () => {
      const dir = fs.mkdtempSync(path.join(path.dirname(process.env.DATABASE_PATH!), 'full-'));
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir]);
      cleanups.push(() => {
        execFileSync('umount', [dir]);
        fs.rmSync(dir, { recursive: true, force: true });
      });
      const file = path.join(dir, 'kds.sqlite');
      fs.copyFileSync(path.join(inject('runDir'), 'template.sqlite'), file); // no write-ahead log yet
      const server = await startServer(
        { RATE_LIMIT_PER_MINUTE: '1000000', KITCHENHUB_SANDBOX: 'false' },
        { database: { path: file } },
      );
      servers.push(server);
      const first = await placeOrder(server.url);
      expect(first.status).toBe(201);
      const kitchen = await signInStaff(server.url, 'kitchen');

      const filler = path.join(dir, 'filler');
      const fd = fs.openSync(filler, 'w');
      try {
        const chunk = Buffer.alloc(256 * 1024);
        for (;;) fs.writeSync(fd, chunk);
      } catch (err) {
        expect(err).toMatchObject({ code: 'ENOSPC' });
      } finally {
        fs.closeSync(fd);
      }

      const accepted = await expectFullDisk(server, kitchen, String(first.body.order_id), 'storage-full');

      fs.rmSync(filler);
      const recovered = await eventually(
        () => placeOrder(server.url, 'storage-full'),
        (r) => r.status === 201,
        'a write to succeed again',
      );
      expect(recovered.body).toMatchObject({ status: 'queued' });
      expect(await countOrders(server.url, 'storage-full')).toBe(accepted + 1); // every 201 is there, no refused one
      expect(server.alive()).toBe(true);
    },
    120_000,
  );
});
