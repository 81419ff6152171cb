// Request bodies (issue 25, item 3): one reader with one cap for every route that takes a body. Routes
// are discovered from app/ (a route "takes a body" when it exports a POST, PUT, PATCH or DELETE of its
// own, not a notAllowed() refusal), so a new route is checked the moment it exists:
// - one byte over its cap is 413 payload_too_large in our error shape. A declared Content-Length over
//   the cap is refused before anything else runs (authentication included: no byte is read); a body
//   streamed without a length is counted as it arrives and cut off one byte past the cap, on every
//   route that reads one. Exactly the cap is not refused.
// - on every route that parses JSON: malformed JSON, bytes that are not UTF-8, 100 levels of nesting,
//   and null, a number, a string or an array where an object is expected are each a 400 in our shape.
// The server's memory after many oversized bodies is checked in test/reliability/attacks.test.ts.
import { beforeAll, describe, expect, test } from 'vitest';
import { parseEnv } from '@/lib/env';
import { WEBHOOK_MAX_BODY_BYTES } from '@/lib/kitchenhub/ingest';
import { newApiClient, signInStaff, type ApiClient, type StaffClient } from '@/test/api';
import { HUB_SECRET, WEBHOOK_HEADER } from '@/test/kitchenhub';
import { exportsMethod, routeFiles } from '@/test/routes';
import { startServer, type TestServer } from '@/test/server';
import { sendLarge } from '@/test/upload';

const DEFAULT_CAP = parseEnv({}).MAX_BODY_BYTES;
/** Routes with a larger cap than MAX_BODY_BYTES (`handle(fn, { maxBodyBytes })`), each with its cap. */
const LARGER: Record<string, number> = { '/api/kitchenhub/webhook': WEBHOOK_MAX_BODY_BYTES };
/** URLs that reach the body for routes whose placeholder URL would be refused before it (an unknown setting). */
const URL_FOR: Record<string, string> = {
  '/api/manager/store/[setting]': '/api/manager/store/kitchen',
};
/** JSON routes that parse the body themselves, not through readJson, with the words their refusals use. */
const OWN_JSON: Record<string, string> = { '/api/kitchenhub/webhook': 'webhook body' };

type BodyRoute = {
  method: string;
  pattern: string;
  url: string;
  cap: number;
  reads: boolean;
  json: boolean;
  source: string;
};
/** The text of one method's handler in a route file: from its export to the next one. */
function handlerSource(source: string, method: string): string {
  const start = source.search(new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b`));
  const end = source.indexOf('\nexport ', start + 1);
  const handler = source.slice(start, end < 0 ? undefined : end);
  return /^export const \w+ = \w+;/.test(handler.trim()) ? source : handler; // one handler for several methods: the whole file
}

const ROUTES: BodyRoute[] = routeFiles().flatMap(({ pattern, url, source }) =>
  ['POST', 'PUT', 'PATCH', 'DELETE']
    .filter((m) => exportsMethod(source, m))
    .map((method) => {
      const handler = handlerSource(source, method);
      return {
        method,
        pattern,
        url: URL_FOR[pattern] ?? url,
        cap: LARGER[pattern] ?? DEFAULT_CAP,
        reads: /\bread(Json|Body)\(/.test(handler),
        json: /\breadJson\(/.test(handler) || pattern in OWN_JSON,
        source,
      };
    }),
);
const READERS = ROUTES.filter((r) => r.reads);
const JSON_ROUTES = ROUTES.filter((r) => r.json);
const name = (r: BodyRoute) => `${r.method} ${r.pattern}`;

let server: TestServer;
let manager: StaffClient;
let api: ApiClient;
/** Every credential at once: a manager's session, an API key, KitchenHub's header. Authentication is never what refuses. */
let auth: Record<string, string>;
beforeAll(async () => {
  server = await startServer({
    KITCHENHUB_WEBHOOK_SECRET: HUB_SECRET,
    KITCHENHUB_POLL_SECONDS: '0',
    LOGIN_ATTEMPTS_PER_15_MIN: '1000',
    RATE_LIMIT_PER_MINUTE: '100000',
  });
  [manager, api] = await Promise.all([signInStaff(server.url, 'manager'), newApiClient(server.url)]);
  auth = { Cookie: manager.cookie, 'X-API-Key': api.key, [WEBHOOK_HEADER]: HUB_SECRET };
});

const send = (r: BodyRoute, body: BodyInit, headers: Record<string, string> = auth) =>
  fetch(`${server.url}${r.url}`, {
    method: r.method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });

/** A JSON object of exactly `bytes` bytes. */
const objectOfSize = (bytes: number) => `{"pad":"${'a'.repeat(bytes - 10)}"}`;

describe('the route list', () => {
  test('finds the routes that take a body, and every larger cap is named here with its route', () => {
    expect(ROUTES.length).toBeGreaterThan(25);
    expect(JSON_ROUTES.length).toBeGreaterThan(15);
    for (const r of ROUTES)
      expect(/maxBodyBytes/.test(r.source), `${name(r)} sets its own cap: list it in LARGER`).toBe(r.pattern in LARGER);
    expect(objectOfSize(100)).toHaveLength(100);
  });
});

describe('one byte over the cap is 413 payload_too_large on every route that takes a body', () => {
  test('with Content-Length: refused before anything is read', async () => {
    for (const r of ROUTES) {
      const res = await send(r, objectOfSize(r.cap + 1));
      expect(res.status, name(r)).toBe(413);
      expect(await res.json(), name(r)).toEqual({
        error: 'payload_too_large',
        message: `The request body must be at most ${r.cap} bytes.`,
      });
      expect(res.headers.get('connection'), name(r)).toBe('close');
    }
  });

  test('streamed without a length: cut off one byte past the cap on every route that reads a body', async () => {
    expect(READERS.length).toBeGreaterThan(15);
    for (const r of READERS) {
      const res = await sendLarge(`${server.url}${r.url}`, {
        method: r.method,
        bytes: r.cap + 1,
        declared: false,
        headers: auth,
      });
      expect(res.status, name(r)).toBe(413);
      expect(JSON.parse(res.text), name(r)).toEqual({
        error: 'payload_too_large',
        message: `The request body must be at most ${r.cap} bytes.`,
      });
    }
  });

  test('exactly the cap is read, not refused for its size', async () => {
    for (const r of READERS) {
      const res = await send(r, objectOfSize(r.cap));
      expect(res.status, name(r)).not.toBe(413);
      expect(res.status, name(r)).toBeLessThan(500);
    }
  });

  test('a declared oversize is refused before authentication: 413 with no credentials at all, not 401', async () => {
    for (const r of ROUTES) {
      const res = await send(r, objectOfSize(r.cap + 1), {});
      expect(res.status, name(r)).toBe(413);
    }
  });
});

describe('every JSON route refuses a broken body with 400 invalid_request, never a 5xx', () => {
  const expect400 = async (r: BodyRoute, body: BodyInit, message: (what: string) => string) => {
    const res = await send(r, body);
    expect(res.status, `${name(r)} with ${String(body).slice(0, 30)}: ${await res.clone().text()}`).toBe(400);
    expect(await res.json(), name(r)).toEqual({
      error: 'invalid_request',
      message: message(OWN_JSON[r.pattern] ?? 'request body'),
    });
  };

  test('malformed JSON', async () => {
    for (const r of JSON_ROUTES) await expect400(r, '{"version": ', (what) => `The ${what} is not valid JSON.`);
  });

  test('bytes that are not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
    for (const r of JSON_ROUTES) await expect400(r, bytes, (what) => `The ${what} is not valid UTF-8.`);
  });

  test('100 levels of nesting', async () => {
    const deep = '{"a":'.repeat(100) + '1' + '}'.repeat(100);
    for (const r of JSON_ROUTES) {
      const depth = r.pattern in OWN_JSON ? 64 : 32;
      await expect400(r, deep, (what) => `The ${what} nests objects or arrays more than ${depth} levels deep.`);
    }
  });

  test('null, a number, a string or an array where an object is expected', async () => {
    for (const body of ['null', '7', '"text"', '[]', '[{"version":1}]', 'false']) {
      for (const r of JSON_ROUTES) {
        await expect400(r, body, (what) =>
          what === 'request body'
            ? 'The request body must be a JSON object.'
            : 'The webhook body must be a JSON object: every KitchenHub notification is one.',
        );
      }
    }
  });
});
