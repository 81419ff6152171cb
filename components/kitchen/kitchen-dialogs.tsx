'use client';
// What opens over the kitchen screen: the cancel question, the recall drawer, the keyboard help and
// a ticket's history. Each is shown while its state says so; the screen owns that state.
import type { Ticket } from '@/lib/client/schemas';
import { ConfirmDialog } from './confirm-dialog';
import { HelpOverlay } from './help-overlay';
import { HistoryDialog } from './history-dialog';
import { RecallDrawer } from './recall-drawer';
import type { Label } from './types';

export function KitchenDialogs(props: {
  /** The ticket a cook asked to cancel, until they confirm or keep it. */
  confirming: Ticket | null;
  onConfirmCancel: () => void;
  onKeep: () => void;
  recallOpen: boolean;
  recent: Ticket[];
  now: number;
  onRecall: (ticket: Ticket) => void;
  onCloseRecall: () => void;
  helpOpen: boolean;
  onCloseHelp: () => void;
  historyTicket: Ticket | null;
  label: Label;
  busy: ReadonlySet<string>;
  onRush: (ticket: Ticket, rush: boolean) => void;
  /** Stable: the history dialog takes the focus again whenever it changes. */
  onCloseHistory: () => void;
}) {
  const { confirming, historyTicket } = props;
  return (
    <>
      {confirming && (
        <ConfirmDialog
          title={`Cancel #${confirming.daily_number}${confirming.customer_first_name ? ` for ${confirming.customer_first_name}` : ''}?`}
          body="The customer is told their order was canceled by the kitchen."
          confirmLabel="Yes, cancel it"
          cancelLabel="Keep it"
          onConfirm={props.onConfirmCancel}
          onClose={props.onKeep}
        />
      )}
      {props.recallOpen && (
        <RecallDrawer tickets={props.recent} now={props.now} onRecall={props.onRecall} onClose={props.onCloseRecall} />
      )}
      {props.helpOpen && <HelpOverlay onClose={props.onCloseHelp} />}
      {historyTicket && (
        <HistoryDialog
          ticket={historyTicket}
          label={props.label}
          busy={props.busy.has(historyTicket.order_id)}
          onRush={(rush) => props.onRush(historyTicket, rush)}
          onClose={props.onCloseHistory}
        />
      )}
    </>
  );
}
