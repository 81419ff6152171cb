// Wakes the outbox worker when a call to KitchenHub was just queued, so it goes now rather than on the
// next job tick. The worker registers itself on globalThis (it runs in instrumentation's module copy;
// route handlers and Server Actions have their own copies of this module).
const KEY = Symbol.for('kds.outbox.kick');
const holder = globalThis as unknown as { [KEY]?: () => void };

export function kickOutbox(): void {
  holder[KEY]?.();
}

export function onOutboxKick(wake: () => void): void {
  holder[KEY] = wake;
}
