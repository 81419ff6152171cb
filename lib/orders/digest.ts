// A cheap digest of the tickets a screen holds (id and version of each), computed the same way by the
// server and by the screen's browser: when they differ while no event is in flight, the screen has
// missed something and refetches.

/** FNV-1a (32-bit) over the sorted "id:version" pairs, as 8 hex digits. */
export function ticketDigest(tickets: ReadonlyArray<{ order_id: string; version: number }>): string {
  const text = tickets
    .map((t) => `${t.order_id}:${t.version}`)
    .sort()
    .join(',');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
