// Large request bodies for the body-limit tests, sent the way an attacker would: streamed in chunks
// (node:http, so the answer is read even when the server refuses mid-body and closes the connection,
// where fetch would only report the broken pipe).
import fs from 'node:fs';
import http from 'node:http';

export type Answer = { status: number; headers: http.IncomingHttpHeaders; text: string };

/**
 * POSTs (or `method`s) `bytes` bytes of `fill` in 64 KiB chunks: with Content-Length when `declared`,
 * else chunked (no length known up front). Resolves with the answer, whenever it comes.
 */
export function sendLarge(
  url: string,
  opts: { bytes: number; declared: boolean; method?: string; headers?: Record<string, string>; fill?: number },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'Content-Type': 'application/json', ...opts.headers };
    if (opts.declared) headers['Content-Length'] = opts.bytes;
    else headers['Transfer-Encoding'] = 'chunked';
    const req = http.request(url, { method: opts.method ?? 'POST', headers, agent: false });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
        req.destroy();
      });
      res.on('error', reject);
    });
    // Once the server has answered, the rest of the body meets a closed socket: expected, not a failure.
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    const chunk = Buffer.alloc(64 * 1024, opts.fill ?? 0x20);
    let sent = 0;
    // With a declared length, the headers go first and the body only if no answer comes within a
    // second: a server that refuses on the length alone answers at once and closes, and a body still
    // being written then would meet a reset that can swallow the answer (so would a real client's).
    if (opts.declared) {
      req.flushHeaders();
      setTimeout(write, 1_000);
    } else write();
    return;
    function write(): void {
      while (sent < opts.bytes && !answered && !req.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, opts.bytes - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', write);
      }
      if (!req.destroyed && !answered) req.end();
    }
  });
}

/** A process's resident memory in MB (VmRSS in /proc/{pid}/status). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for process ${pid}`);
  return Number(m[1]) / 1024;
}
