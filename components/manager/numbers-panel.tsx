'use client';
// Numbers: a business day from the order event log, as charts a manager can take in at a glance.
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { numbersQuery } from '@/lib/client/queries';
import type { DayNumbers } from '@/lib/client/schemas';
import { formatDay, formatDuration, shiftDay } from '@/lib/manager/format';
import { BarList, HourlyChart, StepStrip, TicketTimeChart } from './charts';
import { Button, Card, LoadError, Loading, PageHeader } from './ui';

const STEP: Record<DayNumbers['per_status'][number]['status'], { label: string; color: string }> = {
  queued: { label: 'Waiting to start', color: 'bg-sky-500' },
  prepping: { label: 'Prepping', color: 'bg-violet-500' },
  toasting: { label: 'Toasting', color: 'bg-orange-500' },
  ready: { label: 'Ready, at pickup', color: 'bg-emerald-500' },
  delivered: { label: 'Delivered', color: 'bg-zinc-500' },
  canceled: { label: 'Canceled', color: 'bg-red-500' },
};
const CANCEL_COLOR: Record<DayNumbers['canceled']['by'][number]['kind'], string> = {
  customer: 'bg-sky-500',
  kitchen: 'bg-red-500',
  provider: 'bg-amber-400',
  unknown: 'bg-zinc-500',
};
const GROUP_TITLE: Record<DayNumbers['items'][number]['group'], string> = {
  bread: 'Breads',
  peanut_butter: 'Peanut butters',
  jelly: 'Jellies',
  toast: 'Toast',
  cut: 'Cuts',
  extras: 'Extras',
  delivery: 'Delivery-app items',
};

function Tile({
  label,
  value,
  sub,
  tone,
  testId,
}: {
  label: string;
  value: string;
  sub?: string;
  tone?: 'bad' | 'good';
  testId: string;
}) {
  return (
    <div data-testid={testId} className="rounded-2xl border border-zinc-800 bg-zinc-900/70 px-4 py-3">
      <p className="text-sm font-semibold text-zinc-400">{label}</p>
      <p
        data-testid="tile-value"
        className={cn(
          'mt-1 text-3xl font-black whitespace-nowrap tabular-nums',
          tone === 'bad' && 'text-red-300',
          tone === 'good' && 'text-emerald-300',
        )}
      >
        {value}
      </p>
      {sub && <p className="mt-0.5 truncate text-sm text-zinc-400">{sub}</p>}
    </div>
  );
}

function DayPicker({ data, onPick }: { data: DayNumbers; onPick: (date: string | null) => void }) {
  const isToday = data.date === data.today;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button aria-label="Previous day" onClick={() => onPick(shiftDay(data.date, -1))} className="w-12 px-0 text-xl">
        ‹
      </Button>
      <label className="sr-only" htmlFor="numbers-date">
        Business day
      </label>
      <input
        id="numbers-date"
        type="date"
        value={data.date}
        max={data.today}
        onChange={(e) => e.target.value && onPick(e.target.value === data.today ? null : e.target.value)}
        className="h-12 rounded-xl border border-zinc-700 bg-zinc-950 px-3 text-lg font-semibold text-zinc-100 [color-scheme:dark]"
      />
      <Button
        aria-label="Next day"
        disabled={isToday}
        onClick={() => onPick(shiftDay(data.date, 1) >= data.today ? null : shiftDay(data.date, 1))}
        className="w-12 px-0 text-xl"
      >
        ›
      </Button>
      {!isToday && <Button onClick={() => onPick(null)}>Today</Button>}
      <a
        href={`/api/manager/numbers/csv?date=${data.date}`}
        download
        className="inline-flex min-h-12 items-center gap-2 rounded-xl bg-zinc-800 px-5 font-bold hover:bg-zinc-700"
      >
        ⤓ CSV
      </a>
    </div>
  );
}

export function NumbersPanel({ date }: { date: string | null }) {
  const router = useRouter();
  const numbers = useQuery({ ...numbersQuery(date), placeholderData: (previous) => previous });
  const pick = (day: string | null) =>
    router.replace(day ? `/manager/numbers?date=${day}` : '/manager/numbers', { scroll: false });
  const data = numbers.data;
  const title = !data
    ? 'Numbers'
    : data.date === data.today
      ? "Today's numbers"
      : `Numbers for ${formatDay(data.date)}`;
  const t = data?.totals;
  const steps = (data?.per_status ?? []).filter((s) => s.tickets > 0);
  const clock = (ms: number) =>
    new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', timeZone: data?.time_zone });

  return (
    <>
      <PageHeader title={title} actions={data && <DayPicker data={data} onPick={pick} />}>
        {data
          ? `Business day ${data.date} (${data.time_zone}), from the order log.${data.date === data.today ? ' Updates every 30 seconds.' : ''}`
          : 'From the order log.'}
      </PageHeader>
      {numbers.isPending && <Loading what="the numbers" />}
      {numbers.isError && <LoadError error={numbers.error} retry={() => void numbers.refetch()} />}
      {data && t && (
        <div
          className={cn('flex flex-col gap-5 transition-opacity', numbers.isPlaceholderData && 'opacity-60')}
          aria-busy={numbers.isPlaceholderData}
        >
          <div className="grid grid-cols-5 gap-3">
            <Tile
              testId="tile-orders"
              label="Orders"
              value={String(t.orders)}
              sub={`${t.api} app · ${t.kitchenhub} delivery`}
            />
            <Tile
              testId="tile-median"
              label="Median ticket"
              value={formatDuration(data.ticket_time.median_ms)}
              sub={`${data.ticket_time.count} made`}
            />
            <Tile
              testId="tile-p90"
              label="90% ready within"
              value={formatDuration(data.ticket_time.p90_ms)}
              sub={data.ticket_time.max_ms === null ? undefined : `slowest ${formatDuration(data.ticket_time.max_ms)}`}
            />
            <Tile
              testId="tile-late"
              label={`Late (over ${data.late_minutes} min)`}
              value={String(t.late)}
              sub={
                t.made > 0
                  ? `${Math.round(((t.late - t.late_open) / t.made) * 100)}% of made${t.late_open ? ` · ${t.late_open} open` : ''}`
                  : undefined
              }
              tone={t.late > 0 ? 'bad' : t.made > 0 ? 'good' : undefined}
            />
            <Tile
              testId="tile-canceled"
              label="Canceled"
              value={String(t.canceled)}
              sub={t.orders > 0 ? `${Math.round((t.canceled / t.orders) * 100)}% of orders` : undefined}
              tone={t.canceled > 0 ? 'bad' : undefined}
            />
          </div>

          <div className="grid grid-cols-5 gap-5">
            <Card title="Orders per hour" className="col-span-3">
              <HourlyChart hours={data.hours} />
            </Card>
            <Card
              title="Where the time goes"
              description="Average time a ticket spends in each step."
              className="col-span-2"
            >
              {steps.length === 0 ? (
                <p className="text-zinc-400">No tickets yet.</p>
              ) : (
                <div className="flex flex-col gap-5">
                  <BarList
                    testId="chart-steps"
                    format={formatDuration}
                    rows={steps.map((s) => ({
                      key: s.status,
                      label: STEP[s.status].label,
                      value: s.average_ms,
                      color: STEP[s.status].color,
                    }))}
                  />
                  <StepStrip
                    steps={steps.map((s) => ({
                      key: s.status,
                      label: STEP[s.status].label,
                      ms: s.average_ms,
                      color: STEP[s.status].color,
                    }))}
                  />
                </div>
              )}
            </Card>
          </div>

          <div className="grid grid-cols-5 gap-5">
            <Card
              title="Ticket times"
              description="Order to ready. Dashed lines: median and 90th percentile."
              className="col-span-3"
            >
              <TicketTimeChart data={data} />
            </Card>
            <Card
              title="Canceled"
              description={t.canceled === 0 ? 'Nothing canceled.' : 'By whom, and from which step.'}
              className="col-span-2"
            >
              {t.canceled > 0 && (
                <>
                  <BarList
                    testId="chart-canceled"
                    rows={data.canceled.by.map((b) => ({
                      key: `${b.kind}:${b.who}`,
                      label: b.who,
                      value: b.count,
                      color: CANCEL_COLOR[b.kind],
                    }))}
                  />
                  <ul data-testid="canceled-tickets" className="mt-4 max-h-48 divide-y divide-zinc-800 overflow-y-auto">
                    {data.canceled.tickets.map((c) => (
                      <li key={c.order_id} className="flex items-center gap-3 py-2">
                        <span className="w-12 shrink-0 text-lg font-black tabular-nums">#{c.daily_number}</span>
                        <span className="min-w-0 flex-1">
                          <span className="block truncate text-zinc-200">{c.who}</span>
                          <span className="block text-sm text-zinc-400">
                            {clock(c.at)}
                            {c.from ? ` · while ${c.from}` : ''}
                          </span>
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </Card>
          </div>

          <Card title="Items sold" description="Canceled orders not counted.">
            {data.items.length === 0 ? (
              <p className="text-zinc-400">Nothing sold this day.</p>
            ) : (
              <div className="grid grid-cols-3 gap-x-8 gap-y-6">
                {data.items.map((g) => (
                  <section key={g.group} aria-label={GROUP_TITLE[g.group]}>
                    <h3 className="mb-2 text-sm font-bold tracking-wide text-zinc-400 uppercase">
                      {GROUP_TITLE[g.group]}
                    </h3>
                    <BarList
                      testId={`items-${g.group}`}
                      color={g.group === 'delivery' ? 'bg-amber-400' : 'bg-violet-500'}
                      rows={g.rows.slice(0, 6).map((r) => ({ key: r.option, label: r.label, value: r.count }))}
                    />
                    {g.rows.length > 6 && <p className="mt-1 text-sm text-zinc-400">+ {g.rows.length - 6} more</p>}
                  </section>
                ))}
              </div>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
