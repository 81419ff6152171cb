'use client';
// A ticket's history, one tap from the ticket: every event in words, with the time and who.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ticketHistoryQuery } from '@/lib/client/queries';
import type { Ticket } from '@/lib/client/schemas';
import type { Label } from './types';
import { canRush } from '@/lib/orders/status';

const time = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit', second: '2-digit' });

function valueText(field: string, value: unknown, label: Label): string {
  if (Array.isArray(value)) return value.length ? value.map((v) => label(field, String(v))).join(', ') : 'none';
  if (value === null || value === undefined || value === '') return 'none';
  return field === 'notes' ? `“${String(value)}”` : label(field, String(value));
}
const FIELD: Record<string, string> = {
  bread: 'Bread',
  peanut_butter: 'Peanut butter',
  jelly: 'Jelly',
  toast: 'Toast',
  cut: 'Cut',
  extras: 'Extras',
  notes: 'Notes',
};

export function HistoryDialog({
  ticket,
  label,
  onClose,
  onRush,
  busy,
}: {
  ticket: Ticket;
  label: Label;
  onClose: () => void;
  onRush: (rush: boolean) => void;
  busy: boolean;
}) {
  const showRush = ticket.rush || canRush(ticket.status); // the mark can always come off
  const history = useQuery(ticketHistoryQuery(ticket.order_id, ticket.version));
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-black/70 p-4" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="history-title"
        data-testid="ticket-history"
        onClick={(e) => e.stopPropagation()}
        className="flex max-h-[85dvh] w-full max-w-xl flex-col rounded-3xl bg-zinc-900 p-6 shadow-2xl ring-1 ring-zinc-700"
      >
        <div className="flex items-start justify-between gap-4">
          <h2 id="history-title" className="text-3xl font-black">
            #{ticket.daily_number}
            {ticket.customer_first_name ? ` ${ticket.customer_first_name}` : ''}
          </h2>
          <button
            ref={close}
            type="button"
            onClick={onClose}
            className="min-h-14 shrink-0 rounded-2xl bg-zinc-700 px-5 text-xl font-bold"
          >
            Close
          </button>
        </div>
        {showRush && (
          <button
            type="button"
            disabled={busy}
            onClick={() => onRush(!ticket.rush)}
            className={`mt-4 min-h-14 rounded-2xl text-xl font-black disabled:opacity-50 ${ticket.rush ? 'bg-zinc-700 text-white' : 'bg-white text-black'}`}
          >
            {ticket.rush ? 'Remove rush' : 'Mark rush: first on the line'}
          </button>
        )}
        {history.isPending && <p className="mt-4 text-lg text-zinc-400">Loading…</p>}
        {history.isError && (
          <p role="alert" className="mt-4 text-lg text-red-300">
            Could not load the history: {history.error.message}
          </p>
        )}
        {history.data && (
          <ol className="mt-4 space-y-3 overflow-y-auto">
            {history.data.events.map((e) => (
              <li key={e.seq} data-testid="history-entry" className="flex gap-4 rounded-xl bg-zinc-950/70 p-3">
                <span className="w-32 shrink-0 pt-0.5 text-lg font-bold whitespace-nowrap tabular-nums text-zinc-400">
                  {time(e.at)}
                </span>
                <div className="min-w-0">
                  <p className="text-xl font-bold">
                    {e.what} <span className="font-medium text-zinc-400">· {e.by}</span>
                  </p>
                  {e.changes.length > 0 && (
                    <ul className="mt-1 space-y-0.5 text-lg">
                      {e.changes.map((c) => (
                        <li key={c.field}>
                          <span className="text-zinc-400">{FIELD[c.field] ?? c.field}: </span>
                          <span className="text-zinc-400 line-through">{valueText(c.field, c.from, label)}</span>
                          <span aria-hidden> → </span>
                          <strong className="text-amber-200">{valueText(c.field, c.to, label)}</strong>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
