'use client';
// The bump bar and keyboard: digits pick a ticket by position, then one key acts on it (Enter/Space
// bumps or says Got it, A acknowledges, C asks to cancel), U or Backspace undoes the last bump, R the
// recall drawer, ? or H the help, S the sound, Escape closes. Nothing while a dialog has the keyboard.
import { useEffect } from 'react';
import type { Ticket } from '@/lib/client/schemas';
import { canCancel } from '@/lib/orders/status';
import type { Act } from './use-bump';

export function useKitchenKeys(opts: {
  visible: readonly Ticket[];
  selected: string | null;
  select: (orderId: string | null) => void;
  /** A dialog is open (confirm, history): it has the keyboard. */
  dialogOpen: boolean;
  act: Act;
  acknowledgeNew: (orderId: string) => void;
  askCancel: (ticket: Ticket) => void;
  /** Undo the last bump, if it is still on offer (null when not). */
  undoLast: (() => void) | null;
  toggleRecall: () => void;
  toggleHelp: () => void;
  /** Escape: help and recall close, the selection goes. */
  closeAll: () => void;
  turnSoundOn: () => void;
}) {
  const { visible, selected, select, dialogOpen, act, acknowledgeNew, askCancel, undoLast } = opts;
  const { toggleRecall, toggleHelp, closeAll, turnSoundOn } = opts;
  useEffect(() => {
    const selectedTicket = visible.find((t) => t.order_id === selected) ?? null;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (dialogOpen) return; // the dialog has the keyboard
      const k = e.key;
      if (/^[1-9]$/.test(k)) {
        const t = visible[Number(k) - 1];
        if (t) {
          select(t.order_id);
          acknowledgeNew(t.order_id);
        }
      } else if (k === 'ArrowRight' || k === 'ArrowLeft') {
        const i = visible.findIndex((t) => t.order_id === selected);
        const next =
          visible[Math.min(visible.length - 1, Math.max(0, (i < 0 ? 0 : i) + (k === 'ArrowRight' ? 1 : -1)))];
        if (next) select(next.order_id);
      } else if ((k === 'Enter' || k === ' ') && selectedTicket) {
        e.preventDefault();
        void act(selectedTicket, selectedTicket.attention ? 'acknowledge' : 'advance');
      } else if ((k === 'a' || k === 'A') && selectedTicket?.attention) {
        void act(selectedTicket, 'acknowledge');
      } else if ((k === 'c' || k === 'C') && selectedTicket && canCancel(selectedTicket.status)) {
        askCancel(selectedTicket);
      } else if (k === 'u' || k === 'U' || k === 'Backspace') {
        if (undoLast) {
          e.preventDefault();
          undoLast();
        }
      } else if (k === 'r' || k === 'R') {
        toggleRecall();
      } else if (k === '?' || k === 'h' || k === 'H') {
        toggleHelp();
      } else if (k === 'Escape') {
        closeAll();
      } else if (k === 's' || k === 'S') {
        turnSoundOn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [
    visible,
    selected,
    select,
    dialogOpen,
    act,
    acknowledgeNew,
    askCancel,
    undoLast,
    toggleRecall,
    toggleHelp,
    closeAll,
    turnSoundOn,
  ]);
}
