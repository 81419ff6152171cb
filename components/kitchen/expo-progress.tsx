'use client';
// Expo sees what is still on its way to it, with each ticket's progress (stations, items done, rush).
import { useMemo } from 'react';
import { cn } from '@/components/ui/cn';
import type { Ticket } from '@/lib/client/schemas';
import { isBeingMade, needsToast, STATUS } from '@/lib/orders/status';

export function ExpoProgress({ tickets }: { tickets: readonly Ticket[] }) {
  const coming = useMemo(() => tickets.filter((t) => isBeingMade(t.status)), [tickets]);
  if (coming.length === 0) return null;
  return (
    <section
      aria-label="Still in the kitchen"
      data-testid="expo-progress"
      className="mb-3 flex flex-wrap gap-2 rounded-2xl bg-zinc-900 p-2"
    >
      <h2 className="self-center px-2 text-sm font-black tracking-wide text-zinc-400 uppercase">Coming</h2>
      {coming.map((t) => (
        <span
          key={t.order_id}
          data-testid={`expo-progress-${t.order_id}`}
          className="flex items-baseline gap-2 rounded-xl bg-zinc-800 px-3 py-1.5"
        >
          <span className="text-xl font-black">#{t.daily_number}</span>
          <StationTrail ticket={t} />
          {t.items && t.items.length > 1 && (
            <span className="font-black text-emerald-300">
              {t.items_done.length}/{t.items.length}
            </span>
          )}
          {t.rush && <span className="rounded bg-white px-1.5 text-sm font-black text-black">RUSH</span>}
        </span>
      ))}
    </section>
  );
}

/** Where a ticket is on its way to expo: each station done (✓), at work (●) or still to come. */
function StationTrail({ ticket }: { ticket: Ticket }) {
  const toasted = needsToast(ticket.toast);
  const steps: Array<{ name: string; state: 'done' | 'now' | 'next' }> = [
    {
      name: 'Prep',
      state: ticket.status === STATUS.queued ? 'next' : ticket.status === STATUS.prepping ? 'now' : 'done',
    },
    ...(toasted
      ? [
          {
            name: 'Toaster',
            state:
              ticket.status === STATUS.toasting
                ? ('now' as const)
                : ticket.status === STATUS.ready
                  ? ('done' as const)
                  : ('next' as const),
          },
        ]
      : []),
  ];
  return (
    <span className="flex items-baseline gap-1.5 text-sm font-bold">
      {steps.map((s) => (
        <span
          key={s.name}
          data-step={s.name}
          data-state={s.state}
          className={cn(
            'rounded px-1.5',
            s.state === 'done'
              ? 'bg-emerald-500/25 text-emerald-200'
              : s.state === 'now'
                ? 'bg-white text-black'
                : 'text-zinc-400',
          )}
        >
          {s.state === 'done' ? '✓ ' : s.state === 'now' ? '● ' : ''}
          {s.name}
        </span>
      ))}
    </span>
  );
}
