// Security checks (issue #11 §3): API keys, PINs and generated webhook secrets are stored only as
// hashes (the SQLite file is read byte by byte; on PostgreSQL every row), and no key, PIN, secret,
// session token, webhook secret header or full webhook signature reaches the server's output, whatever
// the requests, right or wrong. KitchenHub proves a webhook with the secret header we register with it
// (the default); an HMAC signature or a ?token= is accepted only by a server told to
// (KITCHENHUB_WEBHOOK_AUTH=hmac / =token, for a proxy in front of us).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rawRows, tableNames } from '@/db/storage/inspect';
import { sha256 } from '@/lib/auth/crypto';
import type { RunningFake } from '@/scripts/fake-kitchenhub';
import { connectHub, hubOrder, HUB_SECRET, postWebhook, sign, startFakeHub, WEBHOOK_HEADER } from '@/test/kitchenhub';
import { newApiClient, SEED_EXAMPLE_ORDER, signInStaff, StaffClient, type ApiClient } from '@/test/api';
import { startServer, type TestServer } from '@/test/server';

const SESSION_SECRET = 'session-secret-for-the-log-test-6b1f0c9e2a';
const NEW_PIN = '73915842'; // eight digits: too rare to meet by chance in a database page or a log
const WRONG_PIN = '86420135';
const CLIENT_SECRET = 'hub-client-secret-5c2e8d1a77';

let server: TestServer;
let manager: StaffClient;
let api: ApiClient;

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

const signIn = (pin: string, name = 'Pat Hashcheck') =>
  fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, pin }),
  });

/** Asserts that a server's output shows none of `secrets`, nor a recognisable part of a long one. */
function expectNotLogged(log: string, secrets: Record<string, string>): void {
  for (const [what, value] of Object.entries(secrets)) {
    expect(value.length, what).toBeGreaterThanOrEqual(8);
    expect(log.includes(value), `the server log shows the ${what}`).toBe(false);
    // nor a recognisable part of it (a signature cut short, a key without its prefix)
    if (value.length >= 24)
      expect(log.includes(value.slice(-16)), `the server log shows part of the ${what}`).toBe(false);
  }
}

const unauthorized = { error: 'unauthorized', message: expect.any(String) };

describe('with the default webhook authentication (the registered header)', () => {
  // Two more servers on the same database, for the schemes a proxy in front of us may use instead.
  let hmacServer: TestServer;
  let tokenServer: TestServer;
  beforeAll(async () => {
    // KITCHENHUB_WEBHOOK_SECRET: the value we register as our webhook's header (with the sandbox KitchenHub, while demo data is on).
    server = await startServer({
      SESSION_SECRET,
      KITCHENHUB_CLIENT_SECRET: CLIENT_SECRET,
      KITCHENHUB_WEBHOOK_SECRET: HUB_SECRET,
    });
    // No KitchenHub API (KITCHENHUB_SANDBOX=false: not even the sandbox), so these register nothing on the shared database.
    const proxied = {
      SESSION_SECRET,
      KITCHENHUB_CLIENT_SECRET: CLIENT_SECRET,
      KITCHENHUB_WEBHOOK_SECRET: HUB_SECRET,
      KITCHENHUB_SANDBOX: 'false',
    };
    [hmacServer, tokenServer] = await Promise.all([
      startServer({ ...proxied, KITCHENHUB_WEBHOOK_AUTH: 'hmac' }),
      startServer({ ...proxied, KITCHENHUB_WEBHOOK_AUTH: 'token' }),
    ]);
    manager = await signInStaff(server.url, 'manager');
    api = await newApiClient(server.url);
  });
  // Stopped before the next describe's server registers a webhook on the same database.
  afterAll(() => Promise.all([server?.stop(), hmacServer?.stop(), tokenServer?.stop()]));

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
      expect(
        (await fetch(`${server.url}/v1/orders`, { headers: { 'X-API-Key': 'not a key \u00e9 at all 1234' } })).status,
      ).toBe(401);
      expect((await fetch(`${server.url}/v1/orders`, { headers: { Authorization: `Bearer ${api.key}` } })).status).toBe(
        401,
      );

      // Webhooks (header mode): the registered header right, wrong and missing; a valid HMAC signature
      // or the secret as ?token= alone, neither of which is KitchenHub's scheme.
      const body = hubOrder(`66${Date.now()}`, 'new');
      const good = sign(body);
      const bad = sign(body, 'not-the-secret-but-long-enough');
      const wrongHeader = 'wrong-header-secret-0123456789';
      const refused = async (res: Response, what: string) => {
        expect(res.status, what).toBe(401);
        expect(await res.json(), what).toEqual(unauthorized);
      };
      const registered = await postWebhook(server.url, body);
      expect(registered.status).toBe(200);
      expect(await registered.json()).toMatchObject({ received: true, outcome: 'applied' });
      await refused(await postWebhook(server.url, body, { header: wrongHeader }), 'a wrong header');
      await refused(await postWebhook(server.url, body, {}), 'no header');
      await refused(await postWebhook(server.url, body, { signature: good }), 'a valid HMAC signature alone');
      await refused(await postWebhook(server.url, body, { token: HUB_SECRET }), 'the secret as ?token= alone');

      // A proxy's schemes, on servers told to use them: a good signature, a bad one; the secret as
      // ?token=, a wrong token. There the registered header alone is not enough.
      const hmacBody = hubOrder(`67${Date.now()}`, 'new');
      const hmacGood = sign(hmacBody);
      expect((await postWebhook(hmacServer.url, hmacBody, { signature: hmacGood })).status).toBe(200);
      await refused(await postWebhook(hmacServer.url, hmacBody, { signature: bad }), 'hmac mode: a bad signature');
      await refused(await postWebhook(hmacServer.url, hmacBody, 'registered'), 'hmac mode: the header alone');
      expect((await postWebhook(tokenServer.url, body, { token: HUB_SECRET })).status).toBe(200);
      await refused(
        await postWebhook(tokenServer.url, body, { token: 'wrong-token-0123456789abc' }),
        'token mode: a wrong token',
      );
      await refused(await postWebhook(tokenServer.url, body, 'registered'), 'token mode: the header alone');

      const log = [server.logs(), hmacServer.logs(), tokenServer.logs()].join('\n');
      const secrets: Record<string, string> = {
        'right PIN': NEW_PIN,
        'wrong PIN': WRONG_PIN,
        'valid API key': api.key,
        'unknown API key': unknownKey,
        'session secret': SESSION_SECRET,
        'webhook secret': HUB_SECRET,
        'KitchenHub client secret': CLIENT_SECRET,
        'good signature': good.slice('sha256='.length),
        'good signature (hmac mode)': hmacGood.slice('sha256='.length),
        'bad signature': bad.slice('sha256='.length),
        'wrong webhook header': wrongHeader,
        'session token': seen[0]!,
      };
      expectNotLogged(log, secrets);
    });
  });
});

describe('a webhook secret we generate (no KITCHENHUB_WEBHOOK_SECRET)', () => {
  let fake: RunningFake;
  let hubServer: TestServer;
  beforeAll(async () => {
    fake = await startFakeHub({ clientSecret: CLIENT_SECRET });
    hubServer = await startServer({
      SESSION_SECRET,
      KITCHENHUB_API_URL: fake.url,
      KITCHENHUB_CLIENT_ID: 'fake-client',
      KITCHENHUB_CLIENT_SECRET: CLIENT_SECRET,
    });
  });

  /** The secret header KitchenHub holds for our one webhook (what GET /v2/webhooks/ would echo back). */
  const registered = (): string => {
    const hooks = [...fake.hub.webhooks.values()];
    expect(hooks).toHaveLength(1);
    const secret = hooks[0]!.authorization_headers?.[WEBHOOK_HEADER];
    expect(secret).toEqual(expect.any(String));
    return secret!;
  };

  test('is registered with KitchenHub, works, is rotated, and is never stored, shown or logged', async () => {
    const hubManager = await signInStaff(hubServer.url, 'manager');
    expect(await connectHub(hubManager, hubServer.url)).toMatchObject({ ok: true, error: null });
    const first = registered();
    expect((await fake.hub.createOrder()).webhooks).toEqual([expect.objectContaining({ httpStatus: 200 })]);

    const rotated = await hubManager.json('POST', '/api/kitchenhub/connect', { rotate_secret: true });
    expect(rotated).toMatchObject({ ok: true, error: null });
    const second = registered();
    expect(second).not.toBe(first);
    expect((await fake.hub.createOrder()).webhooks).toEqual([expect.objectContaining({ httpStatus: 200 })]);
    const body = hubOrder(`68${Date.now()}`, 'new');
    expect((await postWebhook(hubServer.url, body, { header: second })).status).toBe(200);
    expect((await postWebhook(hubServer.url, body, { header: first })).status).toBe(200); // the replaced one, for a short overlap
    const wrong = await postWebhook(hubServer.url, body, { header: `${second}x` });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual(unauthorized);

    // The console shows at most a hint of it.
    const view = JSON.stringify(await hubManager.json('GET', '/api/kitchenhub/settings'));
    for (const secret of [first, second]) {
      expect(view.includes(secret)).toBe(false);
      expect(view.includes(secret.slice(-16))).toBe(false);
    }

    // The database holds the current one as its SHA-256 only.
    const bytes = await databaseBytes();
    expect(bytes.includes(sha256(second))).toBe(true);
    for (const secret of [first, second]) expect(bytes.includes(secret)).toBe(false);

    expectNotLogged(hubServer.logs(), {
      'generated webhook secret': first,
      'rotated webhook secret': second,
      'KitchenHub client secret': CLIENT_SECRET,
    });
  });
});
