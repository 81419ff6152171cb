// A database seeded before demo data was a setting (it has the demo key and staff, but no `demo`
// setting): at start the server records demo data as on, so every page says so and a manager can
// switch it off (issue #25, item 1).
import { beforeAll, expect, test } from 'vitest';
import { closeStorage } from '@/db/storage/lifecycle';
import { rawRun } from '@/db/storage/inspect';
import { signInStaff } from '@/test/api';
import { startServer, type TestServer } from '@/test/server';

let server: TestServer;
beforeAll(async () => {
  await rawRun("delete from settings where key = 'demo'");
  await closeStorage();
  server = await startServer({ SEED_DEMO: 'false', KITCHENHUB_POLL_SECONDS: '0' }); // SEED_DEMO is for new databases only
});

test('an older database that still carries the demo key and PINs is announced as demo data', async () => {
  const manager = await signInStaff(server.url, 'manager');
  expect(await manager.json('GET', '/api/manager/demo')).toEqual({ demo: true, sandbox: true });
  expect(await (await fetch(`${server.url}/login`)).text()).toContain('data-testid="demo-banner"');
});
