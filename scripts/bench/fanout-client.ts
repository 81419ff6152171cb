// The load process of the fan-out bench (scripts/bench/fanout.ts forks it, so its CPU is not the bench's):
// many plain node:http clients reading Server-Sent Events, reconnecting the way a browser's EventSource
// does (after the server's `retry:` delay, with Last-Event-ID). It answers the parent over IPC.
import http from 'node:http';

export type StreamSpec = { path: string; cookie?: string };
export type ToClient =
  | { type: 'open'; base: string; streams: StreamSpec[] }
  | { type: 'mark' }
  | { type: 'collect'; expect: number[]; timeoutMs: number }
  | { type: 'waitReady'; since: number; timeoutMs: number }
  | { type: 'close' }
  | { type: 'summary' };
export type FromClient =
  | { type: 'opened'; ready: number; failed: number }
  | { type: 'marked' }
  | { type: 'collected'; times: number[] }
  | { type: 'reconnected'; ready: number; lastReadyAt: number }
  | { type: 'closed' }
  | { type: 'summary'; dropped: number; orderIds: string[][] };

const wallMs = () => performance.timeOrigin + performance.now();
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

class Stream {
  lastId: string | undefined;
  retryMs = 2_000;
  readyAt = NaN;
  roundAt = NaN;
  dropped = 0;
  orderIds = new Set<string>();
  private req: http.ClientRequest | undefined;
  private closing = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly base: string,
    private readonly spec: StreamSpec,
  ) {}

  connect(): void {
    if (this.closing) return;
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (this.spec.cookie) headers.cookie = this.spec.cookie;
    if (this.lastId) headers['last-event-id'] = this.lastId;
    let done = false;
    let streaming = false;
    const lost = () => {
      if (done || this.closing) return;
      done = true;
      if (streaming) this.dropped++; // the server or the network ended a stream nobody closed
      this.req = undefined;
      this.timer = setTimeout(() => this.connect(), this.retryMs); // EventSource: wait `retry`, then reconnect
    };
    const req = http.get(`${this.base}${this.spec.path}`, { headers, agent }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        res.on('end', lost);
        return;
      }
      streaming = true;
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.onMessage(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      });
      res.on('end', lost);
      res.on('error', lost);
    });
    req.on('error', lost);
    this.req = req;
  }

  private onMessage(block: string): void {
    let event = 'message';
    let data = '';
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data += value;
      else if (field === 'id') this.lastId = value;
      else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    }
    const now = wallMs();
    if (event === 'ready') this.readyAt = now;
    if (event !== 'order') return;
    if (Number.isNaN(this.roundAt)) this.roundAt = now;
    // Kitchen: {event, ticket: {order_id}}; tracker: the order's public view {order_id}.
    const parsed: unknown = JSON.parse(data);
    const holder = parsed && typeof parsed === 'object' && 'ticket' in parsed ? parsed.ticket : parsed;
    if (holder && typeof holder === 'object' && 'order_id' in holder && typeof holder.order_id === 'string')
      this.orderIds.add(holder.order_id);
  }

  close(): void {
    this.closing = true;
    if (this.timer) clearTimeout(this.timer);
    this.req?.destroy();
  }
}

let streams: Stream[] = [];
const send = (msg: FromClient) => process.send?.(msg);

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}

process.on('message', (raw: ToClient) => {
  void (async () => {
    switch (raw.type) {
      case 'open': {
        streams = raw.streams.map((s) => new Stream(raw.base, s));
        // Open in small batches, as tablets and phones would arrive: not one SYN flood.
        for (let i = 0; i < streams.length; i += 50) {
          streams.slice(i, i + 50).forEach((s) => s.connect());
          await new Promise((r) => setTimeout(r, 20));
        }
        await until(() => streams.every((s) => !Number.isNaN(s.readyAt)), 60_000);
        const ready = streams.filter((s) => !Number.isNaN(s.readyAt)).length;
        return send({ type: 'opened', ready, failed: streams.length - ready });
      }
      case 'mark':
        for (const s of streams) s.roundAt = NaN;
        return send({ type: 'marked' });
      case 'collect': {
        await until(() => raw.expect.every((i) => !Number.isNaN(streams[i]?.roundAt ?? NaN)), raw.timeoutMs);
        await new Promise((r) => setTimeout(r, 50)); // anything that should not arrive has a moment to
        return send({ type: 'collected', times: streams.map((s) => s.roundAt) });
      }
      case 'waitReady': {
        const fresh = (s: Stream) => s.readyAt > raw.since;
        await until(() => streams.every(fresh), raw.timeoutMs);
        const ready = streams.filter(fresh);
        return send({
          type: 'reconnected',
          ready: ready.length,
          lastReadyAt: Math.max(...ready.map((s) => s.readyAt)),
        });
      }
      case 'close':
        for (const s of streams) s.close();
        return send({ type: 'closed' });
      case 'summary':
        return send({
          type: 'summary',
          dropped: streams.reduce((n, s) => n + s.dropped, 0),
          orderIds: streams.map((s) => [...s.orderIds]),
        });
    }
  })();
});
process.on('disconnect', () => process.exit(0));
