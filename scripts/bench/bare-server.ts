// The floor for `npm run bench`'s API throughput: a bare node:http + better-sqlite3 server doing the same
// insert and read as POST /v1/orders and GET /v1/orders/{id}, with none of Next, zod, drizzle or our
// rules (no menu check, ETA, idempotency or rate limit). It imports the driver directly, on purpose:
// this is a yardstick, not app code (style.md keeps driver imports in db/ for the app itself).
//
//   node --import tsx scripts/bench/bare-server.ts <database path> <port>
// The database is one db-setup.ts made: the same schema, indexes and demo key. Prints "ready" when listening.
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';

const [file, portArg] = process.argv.slice(2);
if (!file || !portArg) throw new Error('usage: bare-server.ts <database> <port>');

const sqlite = new Database(file);
sqlite.pragma('journal_mode = WAL'); // the same pragmas as db/client.ts
sqlite.pragma('synchronous = NORMAL');
sqlite.pragma('foreign_keys = ON');
sqlite.pragma('busy_timeout = 5000');

const keyByHash = sqlite.prepare<[string], { client_id: string }>(
  'select client_id from api_keys where key_hash = ? and revoked_at is null',
);
const nextNumber = sqlite.prepare<[string], { n: number }>(
  'select coalesce(max(daily_number), 0) + 1 as n from orders where business_date = ?',
);
const insertOrder = sqlite.prepare(
  `insert into orders (id, source, client_id, customer_id, business_date, daily_number, status, bread, peanut_butter, jelly, toast, cut, extras, version, created_at, updated_at, status_at)
   values (@id, 'api', @clientId, @customerId, @businessDate, @dailyNumber, 'queued', @bread, @peanutButter, @jelly, @toast, @cut, @extras, 1, @now, @now, @now)`,
);
const insertEvent = sqlite.prepare(
  `insert into order_events (order_id, type, to_status, actor, version, at) values (?, 'created', 'queued', ?, 1, ?)`,
);
const orderById = sqlite.prepare<[string, string], Record<string, unknown>>(
  'select * from orders where id = ? and client_id = ?',
);

type Choices = {
  customer_id: string;
  bread: string;
  peanut_butter: string;
  jelly: string;
  toast?: string;
  cut?: string;
  extras?: string[];
};
const place = sqlite.transaction((clientId: string, c: Choices) => {
  const now = Date.now();
  const businessDate = new Date(now).toISOString().slice(0, 10);
  const id = `ord_${randomBytes(10).toString('hex')}`;
  const dailyNumber = nextNumber.get(businessDate)?.n ?? 1;
  insertOrder.run({
    id,
    clientId,
    customerId: c.customer_id,
    businessDate,
    dailyNumber,
    bread: c.bread,
    peanutButter: c.peanut_butter,
    jelly: c.jelly,
    toast: c.toast ?? 'none',
    cut: c.cut ?? 'halves',
    extras: JSON.stringify(c.extras ?? []),
    now,
  });
  insertEvent.run(id, `api:${clientId}`, now);
  return orderById.get(id, clientId);
});

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  const key = req.headers['x-api-key'];
  const client = typeof key === 'string' ? keyByHash.get(createHash('sha256').update(key).digest('hex')) : undefined;
  if (!client) return reply(res, 401, { error: 'unauthorized' });
  if (req.method === 'POST' && req.url === '/v1/orders') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const choices = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Choices; // the bench's own fixed body
        reply(res, 201, place(client.client_id, choices));
      } catch (err) {
        reply(res, 500, { error: String(err) });
      }
    });
    return;
  }
  const match = req.method === 'GET' ? /^\/v1\/orders\/([\w]+)$/.exec(req.url ?? '') : null;
  if (match?.[1]) {
    const order = orderById.get(match[1], client.client_id);
    return order ? reply(res, 200, order) : reply(res, 404, { error: 'not_found' });
  }
  reply(res, 404, { error: 'not_found' });
});
server.keepAliveTimeout = 5_000;
server.listen(Number(portArg), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
