// Server-Sent Events plumbing: one stream per subscriber, a `ping` event every 15 s (an event, not a
// comment, so browsers can tell a silent dead connection from a quiet kitchen), and the headers
// that keep Next from gzipping or buffering the stream (design.md "Live updates").
/** `json`, when given, is `data` already serialised (one change's frame is shared by many streams). */
export type SseMessage = { id?: number; event: string; data: unknown; json?: string };
export type Send = (msg: SseMessage) => void;

const encoder = new TextEncoder();
export const HEARTBEAT_MS = 15_000;
/** What EventSource waits before reconnecting: RETRY_MS plus up to RETRY_JITTER_MS, per stream. */
export const RETRY_MS = 1_000;
export const RETRY_JITTER_MS = 500;

// Open streams never end by themselves, and `next start` waits for every connection to close before
// it exits on SIGTERM: a supervisor would wait out its whole timeout. On SIGTERM every stream is
// closed (clients reconnect to the next server and resume by Last-Event-ID). One registry per
// process, on globalThis like the feed.
const STREAMS = Symbol.for('kds.sse.streams');
const registry = globalThis as unknown as { [STREAMS]?: Set<() => void> };
function openStreams(): Set<() => void> {
  if (!registry[STREAMS]) {
    const streams = (registry[STREAMS] = new Set());
    process.once('SIGTERM', () => {
      for (const close of [...streams]) close();
    });
  }
  return registry[STREAMS];
}

export function formatSse(msg: SseMessage): string {
  const id = msg.id !== undefined ? `id: ${msg.id}\n` : '';
  return `${id}event: ${msg.event}\ndata: ${msg.json ?? JSON.stringify(msg.data)}\n\n`;
}

/**
 * A text/event-stream response. `start` begins sending and returns its clean-up, which runs when the
 * client goes away (the request's signal aborts) or the stream is cancelled; so does `onClose` (a
 * public stream's hold on its address's open-stream allowance), even when `start` fails.
 */
export function sseResponse(
  signal: AbortSignal,
  start: (send: Send) => Promise<() => void>,
  onClose?: () => void,
): Response {
  let cleanup: (() => void) | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  const stop = () => {
    if (closed) return;
    closed = true;
    if (timer) clearInterval(timer);
    if (endStream) openStreams().delete(endStream);
    cleanup?.();
    onClose?.();
  };
  let endStream: (() => void) | undefined;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      endStream = () => {
        stop();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      openStreams().add(endStream);
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      signal.addEventListener('abort', () => {
        stop();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      });
      // Reconnect quickly (a kitchen must not wait long for its tickets), spread over half a second so
      // a restarted server is not met by every screen in the same instant.
      write(`retry: ${RETRY_MS + Math.floor(Math.random() * RETRY_JITTER_MS)}\n\n`);
      timer = setInterval(() => write(formatSse({ event: 'ping', data: { server_time: Date.now() } })), HEARTBEAT_MS);
      try {
        const unsubscribe = await start((msg) => write(formatSse(msg)));
        if (closed) unsubscribe();
        else cleanup = unsubscribe;
      } catch (err) {
        console.error('live stream failed to start', err);
        stop();
        controller.close();
      }
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}

/** Where a (re)connecting client left off: the Last-Event-ID header, else `?since=`. */
export function resumePoint(req: Request): number | undefined {
  const raw = req.headers.get('last-event-id') ?? new URL(req.url).searchParams.get('since');
  if (raw === null || !/^\d{1,15}$/.test(raw.trim())) return undefined;
  return Number(raw);
}
