'use client';
// The kitchen's top bar: the stations, what is 86'd, and at a glance from across the kitchen the
// alerts, the pace, how many tickets are late and whether the screen is live; then sound, Recall, help.
import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import type { KitchenBoardData } from '@/lib/client/queries';
import type { KitchenPace } from '@/lib/client/screens';
import type { StreamHealth } from '@/lib/client/live';
import { ageLevel, formatAge, STATION_LABEL, STATIONS, type Station } from '@/lib/orders/kitchen';
import { isOpen } from '@/lib/orders/status';

export function KitchenHeader(props: {
  station: Station;
  staffName: string;
  data: KitchenBoardData | undefined;
  now: number;
  alerts: { pending: number; newCount: number; escalated: boolean };
  /** Tapping the alert badge silences the new tickets. */
  onSilence: () => void;
  pace: KitchenPace | null;
  health: StreamHealth;
  sound: boolean;
  onSound: () => void;
  onRecall: () => void;
  onHelp: () => void;
}) {
  const { station, data, now, alerts, pace, health } = props;
  const lateCount = (data?.tickets ?? []).filter(
    (t) => isOpen(t.status) && ageLevel(t.created_at, now, data!.aging) === 'late',
  ).length;
  const eightySixed = (data?.menu ?? []).filter((o) => !o.in_stock);
  return (
    <header className="flex h-16 shrink-0 items-center gap-3 border-b border-zinc-800 px-4">
      <h1 className="text-2xl font-black">Kitchen</h1>
      <nav aria-label="Stations" className="flex gap-1 rounded-xl bg-zinc-900 p-1">
        {STATIONS.map((s) => (
          <Link
            key={s}
            href={s === 'all' ? '/kitchen' : `/kitchen?station=${s}`}
            aria-current={s === station ? 'page' : undefined}
            className={cn(
              'flex min-h-12 items-center rounded-lg px-4 text-lg font-bold',
              s === station ? 'bg-white text-black' : 'text-zinc-300 hover:bg-zinc-800',
            )}
          >
            {STATION_LABEL[s]}
          </Link>
        ))}
      </nav>
      {eightySixed.length > 0 && (
        <p
          data-testid="kitchen-86"
          className="min-w-0 truncate rounded-lg bg-red-950 px-3 py-1 font-bold text-red-200"
          title={eightySixed.map((o) => o.label).join(', ')}
        >
          86: {eightySixed.map((o) => o.label).join(', ')}
        </p>
      )}
      <div className="ml-auto flex items-center gap-2">
        {alerts.pending > 0 && (
          <button
            type="button"
            data-testid="alert-badge"
            data-pending={alerts.pending}
            data-escalated={alerts.escalated}
            onClick={() => props.onSilence()}
            title="New tickets alert until tapped (this silences them); changes and cancels until Got it on the ticket"
            className={cn(
              'flex min-h-12 animate-pulse items-center gap-2 rounded-xl px-3 font-black whitespace-nowrap',
              alerts.escalated ? 'bg-red-600 text-white' : 'bg-white text-black',
            )}
          >
            <svg
              aria-hidden
              viewBox="0 0 24 24"
              className="h-5 w-5"
              fill="none"
              stroke="currentColor"
              strokeWidth={2.5}
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8m4.3 12a2 2 0 0 0 3.4 0" />
            </svg>
            {alerts.pending === 1 ? '1 alert' : `${alerts.pending} alerts`}
            {alerts.newCount > 0 ? ' · silence new' : ''}
          </button>
        )}
        <p
          data-testid="kitchen-pace"
          className="hidden items-baseline gap-1.5 whitespace-nowrap text-zinc-300 lg:flex"
          title={`Average time from order to ready over the last hour${pace ? ` (${pace.finished} tickets)` : ''}`}
        >
          <span className="text-sm font-semibold uppercase">Avg</span>
          <span className="text-xl font-black tabular-nums text-white">
            {pace?.avg_ticket_ms != null ? formatAge(pace.avg_ticket_ms) : '—'}
          </span>
        </p>
        <span
          data-testid="kitchen-late-count"
          data-count={lateCount}
          className={cn(
            'rounded-full px-3 py-1 text-sm font-black whitespace-nowrap',
            lateCount > 0 ? 'bg-age-late text-white' : 'bg-zinc-800 text-zinc-400',
          )}
        >
          {lateCount} late
        </span>
        <span
          data-testid="connection"
          data-state={health.state}
          className={cn(
            'rounded-full px-3 py-1 text-sm font-bold whitespace-nowrap',
            health.state === 'live' ? 'bg-emerald-500/20 text-emerald-300' : 'bg-amber-500/20 text-amber-200',
          )}
        >
          {health.state === 'live' ? '● Live' : health.state === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
        </span>
        {!props.sound && (
          <button
            type="button"
            onClick={() => props.onSound()}
            className="min-h-12 rounded-xl bg-amber-400 px-4 font-black whitespace-nowrap text-black"
          >
            Turn sound on
          </button>
        )}
        <button
          type="button"
          onClick={() => props.onRecall()}
          className="min-h-12 rounded-xl bg-zinc-800 px-4 font-bold hover:bg-zinc-700"
        >
          Recall
        </button>
        <button
          type="button"
          aria-label="Keyboard help"
          onClick={() => props.onHelp()}
          className="min-h-12 min-w-12 rounded-xl bg-zinc-800 font-black hover:bg-zinc-700"
        >
          ?
        </button>
        <span className="hidden text-sm text-zinc-400 xl:inline">{props.staffName}</span>
      </div>
    </header>
  );
}
