'use client';
// A cook's taps on a ticket: each sends the version the screen showed, puts the answer on the board
// at once, and offers Undo for a few seconds after a bump. Another screen that tapped first wins:
// this one shows the ticket as it now is and says so. Cancel asks first (the confirm dialog).
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { sendJson } from '@/lib/client/fetch';
import { orderKeys } from '@/lib/client/queries';
import { conflictSchema, ticketResponseSchema, type Ticket } from '@/lib/client/schemas';
import { STATUS_LABEL } from '@/lib/orders/kitchen';
import type { TicketAction } from './types';
import type { Say } from './use-notice';

const UNDO_MS = 8_000;
export type UndoOffer = { ticket: Ticket; text: string; until: number };
export type Act = (
  ticket: Ticket,
  action: TicketAction,
  confirmed?: boolean,
  extra?: Record<string, unknown>,
) => Promise<void>;

export function useBump(opts: {
  put: (ticket: Ticket) => void;
  say: Say;
  /** Any tap on a ticket means a cook has seen it: it stops alerting as new. */
  acknowledgeNew: (orderId: string) => void;
}) {
  const { put, say, acknowledgeNew } = opts;
  const queryClient = useQueryClient();
  const router = useRouter();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<Ticket | null>(null);
  const [undo, setUndo] = useState<UndoOffer | null>(null);

  const act = useCallback<Act>(
    async (ticket, action, confirmed = false, extra = {}) => {
      acknowledgeNew(ticket.order_id);
      if (action === 'cancel' && !confirmed) {
        setConfirming(ticket);
        return;
      }
      setBusy((b) => new Set(b).add(ticket.order_id));
      const res = await sendJson(
        'POST',
        `/api/orders/${ticket.order_id}/${action}`,
        { version: ticket.version, ...extra },
        ticketResponseSchema,
      );
      setBusy((b) => {
        const n = new Set(b);
        n.delete(ticket.order_id);
        return n;
      });
      if (res.ok) {
        put(res.data.ticket);
        if (action === 'advance' || action === 'cancel') {
          const what = action === 'cancel' ? 'canceled' : `moved to ${STATUS_LABEL[res.data.ticket.status]}`;
          setUndo(
            action === 'advance'
              ? { ticket: res.data.ticket, text: `#${ticket.daily_number} ${what}`, until: Date.now() + UNDO_MS }
              : null,
          );
          if (action === 'cancel') say(`#${ticket.daily_number} canceled.`);
        }
        return;
      }
      const conflict = conflictSchema.safeParse(res.error);
      if (conflict.success) {
        put(conflict.data.order);
        say(
          `#${ticket.daily_number} was already changed on another screen: it is now ${STATUS_LABEL[conflict.data.order.status]}.`,
          'warn',
        );
      } else if (res.status === 401) {
        router.replace('/login?next=/kitchen');
      } else {
        say(res.error.message, 'warn');
        if (res.status === 409) void queryClient.invalidateQueries({ queryKey: orderKeys.board() });
      }
    },
    [put, queryClient, say, router, acknowledgeNew],
  );

  useEffect(() => {
    if (!undo) return;
    const t = setTimeout(() => setUndo(null), Math.max(0, undo.until - Date.now()));
    return () => clearTimeout(t);
  }, [undo]);

  /** Takes the last bump back (the footer's Undo, or U / Backspace on the bump bar). */
  const undoLast = useCallback(() => {
    if (!undo) return;
    void act(undo.ticket, 'undo');
    setUndo(null);
  }, [undo, act]);
  /** The confirm dialog said yes: cancel for real. */
  const confirmCancel = useCallback(() => {
    if (!confirming) return;
    setConfirming(null);
    void act(confirming, 'cancel', true);
  }, [confirming, act]);
  const askCancel = useCallback((ticket: Ticket) => setConfirming(ticket), []);
  const keep = useCallback(() => setConfirming(null), []);

  return { act, busy, undo, undoLast, confirming, askCancel, confirmCancel, keep };
}
