'use client';
// What to make: the sandwich's lines (a changed one shows what it was, struck through, and what it is
// now), or a delivery order's items, each bumped done by itself while the ticket is being made; the notes.
import { cn } from '@/components/ui/cn';
import type { Ticket } from '@/lib/client/schemas';
import type { Label } from './types';
import { canMarkItems, STATUS } from '@/lib/orders/status';

export function TicketLines({
  ticket: t,
  label,
  busy,
  onItem,
}: {
  ticket: Ticket;
  label: Label;
  busy: boolean;
  onItem: (ticket: Ticket, index: number, done: boolean) => void;
}) {
  const canceled = t.status === STATUS.canceled;
  const changed = t.attention?.kind === 'edited' ? t.attention.changes : {};
  // Multi-item orders are bumped item by item while being made: the last one makes the ticket ready.
  const markable = (t.items?.length ?? 0) > 1 && canMarkItems(t.status);
  const line = (field: string, text: string | null) => {
    if (!text) return null;
    const change = changed[field];
    return (
      <li
        key={field}
        className={cn('flex flex-wrap items-baseline gap-x-2', change && 'rounded-md bg-amber-400/15 px-1 -mx-1')}
      >
        {change ? (
          <>
            <span className="text-base text-zinc-400 line-through">{fieldText(field, change.from, label)}</span>
            <span aria-hidden>→</span>
            <strong className="text-amber-200">{text}</strong>
          </>
        ) : (
          <span>{text}</span>
        )}
      </li>
    );
  };

  return (
    <>
      <ul className={cn('flex-1 space-y-0.5 px-3 py-2 text-xl leading-snug font-semibold', canceled && 'opacity-70')}>
        {line('bread', label('bread', t.bread))}
        {line('peanut_butter', t.peanut_butter && `${label('peanut_butter', t.peanut_butter)} PB`)}
        {line('jelly', t.jelly && `${label('jelly', t.jelly)} jelly`)}
        {line(
          'toast',
          t.toast && t.toast !== 'none' ? `Toast: ${label('toast', t.toast)}` : t.source === 'api' ? 'No toast' : null,
        )}
        {line('cut', t.cut && `Cut: ${label('cut', t.cut)}`)}
        {t.extras.length > 0 && line('extras', `+ ${t.extras.map((e) => label('extras', e)).join(', ')}`)}
        {changed.extras && t.extras.length === 0 && line('extras', 'No extras')}
        {t.items?.map((item, i) => {
          const done = t.items_done.includes(i);
          const body = (
            <>
              <span className={cn(done && 'text-zinc-400 line-through')}>
                <span className="font-black">{item.quantity} ×</span> {item.name}
              </span>
              {item.options && item.options.length > 0 && (
                <span className={cn('block pl-6 text-lg', done ? 'text-zinc-600' : 'text-zinc-300')}>
                  {item.options.map((o) => o.name).join(', ')}
                </span>
              )}
              {item.instructions && !done && (
                <span className="mt-0.5 block rounded bg-yellow-300 px-2 text-lg text-black">
                  “{item.instructions}”
                </span>
              )}
            </>
          );
          return (
            <li key={i} data-testid="ticket-item" data-done={done}>
              {markable ? (
                <button
                  type="button"
                  aria-pressed={done}
                  aria-label={`${item.quantity} × ${item.name}: ${done ? 'done, tap to undo' : 'tap when done'}`}
                  disabled={busy}
                  onClick={(e) => {
                    e.stopPropagation();
                    onItem(t, i, !done);
                  }}
                  className="flex min-h-12 w-full items-start gap-2 rounded-lg px-1 text-left active:bg-zinc-800 disabled:opacity-60"
                >
                  <span
                    aria-hidden
                    className={cn(
                      'mt-1 grid h-6 w-6 shrink-0 place-items-center rounded-md border-2 text-base font-black',
                      done ? 'border-emerald-400 bg-emerald-500 text-black' : 'border-zinc-400',
                    )}
                  >
                    {done ? '✓' : ''}
                  </span>
                  <span className="min-w-0 flex-1">{body}</span>
                </button>
              ) : (
                body
              )}
            </li>
          );
        })}
      </ul>
      {t.notes && (
        <p
          className={cn(
            'mx-3 mb-2 rounded-lg bg-yellow-300 px-3 py-1.5 text-lg font-bold text-black',
            changed.notes && 'ring-4 ring-amber-500',
          )}
        >
          ⚠ {t.notes}
        </p>
      )}
    </>
  );
}

function fieldText(field: string, value: unknown, label: Label): string {
  if (Array.isArray(value))
    return value.length ? `+ ${value.map((v) => label('extras', String(v))).join(', ')}` : 'No extras';
  if (value === null || value === undefined) return '—';
  const text = label(field, String(value));
  switch (field) {
    case 'peanut_butter':
      return `${text} PB`;
    case 'jelly':
      return `${text} jelly`;
    case 'toast':
      return value === 'none' ? 'No toast' : `Toast: ${text}`;
    case 'cut':
      return `Cut: ${text}`;
    default:
      return text;
  }
}
