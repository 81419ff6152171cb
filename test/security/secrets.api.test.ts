// Security checks (issue #11 §3): API keys and PINs are stored only as hashes (the SQLite file is read
// byte by byte; on PostgreSQL every row), and no key, PIN, secret, session token or full webhook signature reaches the server's
// output, whatever the requests, right or wrong.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rawRows, tableNames } from '@/db/store/inspect';
import { sha256 } from '@/lib/auth/crypto';
import { hubOrder, HUB_SECRET, sign } from '@/test/kitchenhub';
import { newApiClient, SEED_EXAMPLE_ORDER, signInStaff, StaffClient, type ApiClient } from '@/test/api';
import { startServer, type TestServer } from '@/test/server';

const SESSION_SECRET = 'session-secret-for-the-log-test-6b1f0c9e2a';
const NEW_PIN = '73915842'; // eight digits: too rare to meet by chance in a database page or a log
const WRONG_PIN = '86420135';
const CLIENT_SECRET = 'hub-client-secret-5c2e8d1a77';

let server: TestServer;
let manager: StaffClient;
let api: ApiClient;
beforeAll(async () => {
  server = await startServer({ SESSION_SECRET, KITCHENHUB_CLIENT_SECRET: CLIENT_SECRET });
  manager = await signInStaff(server.url, 'manager');
  api = await newApiClient(server.url);
  await manager.json('PUT', '/api/kitchenhub/settings', { webhook_secret: HUB_SECRET }); // a secret through the console
});
afterAll(() => server?.stop());

/**
 * What the database holds, as bytes: the SQLite file and its write-ahead log (recent writes sit in the
 * WAL until a checkpoint), or on PostgreSQL every row of every table as text.
 */
async function databaseBytes(): Promise<Buffer> {
  if (process.env.DATABASE_URL) {
    const parts: string[] = [];
    for (const table of await tableNames()) parts.push(JSON.stringify(await rawRows(`select * from "${table}"`)));
    return Buffer.from(parts.join('\n'));
  }
  const file = process.env.DATABASE_PATH!;
  return Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

const signIn = (pin: string) =>
  fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pin }) });

describe('stored secrets', () => {
  test('a new API key and a new PIN are in the database only as hashes', async () => {
    const { secret } = await manager.json('POST', '/api/manager/keys', { name: 'Hash check', mode: 'live' });
    expect(secret).toMatch(/^pbj_live_/);
    await manager.json('POST', '/api/manager/staff', { name: 'Pat Hashcheck', role: 'kitchen', pin: NEW_PIN });
    expect((await signIn(NEW_PIN)).status).toBe(200); // the PIN works, so it is stored in some form

    const bytes = await databaseBytes();
    expect(bytes.includes('Pat Hashcheck')).toBe(true); // the read sees fresh writes
    expect(bytes.includes(sha256(secret))).toBe(true); // the key is looked up by its SHA-256
    expect(bytes.includes(secret)).toBe(false);
    expect(bytes.includes(api.key)).toBe(false);
    expect(bytes.includes(NEW_PIN)).toBe(false);
  });
});

describe('the server log', () => {
  test('never shows a key, PIN, secret, session token or webhook signature, after right and wrong attempts of each', async () => {
    const seen: string[] = [];
    // Staff sign-in, right and wrong; the session it gives.
    const right = await signIn(NEW_PIN);
    const session = right.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(session).toMatch(/^kds_session=/);
    seen.push(session.slice('kds_session='.length));
    expect((await signIn(WRONG_PIN)).status).toBe(401);
    expect((await new StaffClient(server.url, session).send('GET', '/api/tickets')).status).toBe(200);

    // API calls with a valid key, an unknown one, a malformed one, and a key in the wrong header.
    const unknownKey = 'pbj_test_unknownkey4f9c2b7d1e';
    expect((await api.send('POST', '/v1/orders', SEED_EXAMPLE_ORDER)).status).toBe(201);
    expect((await fetch(`${server.url}/v1/orders`, { headers: { 'X-API-Key': unknownKey } })).status).toBe(401);
    expect((await fetch(`${server.url}/v1/orders`, { headers: { 'X-API-Key': 'not a key \u00e9 at all 1234' } })).status).toBe(401);
    expect((await fetch(`${server.url}/v1/orders`, { headers: { Authorization: `Bearer ${api.key}` } })).status).toBe(401);

    // Webhooks: a good signature, a bad one, the secret as ?token=, a wrong token.
    const body = hubOrder(`66${Date.now()}`, 'new');
    const good = sign(body);
    const bad = sign(body, 'not-the-secret-but-long-enough');
    const hook = (headers: Record<string, string>, query = '') =>
      fetch(`${server.url}/api/kitchenhub/webhook${query}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    expect((await hook({ 'X-KitchenHub-Signature': good })).status).toBe(200);
    expect((await hook({ 'X-KitchenHub-Signature': bad })).status).toBe(401);
    expect((await hook({}, `?token=${HUB_SECRET}`)).status).toBe(200);
    expect((await hook({}, '?token=wrong-token-0123456789abc')).status).toBe(401);

    // A generated webhook secret is shown to the manager once.
    const { new_webhook_secret: generated } = await manager.json('PUT', '/api/kitchenhub/settings', { generate_webhook_secret: true });
    expect(generated).toEqual(expect.any(String));

    const log = server.logs();
    const secrets: Record<string, string> = {
      'right PIN': NEW_PIN,
      'wrong PIN': WRONG_PIN,
      'valid API key': api.key,
      'unknown API key': unknownKey,
      'session secret': SESSION_SECRET,
      'webhook secret': HUB_SECRET,
      'KitchenHub client secret': CLIENT_SECRET,
      'good signature': good.slice('sha256='.length),
      'bad signature': bad.slice('sha256='.length),
      'session token': seen[0]!,
      'generated webhook secret': generated,
    };
    for (const [what, value] of Object.entries(secrets)) {
      expect(value.length, what).toBeGreaterThanOrEqual(8);
      expect(log.includes(value), `the server log shows the ${what}`).toBe(false);
      // nor a recognisable part of it (a signature cut short, a key without its prefix)
      if (value.length >= 24) expect(log.includes(value.slice(-16)), `the server log shows part of the ${what}`).toBe(false);
    }
  });
});
