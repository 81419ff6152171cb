'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import { useLiveStream } from '@/lib/client/live';
import { pickupBoardQuery, publicKeys } from '@/lib/client/queries';
import { boardEntrySchema, type BoardEntry, type PickupBoard } from '@/lib/client/schemas';
import { boardColumns, isJustReady, POLL_MS, serverNow, upsertBoardEntry, type Fresh } from '@/lib/client/tracking';
import styles from './board.module.css';
import { useNow } from './use-now';
import { useWakeLock } from '@/components/ui/use-wake-lock';

// Tiles that fit at 1920×1080 at a size readable from across the lobby; the rest are counted.
const PREPARING_MAX = 12;
const READY_MAX = 12;

/** The lobby's pickup board: big numbers and first names, Preparing and Ready, live. */
export function PickupBoardScreen({ initial }: { initial: PickupBoard }) {
  const queryClient = useQueryClient();
  // The stream starts where the server-rendered board left off; the browser resumes by Last-Event-ID.
  const [startSeq] = useState(initial.seq);
  const health = useLiveStream({
    url: `/api/board/events?since=${startSeq}`,
    events: ['order'],
    onMessage: (_name, data) => {
      const entry = boardEntrySchema.parse(data);
      queryClient.setQueryData<Fresh<PickupBoard>>(
        publicKeys.pickupBoard(),
        (b) => b && { ...b, data: upsertBoardEntry(b.data, entry) },
      );
    },
    onResync: () => void queryClient.invalidateQueries({ queryKey: publicKeys.pickupBoard() }),
  });
  const board = useQuery({
    ...pickupBoardQuery(),
    initialData: { data: initial, etag: null, receivedAt: initial.server_time },
    refetchInterval: health.state === 'live' ? false : POLL_MS, // while the stream is down, poll (304 when nothing changed)
  });
  const now = useNow();
  const clock = now === null ? null : serverNow(board.data, now);
  const { preparing, ready } = boardColumns(board.data.data.entries);

  useWakeLock();

  return (
    <main className="flex h-[calc(100dvh_-_var(--demo-banner,0px))] flex-col gap-6 overflow-hidden bg-zinc-950 px-10 py-8">
      <header className="flex items-end justify-between gap-8">
        <div>
          <p className="text-2xl font-bold tracking-widest text-amber-300 uppercase">PB&amp;J Kitchen</p>
          <h1 className="text-6xl font-black">Pickup board</h1>
        </div>
        <p className="pb-1 text-3xl text-zinc-300">Watch for your number, then come to the counter.</p>
        <div className="flex flex-col items-end gap-1">
          <p className="text-5xl font-black text-white tabular-nums">
            {now === null ? '\u00a0' : new Date(now).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' })}
          </p>
          <p
            data-testid="board-connection"
            data-state={health.state}
            className={cn('text-lg', health.state === 'reconnecting' ? 'text-amber-200' : 'text-zinc-400')}
          >
            {health.state === 'reconnecting' ? 'Reconnecting…' : health.state === 'live' ? '● Live' : 'Connecting…'}
          </p>
        </div>
      </header>

      <div className="grid min-h-0 flex-1 grid-cols-2 gap-8">
        <Column
          id="preparing"
          title="Preparing"
          entries={preparing}
          max={PREPARING_MAX}
          empty="No orders in the kitchen right now."
          clock={clock}
        />
        <Column
          id="ready"
          title="Ready"
          entries={ready}
          max={READY_MAX}
          empty="Nothing waiting for pickup."
          clock={clock}
        />
      </div>
    </main>
  );
}

function Column(props: {
  id: 'preparing' | 'ready';
  title: string;
  entries: BoardEntry[];
  max: number;
  empty: string;
  clock: number | null;
}) {
  const ready = props.id === 'ready';
  const shown = props.entries.length > props.max ? props.entries.slice(0, props.max - 1) : props.entries;
  const more = props.entries.length - shown.length;
  return (
    <section
      aria-labelledby={`board-${props.id}-title`}
      data-testid={`board-${props.id}`}
      className={cn(
        'flex min-h-0 flex-col rounded-[2rem] p-6',
        ready ? 'bg-emerald-950 ring-2 ring-emerald-700' : 'bg-zinc-900 ring-1 ring-zinc-800',
      )}
    >
      <h2
        id={`board-${props.id}-title`}
        className={cn('flex items-baseline gap-4 text-5xl font-black', ready ? 'text-emerald-300' : 'text-zinc-100')}
      >
        {props.title}
        <span className="text-3xl font-bold text-zinc-300 tabular-nums">
          {props.entries.length > 0 ? props.entries.length : ''}
        </span>
      </h2>
      {props.entries.length === 0 ? (
        <p className="mt-8 text-3xl text-zinc-400">{props.empty}</p>
      ) : (
        <ul className="mt-6 grid grid-cols-3 content-start gap-5">
          {shown.map((e) => {
            const fresh = props.clock !== null && isJustReady(e, props.clock);
            return (
              <li
                key={e.key}
                data-testid={`board-entry-${e.daily_number}`}
                data-fresh={fresh ? 'true' : 'false'}
                className={cn(
                  'flex h-[10.5rem] flex-col justify-center rounded-3xl px-6',
                  ready ? 'bg-emerald-400 text-black' : 'bg-zinc-800 text-white',
                  fresh && cn('bg-white', styles.justReady),
                )}
              >
                {fresh && (
                  <span className="text-base leading-6 font-black tracking-widest text-emerald-800 uppercase">
                    Just ready
                  </span>
                )}
                <span className="text-8xl leading-none font-black tabular-nums">{e.daily_number}</span>
                <span className="mt-1 truncate text-4xl font-bold">{e.name ?? '\u00a0'}</span>
              </li>
            );
          })}
          {more > 0 && (
            <li className="flex h-[10.5rem] items-center justify-center rounded-3xl border-2 border-dashed border-zinc-600 px-6 text-3xl font-bold text-zinc-300">
              +{more} more
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
