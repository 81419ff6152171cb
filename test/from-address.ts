// Requests from another loopback address (127.0.0.2, 127.0.0.3, …): on Linux all of 127/8 reaches the
// server, so tests can be different clients as the server's socket sees them, which X-Forwarded-For
// cannot fake without TRUST_PROXY.
import http from 'node:http';

export type FromResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function requestFrom(
  localAddress: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<FromResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: init.method ?? 'GET',
        headers: init.headers,
        localAddress,
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** requestFrom() as a fetch Response, for tests written against fetch. */
export async function fetchFrom(
  localAddress: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Response> {
  const res = await requestFrom(localAddress, url, init);
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  return new Response(res.status === 204 || res.status === 304 ? null : res.body, { status: res.status, headers });
}
