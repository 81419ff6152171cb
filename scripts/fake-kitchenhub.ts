// A local fake KitchenHub over real HTTP (sandbox/kitchenhub/fake-hub.ts behind node:http): only the
// operations of KitchenHub's openapi-v2.json, checked against it both ways. Tests start it in-process
// with startFakeKitchenHub() and drive KitchenHub's side through `hub` (createOrder, setStatus,
// failNext...); there is no control API over HTTP. Run it by hand to point a local server at it:
//
//   npx tsx scripts/fake-kitchenhub.ts --port 4010 [--orders-every 30]
//   KITCHENHUB_API_URL=http://localhost:4010 KITCHENHUB_CLIENT_ID=fake-client KITCHENHUB_CLIENT_SECRET=fake-secret npm start
//
// The app registers its webhook through POST /v2/webhooks/ as it would with KitchenHub; to send orders
// somewhere without that, pass --webhook <url> (and --header 'Name: value', repeatable, for its
// authorization_headers). --orders-every <seconds> makes the fake receive a new order that often.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { FakeKitchenHub, type FakeHubOptions } from '../sandbox/kitchenhub/fake-hub';

export type RunningFake = { url: string; hub: FakeKitchenHub; close: () => Promise<void> };

export async function startFakeKitchenHub(
  opts: Partial<FakeHubOptions> & { port?: number } = {},
): Promise<RunningFake> {
  const { port, ...options } = opts;
  const hub = new FakeKitchenHub({
    ...options,
    clientId: opts.clientId ?? 'fake-client',
    clientSecret: opts.clientSecret ?? 'fake-secret',
  });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake.local');
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const gone = new AbortController(); // the caller hung up before we answered (e.g. it timed out)
      res.on('close', () => res.writableFinished || gone.abort());
      const request = new Request(url, {
        method: req.method,
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
        signal: gone.signal,
      });
      hub
        .handle(request, url.pathname)
        .then(async (response) => {
          if (res.destroyed) return; // the caller is gone: nobody to answer
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch((err: unknown) => {
          hub.violations.push(`the fake failed: ${String(err)}`);
          res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ error: 'fake_failed', message: String(err) }));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(port ?? 0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    hub,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const args = (name: string) =>
  process.argv.flatMap((a, i) =>
    a === `--${name}` && process.argv[i + 1] !== undefined ? [process.argv[i + 1] as string] : [],
  );

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const every = Number(arg('orders-every') ?? 0);
  void startFakeKitchenHub({
    port: Number(arg('port') ?? 4010),
    clientId: arg('client-id'),
    clientSecret: arg('client-secret'),
  }).then(({ url, hub }) => {
    const webhook = arg('webhook');
    if (webhook) {
      const headers = Object.fromEntries(
        args('header')
          .filter((h) => h.includes(':'))
          .map((h) => [h.slice(0, h.indexOf(':')).trim(), h.slice(h.indexOf(':') + 1).trim()]),
      );
      hub.addWebhook({ url: webhook, version: 2, webhook_type: 'Order', filters: {}, authorization_headers: headers });
    }
    console.log(
      `fake KitchenHub on ${url} (client ${arg('client-id') ?? 'fake-client'} / ${arg('client-secret') ?? 'fake-secret'}); orders go to ${webhook ?? 'the webhooks registered through POST /v2/webhooks/'}`,
    );
    if (every > 0) {
      setInterval(() => {
        void hub.createOrder().then(({ order, webhooks }) => {
          const answers =
            webhooks.map((w) => `${w.url} → ${w.httpStatus ?? w.error}`).join(', ') || 'no webhook registered';
          console.log(`order ${order.order.id} (${String(order.order.type)}): ${answers}`);
        });
      }, every * 1000);
    }
  });
}
