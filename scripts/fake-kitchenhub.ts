// A local fake KitchenHub over real HTTP (lib/kitchenhub/fake-hub.ts behind node:http). Tests start
// it in-process with startFakeKitchenHub(); run it by hand to point a local server at it:
//
//   npx tsx scripts/fake-kitchenhub.ts --port 4010 --webhook http://localhost:3000/api/kitchenhub/webhook --secret <webhook secret>
//   KITCHENHUB_API_URL=http://localhost:4010 KITCHENHUB_CLIENT_ID=fake-client KITCHENHUB_CLIENT_SECRET=fake-secret npm start
//
// Control API: POST /_fake/orders {status?, scheduled_in_minutes?, type?} sends a new order's webhook;
// POST /_fake/orders/{id}/status {status} moves one on KitchenHub's side (e.g. "cancelled");
// POST /_fake/fail {status, times, path?} makes the next calls fail; GET /_fake/calls lists what it got.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { FakeKitchenHub, type FakeHubOptions } from '../lib/kitchenhub/fake-hub';

export type RunningFake = {
  url: string;
  hub: FakeKitchenHub;
  /** Points the fake's webhooks at an app (e.g. once a test server's port is known). */
  sendWebhooksTo: (url: string, secret: string | null) => void;
  close: () => Promise<void>;
};

export async function startFakeKitchenHub(
  opts: Partial<Omit<FakeHubOptions, 'webhook'>> & { port?: number; webhookUrl?: string; webhookSecret?: string } = {},
): Promise<RunningFake> {
  const hub = new FakeKitchenHub({
    clientId: opts.clientId ?? 'fake-client',
    clientSecret: opts.clientSecret ?? 'fake-secret',
    tokenTtlSeconds: opts.tokenTtlSeconds,
    notify: opts.notify,
    delayMs: opts.delayMs,
    webhook: async () => (opts.webhookUrl ? { url: opts.webhookUrl, secret: opts.webhookSecret ?? null } : null),
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
      const request = new Request(url, { method: req.method, headers, body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body, signal: gone.signal });
      hub
        .handle(request, url.pathname, { control: true })
        .then(async (response) => {
          if (res.destroyed) return; // the caller is gone: nobody to answer
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch((err: unknown) => {
          res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ error: 'fake_failed', message: String(err) }));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hub,
    sendWebhooksTo: (url, secret) => hub.configure({ webhook: async () => ({ url, secret }) }),
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void startFakeKitchenHub({
    port: Number(arg('port') ?? 4010),
    webhookUrl: arg('webhook'),
    webhookSecret: arg('secret'),
    clientId: arg('client-id'),
    clientSecret: arg('client-secret'),
  }).then((fake) => console.log(`fake KitchenHub on ${fake.url} (client fake-client / fake-secret unless set); webhooks → ${arg('webhook') ?? 'nowhere (pass --webhook)'}`));
}
