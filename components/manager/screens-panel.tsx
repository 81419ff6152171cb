'use client';
// Manager → Screens: every kitchen screen with its last heartbeat, whether it keeps up with the event
// log, and how long an order may go unshown before the alarm sounds everywhere.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MissingOrderAlarmBanner } from '@/components/ui/missing-order-alarm';
import { cn } from '@/components/ui/cn';
import { sendJson } from '@/lib/client/fetch';
import { screenKeys, screensQuery } from '@/lib/client/queries';
import { screensOverviewSchema, type ScreenView } from '@/lib/client/screens';
import { Button, Card, LoadError, Loading, Notice, PageHeader, Stepper } from './ui';

const ago = (ms: number) =>
  ms < 90_000
    ? `${Math.max(0, Math.round(ms / 1000))} s ago`
    : ms < 90 * 60_000
      ? `${Math.round(ms / 60_000)} min ago`
      : `${Math.round(ms / 3_600_000)} h ago`;

function ScreenRow({ s, now }: { s: ScreenView; now: number }) {
  const state = s.silent
    ? { label: 'Silent', tone: 'bg-red-600 text-white' }
    : s.in_sync === false
      ? { label: 'Out of sync', tone: 'bg-amber-400 text-black' }
      : { label: 'Live', tone: 'bg-emerald-500/20 text-emerald-200' };
  return (
    <li
      data-testid="screen"
      data-screen-id={s.id}
      data-silent={s.silent}
      className={cn(
        'flex flex-wrap items-center gap-x-5 gap-y-2 rounded-xl p-4 ring-1',
        s.silent ? 'bg-red-950/30 ring-red-500/50' : 'bg-zinc-950/60 ring-zinc-800',
      )}
    >
      <span className={cn('rounded-lg px-2.5 py-1 text-sm font-black', state.tone)}>{state.label}</span>
      <div className="min-w-0 flex-1">
        <p className="text-lg font-bold">{s.name}</p>
        <p className="text-sm text-zinc-400">
          {s.device ?? 'Unknown device'} · id {s.id.slice(0, 8)}
        </p>
      </div>
      <dl className="grid grid-cols-3 gap-x-6 text-sm">
        <dt className="text-zinc-400">Last heartbeat</dt>
        <dt className="text-zinc-400">Showing</dt>
        <dt className="text-zinc-400">Events behind</dt>
        <dd className="text-lg font-bold tabular-nums">{ago(now - s.last_seen_at)}</dd>
        <dd className="text-lg font-bold tabular-nums">{s.showing} tickets</dd>
        <dd className="text-lg font-bold tabular-nums">{s.behind}</dd>
      </dl>
    </li>
  );
}

function ThresholdForm({ saved }: { saved: number }) {
  const queryClient = useQueryClient();
  const [edit, setEdit] = useState<number | null>(null);
  const save = useMutation({
    mutationFn: async (seconds: number) => {
      const res = await sendJson(
        'PUT',
        '/api/screens/settings',
        { missing_order_seconds: seconds },
        screensOverviewSchema,
      );
      if (!res.ok) throw new Error(res.error.message);
      return res.data;
    },
    onSuccess: (data) => {
      queryClient.setQueryData(screenKeys.all, data);
      setEdit(null);
    },
  });
  const value = edit ?? saved;
  return (
    <Card
      title="Missing-order alarm"
      description="An open order that no kitchen screen has shown for this long sounds the alarm on every screen and here, naming the order and the quiet screens."
    >
      <div className="flex flex-wrap items-end gap-4">
        <div className="w-72">
          <Stepper label="Alarm after" unit="s" value={value} step={5} min={5} max={600} onChange={setEdit} />
        </div>
        {edit !== null && edit !== saved && (
          <Button tone="primary" disabled={save.isPending} onClick={() => save.mutate(edit)}>
            Save
          </Button>
        )}
      </div>
      {save.isError && (
        <div className="mt-3">
          <Notice tone="error">{save.error.message}</Notice>
        </div>
      )}
    </Card>
  );
}

export function ScreensPanel() {
  const q = useQuery(screensQuery());
  const data = q.data;
  return (
    <>
      <PageHeader title="Screens">
        Every kitchen screen reports in every few seconds. A quiet one, or an order no screen has shown, raises the
        alarm.
      </PageHeader>
      {q.isPending && <Loading what="screens" />}
      {q.isError && <LoadError error={q.error} retry={() => void q.refetch()} />}
      {data && (
        <div className="space-y-6">
          {data.alarm && <MissingOrderAlarmBanner alarm={data.alarm} now={data.server_time} className="rounded-2xl" />}
          <Card title="Kitchen screens" testId="screens">
            {data.screens.length === 0 ? (
              <p className="text-zinc-400">
                No kitchen screen has reported today. Open /kitchen on the kitchen&apos;s tablets.
              </p>
            ) : (
              <ul className="space-y-3">
                {data.screens.map((s) => (
                  <ScreenRow key={s.id} s={s} now={data.server_time} />
                ))}
              </ul>
            )}
          </Card>
          <ThresholdForm saved={data.missing_order_seconds} />
        </div>
      )}
    </>
  );
}
