// A small Server-Sent Events reader for API tests: fetches the stream and hands back parsed messages.
export type SseEvent = { id?: string; event: string; data: unknown };

export class SseReader {
  private buffer = '';
  private events: SseEvent[] = [];
  private waiters: Array<() => void> = [];
  readonly headers: Headers;
  private constructor(
    private readonly res: Response,
    private readonly controller: AbortController,
  ) {
    this.headers = res.headers;
    void this.pump();
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
    const controller = new AbortController();
    const res = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: controller.signal });
    if (!res.ok) throw Object.assign(new Error(`stream answered ${res.status}`), { status: res.status });
    return new SseReader(res, controller);
  }

  private async pump() {
    const reader = this.res.body!.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        this.buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = this.buffer.indexOf('\n\n')) >= 0) {
          const block = this.buffer.slice(0, cut);
          this.buffer = this.buffer.slice(cut + 2);
          const msg: SseEvent = { event: 'message', data: undefined };
          let hasData = false;
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) msg.id = line.slice(4);
            else if (line.startsWith('event: ')) msg.event = line.slice(7);
            else if (line.startsWith('data: ')) {
              msg.data = JSON.parse(line.slice(6));
              hasData = true;
            }
          }
          if (hasData) {
            this.events.push(msg);
            this.waiters.splice(0).forEach((w) => w());
          }
        }
      }
    } catch {
      /* aborted */
    }
  }

  /** Waits for the first message (from the start of the stream) matching `pred`. */
  async next(pred: (e: SseEvent) => boolean, timeoutMs = 5_000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(pred);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no matching event within ${timeoutMs} ms; got ${JSON.stringify(this.events.map((e) => e.event))}`,
        );
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, left);
      });
    }
  }

  all(): SseEvent[] {
    return [...this.events];
  }

  close() {
    this.controller.abort();
  }
}
