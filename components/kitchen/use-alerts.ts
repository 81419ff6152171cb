'use client';
// Alerts that repeat until acknowledged: a ticket new to this screen — placed, or handed over from
// the station before (until a cook on this screen taps it, bumps it or silences new tickets), a changed or canceled one (until a cook taps Got it, on any screen)
// sound again every few seconds, and after a while louder and twice as often.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Ticket } from '@/lib/client/schemas';
import { playAlert, type Alert } from './sound';

export type AlertSettings = { volume: number; repeatSeconds: number; escalate: boolean; escalateAfterSeconds: number };
const SEVERITY: Record<Alert, number> = { new: 0, edited: 1, canceled: 2 };

/** What a ticket is alerting about now, if anything. */
function alertOf(t: Ticket, unseen: ReadonlySet<string>): Alert | null {
  if (t.attention?.kind === 'canceled') return 'canceled';
  if (t.attention?.kind === 'edited') return 'edited';
  if (unseen.has(t.order_id)) return 'new'; // new here: placed, or handed over from the station before
  return null;
}

/**
 * The tickets new to this screen that no cook here has acknowledged yet (ids). The live stream marks
 * arrivals; a tap, a bump or "silence new" acknowledges them. Kept apart from the sounds so that the
 * stream, which comes first, can mark them.
 */
export function useNewTickets() {
  const [unseen, setUnseen] = useState<ReadonlySet<string>>(new Set());
  /** A new ticket arrived (or came back): it alerts until acknowledged here. */
  const arrived = useCallback((orderId: string) => setUnseen((s) => new Set(s).add(orderId)), []);
  /** A cook acknowledged one new ticket (tapped it) or all of them. */
  const acknowledge = useCallback(
    (orderId?: string) =>
      setUnseen((s) => {
        if (orderId === undefined) return s.size ? new Set() : s;
        if (!s.has(orderId)) return s;
        const n = new Set(s);
        n.delete(orderId);
        return n;
      }),
    [],
  );
  return { unseen, arrived, acknowledge };
}

export function useRepeatingAlerts(opts: {
  tickets: readonly Ticket[];
  settings: AlertSettings | undefined;
  /** New tickets not acknowledged here yet (useNewTickets). */
  unseen: ReadonlySet<string>;
}) {
  const { tickets, settings, unseen } = opts;
  // When each alert began to sound.
  const since = useRef(new Map<string, number>());
  const lastPlayed = useRef(0);

  const pending = tickets
    .map((t) => ({ ticket: t, kind: alertOf(t, unseen) }))
    .filter((p): p is { ticket: Ticket; kind: Alert } => p.kind !== null);
  const pendingKey = pending.map((p) => `${p.ticket.order_id}:${p.kind}:${p.ticket.version}`).join(',');

  // Note when each alert began; forget the ones that ended (acknowledged, started, gone).
  useEffect(() => {
    const now = Date.now();
    const live = new Set<string>();
    let fresh = false;
    for (const p of pending) {
      const key = `${p.ticket.order_id}:${p.kind}:${p.ticket.version}`;
      live.add(key);
      if (!since.current.has(key)) {
        since.current.set(key, now);
        fresh = true;
      }
    }
    for (const key of [...since.current.keys()]) if (!live.has(key)) since.current.delete(key);
    if (fresh) lastPlayed.current = 0; // something new: sound at once
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pendingKey captures what matters in `pending`
  }, [pendingKey]);

  const [escalated, setEscalated] = useState(false);
  useEffect(() => {
    if (!settings) return;
    const tick = () => {
      const now = Date.now();
      const kinds = pending.map((p) => p.kind);
      if (kinds.length === 0) {
        setEscalated(false);
        return;
      }
      const oldest = Math.min(...since.current.values());
      const esc = settings.escalate && now - oldest >= settings.escalateAfterSeconds * 1000;
      setEscalated(esc);
      const every = (settings.repeatSeconds * 1000) / (esc ? 2 : 1);
      if (now - lastPlayed.current < every) return;
      lastPlayed.current = now;
      const worst = kinds.reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a));
      playAlert(worst, { volume: settings.volume, escalated: esc });
    };
    tick();
    const timer = setInterval(tick, 500);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pendingKey captures what matters in `pending`
  }, [pendingKey, settings]);

  const kinds = new Map(pending.map((p) => [p.ticket.order_id, p.kind]));
  return {
    pending: pending.length,
    newCount: pending.filter((p) => p.kind === 'new').length,
    escalated,
    alertOf: (orderId: string) => kinds.get(orderId) ?? null,
  };
}
