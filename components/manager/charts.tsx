// Charts drawn with plain HTML and CSS: crisp text at any width, no chart library. Each chart has a
// caption, a title on every bar, and a hidden table for screen readers.
import { cn } from '@/components/ui/cn';
import type { DayNumbers } from '@/lib/client/schemas';
import { hourWindow, niceCeil, ticks } from '@/lib/manager/chart';
import { formatDuration, formatHour } from '@/lib/manager/format';

const SOURCE_COLOR = { api: 'bg-violet-500', kitchenhub: 'bg-amber-400' } as const;
const SOURCE_LABEL = { api: 'PB&J app', kitchenhub: 'Delivery apps' } as const;

export function Legend({ items }: { items: Array<{ color: string; label: string }> }) {
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-zinc-300">
      {items.map((i) => (
        <li key={i.label} className="flex items-center gap-2">
          <span aria-hidden className={cn('h-3 w-3 rounded-sm', i.color)} />
          {i.label}
        </li>
      ))}
    </ul>
  );
}

/** Room above the tallest bar for its count. */
const HEADROOM = 22;

function Gridlines({ top, height }: { top: number; height: number }) {
  return (
    <div
      aria-hidden
      className="pointer-events-none absolute inset-x-0"
      style={{ top: HEADROOM, height: height - HEADROOM }}
    >
      {ticks(top).map((v) => (
        <div key={v} className="absolute inset-x-0 border-t border-zinc-800" style={{ bottom: `${(v / top) * 100}%` }}>
          <span className="absolute -top-2.5 -left-9 w-7 text-right text-xs text-zinc-400 tabular-nums">{v}</span>
        </div>
      ))}
    </div>
  );
}

/** A column: its count on top, the bar (stacked segments) below, all within the plot's scale. */
function Column({
  total,
  top,
  children,
  className,
  ...rest
}: { total: number; top: number; children: React.ReactNode; className?: string } & Record<
  `data-${string}`,
  string | number
> & { title: string }) {
  return (
    <div {...rest} className={cn('flex h-full min-w-0 flex-1 flex-col justify-end', className)}>
      {total > 0 && <span className="mb-1 text-center text-sm leading-none font-bold tabular-nums">{total}</span>}
      <div
        className="flex flex-col-reverse overflow-hidden rounded-t-md"
        style={{ height: `calc((100% - ${HEADROOM}px) * ${total / top})` }}
      >
        {children}
      </div>
    </div>
  );
}

/** Orders per hour, stacked by source. */
export function HourlyChart({ hours }: { hours: DayNumbers['hours'] }) {
  const range = hourWindow(hours.map((h) => ({ hour: h.hour, total: h.api + h.kitchenhub })));
  if (!range) return <p className="py-10 text-center text-zinc-400">No orders this day.</p>;
  const shown = hours.filter((h) => h.hour >= range.from && h.hour <= range.to);
  const top = niceCeil(Math.max(...shown.map((h) => h.api + h.kitchenhub)));
  const plot = 220;
  return (
    <figure data-testid="chart-hourly">
      <div className="relative ml-9" style={{ height: plot }}>
        <Gridlines top={top} height={plot} />
        <div className="absolute inset-0 flex items-end gap-1.5">
          {shown.map((h) => (
            <Column
              key={h.hour}
              total={h.api + h.kitchenhub}
              top={top}
              data-testid={`hour-${h.hour}`}
              data-total={h.api + h.kitchenhub}
              title={`${formatHour(h.hour)}: ${h.api} from the PB&J app, ${h.kitchenhub} from delivery apps`}
            >
              <div className={SOURCE_COLOR.api} style={{ flex: h.api }} />
              <div className={SOURCE_COLOR.kitchenhub} style={{ flex: h.kitchenhub }} />
            </Column>
          ))}
        </div>
      </div>
      <div className="mt-1.5 ml-9 flex gap-1.5">
        {shown.map((h) => (
          <span key={h.hour} className="min-w-0 flex-1 text-center text-xs text-zinc-400 tabular-nums">
            {formatHour(h.hour)}
          </span>
        ))}
      </div>
      <figcaption className="mt-3">
        <Legend
          items={[
            { color: SOURCE_COLOR.api, label: SOURCE_LABEL.api },
            { color: SOURCE_COLOR.kitchenhub, label: SOURCE_LABEL.kitchenhub },
          ]}
        />
      </figcaption>
      <table className="sr-only">
        <caption>Orders per hour</caption>
        <thead>
          <tr>
            <th scope="col">Hour</th>
            <th scope="col">PB&amp;J app</th>
            <th scope="col">Delivery apps</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((h) => (
            <tr key={h.hour}>
              <th scope="row">{formatHour(h.hour)}</th>
              <td>{h.api}</td>
              <td>{h.kitchenhub}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

const MINUTE = 60_000;

/** How long tickets took (placed → ready), one bar per minute, coloured like the kitchen's aging. */
export function TicketTimeChart({ data }: { data: DayNumbers }) {
  const { histogram, median_ms, p90_ms } = data.ticket_time;
  if (histogram.length === 0)
    return <p className="py-10 text-center text-zinc-400">No ticket reached ready this day.</p>;
  const top = niceCeil(Math.max(...histogram.map((b) => b.count)));
  const span = histogram.length * MINUTE;
  const plot = 200;
  const at = (ms: number) => `${Math.min(100, (ms / span) * 100)}%`;
  const color = (minute: number) =>
    minute >= data.late_minutes ? 'bg-age-late' : minute >= data.warning_minutes ? 'bg-age-warning' : 'bg-age-normal';
  const markers = [
    { ms: median_ms, label: 'median' },
    { ms: p90_ms, label: '90%' },
  ];
  return (
    <figure data-testid="chart-ticket-times">
      <div aria-hidden className="relative ml-9 h-6">
        {markers.map((m) =>
          m.ms === null ? null : (
            <span
              key={m.label}
              className="absolute bottom-0 -translate-x-1/2 rounded bg-zinc-800 px-1.5 text-xs font-bold whitespace-nowrap text-white"
              style={{ left: at(m.ms) }}
            >
              {m.label} {formatDuration(m.ms)}
            </span>
          ),
        )}
      </div>
      <div className="relative ml-9" style={{ height: plot }}>
        <Gridlines top={top} height={plot} />
        <div className="absolute inset-0 flex items-end gap-1">
          {histogram.map((b) => (
            <Column
              key={b.minute}
              total={b.count}
              top={top}
              data-testid={`minute-${b.minute}`}
              data-count={b.count}
              title={`${b.count} ticket${b.count === 1 ? '' : 's'} took ${b.open_ended ? `${b.minute} minutes or more` : `${b.minute}–${b.minute + 1} minutes`}`}
            >
              <div className={cn('h-full', color(b.minute))} />
            </Column>
          ))}
        </div>
        {markers.map((m) =>
          m.ms === null ? null : (
            <div
              key={m.label}
              aria-hidden
              className="absolute top-0 bottom-0 border-l-2 border-dashed border-white/70"
              style={{ left: at(m.ms) }}
            />
          ),
        )}
      </div>
      <div className="mt-1.5 ml-9 flex gap-1">
        {histogram.map((b) => (
          <span key={b.minute} className="min-w-0 flex-1 text-center text-xs text-zinc-400 tabular-nums">
            {histogram.length <= 16 || b.minute % 2 === 0 ? `${b.minute}${b.open_ended ? '+' : ''}` : ''}
          </span>
        ))}
      </div>
      <figcaption className="mt-3 flex flex-wrap items-center justify-between gap-3">
        <Legend
          items={[
            { color: 'bg-age-normal', label: `Under ${data.warning_minutes} min` },
            { color: 'bg-age-warning', label: `Late soon (${data.warning_minutes}–${data.late_minutes} min)` },
            { color: 'bg-age-late', label: `Late (over ${data.late_minutes} min)` },
          ]}
        />
        <span className="text-sm text-zinc-400">minutes, order to ready</span>
      </figcaption>
    </figure>
  );
}

/** One ticket's time as a single bar split into steps: where an average ticket spends its minutes. */
export function StepStrip({ steps }: { steps: Array<{ key: string; label: string; ms: number; color: string }> }) {
  const total = steps.reduce((sum, s) => sum + s.ms, 0);
  if (total <= 0) return null;
  return (
    <div data-testid="chart-step-strip">
      <div aria-hidden className="flex h-8 overflow-hidden rounded-lg">
        {steps.map((s) => (
          <div
            key={s.key}
            className={cn('min-w-1', s.color)}
            style={{ flex: s.ms }}
            title={`${s.label}: ${formatDuration(s.ms)}`}
          />
        ))}
      </div>
      <p className="mt-2 text-sm text-zinc-400">
        The averages added up: about {formatDuration(total)} from order to handoff.
      </p>
    </div>
  );
}

/** Horizontal bars, the label and value above each: items sold, cancellations, time per step. */
export function BarList({
  rows,
  color = 'bg-violet-500',
  testId,
  format = (v) => String(v),
}: {
  rows: Array<{ key: string; label: string; value: number; color?: string; note?: string }>;
  color?: string;
  testId?: string;
  format?: (v: number) => string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <ul data-testid={testId} className="flex flex-col gap-2.5">
      {rows.map((r) => (
        <li key={r.key} data-value={r.value} aria-label={`${r.label}: ${format(r.value)}`}>
          <div className="flex items-baseline justify-between gap-3">
            <span className="min-w-0 truncate text-zinc-200" title={r.label}>
              {r.label}
            </span>
            <span className="shrink-0 font-bold tabular-nums">
              {format(r.value)}
              {r.note && <span className="ml-1.5 text-sm font-normal text-zinc-400">{r.note}</span>}
            </span>
          </div>
          <div aria-hidden className="mt-1 h-2.5 rounded-full bg-zinc-800/70">
            <div
              className={cn('h-full rounded-full', r.color ?? color)}
              style={{ width: `${Math.max(2, (r.value / max) * 100)}%` }}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}
