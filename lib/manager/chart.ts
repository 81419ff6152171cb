// Chart arithmetic, pure so the charts' scales are tested without a browser.

/** The smallest 1, 2 or 5 × 10^n at or above `n` (at least 1): a y-axis top that reads well. */
export function niceCeil(n: number): number {
  if (!(n > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}

/** Evenly spaced ticks from 0 to `top` (inclusive), at most `count + 1` of them, whole numbers only. */
export function ticks(top: number, count = 4): number[] {
  const step = Math.max(1, Math.ceil(top / count));
  const out: number[] = [];
  for (let v = 0; v <= top; v += step) out.push(v);
  return out;
}

/**
 * The hours a day chart shows: from the first to the last hour with orders, widened around them to
 * at least `minSpan` hours (a quiet day still reads as a day), within 0–23. Empty when nothing sold.
 */
export function hourWindow(
  counts: ReadonlyArray<{ hour: number; total: number }>,
  minSpan = 8,
): { from: number; to: number } | null {
  const busy = counts.filter((c) => c.total > 0).map((c) => c.hour);
  if (busy.length === 0) return null;
  let from = Math.min(...busy);
  let to = Math.max(...busy);
  while (to - from + 1 < minSpan) {
    if (from > 0) from--;
    if (to - from + 1 < minSpan && to < 23) to++;
    if (from === 0 && to === 23) break;
  }
  return { from, to };
}
