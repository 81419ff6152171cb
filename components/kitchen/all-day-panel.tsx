import type { productionCounts } from '@/lib/orders/kitchen';
import type { Label } from './types';

const GROUP: Record<string, string> = {
  bread: 'Bread',
  peanut_butter: 'Peanut butter',
  jelly: 'Jelly',
  extras: 'Extras',
  items: 'Delivery items',
};

/** "All day": what is still to make across the open tickets, by component. */
export function AllDayPanel({
  counts,
  production,
  label,
}: {
  counts: Array<{ group: string; name: string; count: number }>;
  production: ReturnType<typeof productionCounts>;
  label: Label;
}) {
  const groups = [...new Set(counts.map((c) => c.group))];
  const needs = [
    ['bread', 'slices of bread', production.breadSlices],
    ['peanut-butter', 'PB portions', production.peanutButter],
    ['jelly', 'jelly portions', production.jelly],
    ['toasts', 'toasts', production.toasts],
    ['extras', 'extras', production.extras],
  ] as const;
  return (
    <aside
      aria-labelledby="all-day-title"
      data-testid="all-day"
      tabIndex={0}
      className="hidden w-60 shrink-0 overflow-y-auto border-l border-zinc-800 bg-zinc-900/60 p-3 lg:block"
    >
      {production.sandwiches > 0 && (
        <section
          data-testid="production"
          aria-labelledby="production-title"
          className="mb-4 rounded-xl bg-zinc-800/70 p-3"
        >
          <h2 id="production-title" className="text-sm font-black tracking-wide text-zinc-300 uppercase">
            To make: {production.sandwiches} {production.sandwiches === 1 ? 'sandwich' : 'sandwiches'}
          </h2>
          <ul className="mt-1 space-y-0.5">
            {needs
              .filter(([, , n]) => n > 0)
              .map(([key, what, n]) => (
                <li
                  key={key}
                  data-need={key}
                  data-count={n}
                  className="flex items-baseline justify-between gap-2 text-lg"
                >
                  <span>{what}</span>
                  <span className="font-black tabular-nums">{n}</span>
                </li>
              ))}
          </ul>
        </section>
      )}
      <h2 id="all-day-title" className="text-lg font-black tracking-wide text-zinc-300 uppercase">
        All day
      </h2>
      {counts.length === 0 && <p className="mt-2 text-zinc-400">Nothing to make.</p>}
      {groups.map((g) => (
        <section key={g} className="mt-3">
          <h3 className="text-sm font-bold text-zinc-400 uppercase">{GROUP[g] ?? g}</h3>
          <ul className="mt-1 space-y-0.5">
            {counts
              .filter((c) => c.group === g)
              .map((c) => (
                <li key={c.name} className="flex items-baseline justify-between gap-2 text-lg">
                  <span className="truncate">{g === 'items' ? c.name : label(g, c.name)}</span>
                  <span className="font-black tabular-nums">{c.count}</span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
