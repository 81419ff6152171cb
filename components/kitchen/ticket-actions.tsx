'use client';
// A ticket's buttons: Got it while it has something to acknowledge, else its next step; Cancel while
// that is allowed; its history (and RUSH) one tap away. A tap acts on the ticket without selecting it.
import { cn } from '@/components/ui/cn';
import type { Ticket } from '@/lib/client/schemas';
import { advanceLabel } from '@/lib/orders/kitchen';
import { canCancel } from '@/lib/orders/status';
import type { TicketAction } from './types';

export function TicketActions({
  ticket: t,
  busy,
  onAction,
  onHistory,
}: {
  ticket: Ticket;
  busy: boolean;
  onAction: (ticket: Ticket, action: TicketAction) => void;
  onHistory: (ticket: Ticket) => void;
}) {
  const next = advanceLabel(t);
  return (
    <footer className="flex gap-1.5 border-t border-zinc-800 p-2">
      {t.attention ? (
        <TicketButton
          label="Got it"
          look="flex-1 bg-white text-2xl font-black text-black active:bg-zinc-300"
          busy={busy}
          onTap={() => onAction(t, 'acknowledge')}
        />
      ) : (
        next && (
          <TicketButton
            label={next}
            look={cn(
              'min-w-0 flex-1 bg-emerald-500 font-black text-black active:bg-emerald-300',
              canCancel(t.status) ? 'text-xl' : 'text-2xl',
            )}
            busy={busy}
            onTap={() => onAction(t, 'advance')}
          />
        )
      )}
      {canCancel(t.status) && (
        <TicketButton
          label="Cancel"
          look="border-2 border-red-500 px-3 text-lg font-bold text-red-300 active:bg-red-950"
          busy={busy}
          onTap={() => onAction(t, 'cancel')}
        />
      )}
      <button
        type="button"
        aria-label={`History and rush for #${t.daily_number}`}
        onClick={(e) => {
          e.stopPropagation();
          onHistory(t);
        }}
        className="flex min-h-16 w-10 shrink-0 items-center justify-center rounded-xl bg-zinc-800 text-zinc-200 active:bg-zinc-700"
      >
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          className="h-6 w-6"
          fill="none"
          stroke="currentColor"
          strokeWidth={2.2}
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M3 12a9 9 0 1 0 3-6.7L3 8m0-5v5h5m4-1v5l3 2" />
        </svg>
      </button>
    </footer>
  );
}

/** A ticket's button; a tap acts on the ticket without also selecting it. */
function TicketButton({ label, look, busy, onTap }: { label: string; look: string; busy: boolean; onTap: () => void }) {
  return (
    <button
      type="button"
      disabled={busy}
      onClick={(e) => {
        e.stopPropagation();
        onTap();
      }}
      className={cn('min-h-16 rounded-xl disabled:opacity-50', look)}
    >
      {label}
    </button>
  );
}
