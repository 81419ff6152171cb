// What a test file started (servers, fake KitchenHubs) is closed after the file by test/setup.ts, even
// when a test failed half-way or never stopped it itself.

const open = new Set<{ order: number; close: () => Promise<unknown> }>();

/**
 * Closes `close`'s thing after the test file, in `order` (servers 0, then what they call: a fake
 * KitchenHub 1). Returns a function that forgets it (it was closed already).
 */
export function closeAfterFile(close: () => Promise<unknown>, order = 0): () => void {
  const entry = { order, close };
  open.add(entry);
  return () => void open.delete(entry);
}

/** Closes everything the file left open (test/setup.ts's afterAll). */
export async function closeEverything(): Promise<void> {
  const entries = [...open];
  open.clear();
  for (const order of [...new Set(entries.map((e) => e.order))].sort((a, b) => a - b))
    await Promise.all(entries.filter((e) => e.order === order).map((e) => e.close()));
}
