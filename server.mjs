// @ts-check
// The production server: Next's request handler behind a plain node:http server, for one reason.
// Rate limits and sign-in lock-outs need the caller's address, and `next start` only fills
// X-Forwarded-For from the socket when the client sent none: any client could name itself anyone.
// Here, unless TRUST_PROXY says a proxy of ours stands in front (and appends the address it saw),
// the X-Forwarded-For and -Host a client sent are replaced by what the socket says. lib/client-address.ts
// reads the result. Everything else is `next start`'s behaviour: listen at once, prepare, and on
// SIGTERM/SIGINT stop accepting, finish what is in flight, close Next and exit 143/130.
//
// Plain JavaScript (checked by `// @ts-check` in editors) so `node server.mjs` needs no TypeScript
// loader in production; it only reads its own few variables.
import { createServer } from 'node:http';

/* eslint-disable no-restricted-properties -- this file starts before lib/env.ts can be loaded */
const port = Number(process.env.PORT || 3000);
// HOSTNAME is often the machine's name in containers: the listening address has its own variable.
const host = process.env.HOST || undefined;
const trustProxy = !['', 'false', '0'].includes((process.env.TRUST_PROXY ?? '').trim());
process.env.KDS_PEER_ADDRESSES = 'socket'; // lib/client-address.ts: X-Forwarded-For is ours, not the client's
process.env.NODE_ENV ||= 'production';
/* eslint-enable no-restricted-properties */

// Imported after NODE_ENV is set: Next reads it as it loads.
const { default: next } = await import('next');

const app = next({ dev: false, dir: import.meta.dirname, port, hostname: host ?? 'localhost' });
const prepared = app.prepare().then(() => app.getRequestHandler());

const server = createServer(async (req, res) => {
  if (!trustProxy) {
    req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
    delete req.headers['x-forwarded-host'];
    // X-Forwarded-Proto stays: `https` there only makes things stricter (Secure cookies, HSTS), which
    // a TLS proxy not named in TRUST_PROXY still needs.
  }
  try {
    const handle = await prepared;
    await handle(req, res);
  } catch (err) {
    console.error(`Failed to handle ${req.method} ${req.url}`, err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  }
});

server.listen(port, host, () => {
  prepared.then(
    () => console.log(`▲ Ready on http://${host ?? 'localhost'}:${port}`),
    (err) => {
      console.error('Next could not start:', err);
      process.exit(1);
    },
  );
});

let stopping = false;
/** @param {NodeJS.Signals} signal */
function stop(signal) {
  if (stopping) return;
  stopping = true;
  // Open event streams close themselves on SIGTERM (lib/live/sse.ts), so close() does not wait on them.
  server.close(() => {
    app
      .close()
      .catch((err) => console.error(err))
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
