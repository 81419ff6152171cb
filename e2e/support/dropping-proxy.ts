// A test proxy in front of the app that passes everything through, except that it drops chosen events
// from the kitchen's live stream (/api/events): the way a flaky network or a buggy middlebox loses
// an event, so the kitchen screen's gap detection and reconciliation can be seen healing it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type DroppingProxy = { url: string; dropped: () => number; close: () => Promise<void> };

export async function startDroppingProxy(target: string, drop: (frame: string) => boolean): Promise<DroppingProxy> {
  const upstream = new URL(target);
  let dropped = 0;
  const server = http.createServer((req, res) => {
    const forward = http.request(
      // The Host header is passed as the browser sent it: the app compares it with Origin (CSRF check).
      { hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        if (!req.url?.startsWith('/api/events')) {
          up.pipe(res);
          return;
        }
        // Server-Sent Events: frames end with a blank line; drop the chosen ones whole.
        let buffer = '';
        up.setEncoding('utf8');
        up.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end + 2);
            buffer = buffer.slice(end + 2);
            if (frame.includes('event: order') && drop(frame)) dropped++;
            else res.write(frame);
          }
        });
        up.on('end', () => res.end());
      },
    );
    forward.on('error', () => res.destroy());
    res.on('close', () => forward.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dropped: () => dropped,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
