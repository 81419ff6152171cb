'use client';
// The kitchen screen: the tickets of one station (use-kitchen-tickets), a cook's taps on them
// (use-bump), alerts that repeat until acknowledged (use-alerts), the bump bar (use-kitchen-keys),
// laid out as a header, the board with the all-day counts beside it, a footer, and the dialogs.
import { useCallback, useMemo, useState } from 'react';
import { MissingOrderAlarmBanner } from '@/components/ui/missing-order-alarm';
import { useWakeLock } from '@/components/ui/use-wake-lock';
import type { Ticket } from '@/lib/client/schemas';
import { allDayCounts, productionCounts, type Station } from '@/lib/orders/kitchen';
import { AllDayPanel } from './all-day-panel';
import { ExpoProgress } from './expo-progress';
import { KitchenDialogs } from './kitchen-dialogs';
import { KitchenFooter } from './kitchen-footer';
import { KitchenHeader } from './kitchen-header';
import { enableSound, soundEnabled } from './sound';
import { TicketBoard } from './ticket-board';
import { useNewTickets, useRepeatingAlerts } from './use-alerts';
import { useBump } from './use-bump';
import { useKitchenKeys } from './use-kitchen-keys';
import { useKitchenTickets } from './use-kitchen-tickets';
import { useNotice } from './use-notice';

export function KitchenScreen({ station, staffName }: { station: Station; staffName: string }) {
  const { notice, say } = useNotice();
  const newTickets = useNewTickets();
  const { acknowledge: acknowledgeNew } = newTickets;
  const { board, data, visible, serverNow, label, put, health, alarm, pace } = useKitchenTickets({
    station,
    say,
    onArrived: newTickets.arrived,
    onLeft: acknowledgeNew,
  });
  const alerts = useRepeatingAlerts({ tickets: visible, settings: data?.alerts, unseen: newTickets.unseen });
  const bump = useBump({ put, say, acknowledgeNew });
  const [selected, setSelected] = useState<string | null>(null);
  const [recallOpen, setRecallOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [sound, setSound] = useState(soundEnabled);
  useWakeLock();

  const turnSoundOn = useCallback(() => void enableSound().then(setSound), []);
  const select = useCallback(
    (ticket: Ticket) => {
      setSelected(ticket.order_id);
      acknowledgeNew(ticket.order_id);
    },
    [acknowledgeNew],
  );
  const showHistory = useCallback((ticket: Ticket) => setHistoryOf(ticket.order_id), []);
  const closeHistory = useCallback(() => setHistoryOf(null), []);
  const toggleRecall = useCallback(() => setRecallOpen((o) => !o), []);
  const toggleHelp = useCallback(() => setHelpOpen((o) => !o), []);
  const closeAll = useCallback(() => {
    setHelpOpen(false);
    setRecallOpen(false);
    setSelected(null);
  }, []);
  useKitchenKeys({
    visible,
    selected,
    select: setSelected,
    dialogOpen: bump.confirming !== null || historyOf !== null,
    act: bump.act,
    acknowledgeNew,
    askCancel: bump.askCancel,
    undoLast: bump.undo ? bump.undoLast : null,
    toggleRecall,
    toggleHelp,
    closeAll,
    turnSoundOn,
  });

  const counts = useMemo(() => allDayCounts(data?.tickets ?? []), [data?.tickets]);
  const production = useMemo(() => productionCounts(data?.tickets ?? []), [data?.tickets]);
  const historyTicket = historyOf
    ? ([...(data?.tickets ?? []), ...(data?.recent ?? [])].find((t) => t.order_id === historyOf) ?? null)
    : null;

  return (
    <div className="flex h-[calc(100dvh_-_var(--demo-banner,0px))] flex-col bg-zinc-950">
      <KitchenHeader
        station={station}
        staffName={staffName}
        data={data}
        now={serverNow}
        alerts={alerts}
        onSilence={() => acknowledgeNew()}
        pace={pace}
        health={health}
        sound={sound}
        onSound={turnSoundOn}
        onRecall={() => setRecallOpen(true)}
        onHelp={() => setHelpOpen(true)}
      />

      {alarm && <MissingOrderAlarmBanner alarm={alarm} now={serverNow} className="shrink-0" />}

      {health.state === 'reconnecting' && (
        <div
          role="alert"
          data-testid="connection-banner"
          className="shrink-0 bg-amber-500 px-4 py-2 text-center text-lg font-black text-black"
        >
          Connection lost — reconnecting. Tickets below may be out of date
          {health.lastGoodAt ? ` (last update ${new Date(health.lastGoodAt).toLocaleTimeString()})` : ''}.
        </div>
      )}

      <div className="flex min-h-0 flex-1">
        <main className="min-w-0 flex-1 overflow-y-auto p-3">
          {station === 'expo' && <ExpoProgress tickets={data?.tickets ?? []} />}
          <TicketBoard
            board={board}
            visible={visible}
            station={station}
            now={serverNow}
            label={label}
            selected={selected}
            busy={bump.busy}
            alertOf={alerts.alertOf}
            act={bump.act}
            onSelect={select}
            onHistory={showHistory}
          />
        </main>
        <AllDayPanel counts={counts} production={production} label={label} />
      </div>

      <KitchenFooter undo={bump.undo} onUndo={bump.undoLast} notice={notice} />

      <KitchenDialogs
        confirming={bump.confirming}
        onConfirmCancel={bump.confirmCancel}
        onKeep={bump.keep}
        recallOpen={recallOpen}
        recent={data?.recent ?? []}
        now={serverNow}
        onRecall={(t) => void bump.act(t, 'undo')}
        onCloseRecall={() => setRecallOpen(false)}
        helpOpen={helpOpen}
        onCloseHelp={() => setHelpOpen(false)}
        historyTicket={historyTicket}
        label={label}
        busy={bump.busy}
        onRush={(t, rush) => void bump.act(t, rush ? 'rush' : 'unrush')}
        onCloseHistory={closeHistory}
      />
    </div>
  );
}
