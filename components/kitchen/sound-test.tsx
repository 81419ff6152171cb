'use client';
// The sound test page: each alert at the store's volume, normal and escalated.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import { boardQuery } from '@/lib/client/queries';
import { enableSound, playAlert, soundEnabled, type Alert } from './sound';

const SOUNDS: Array<{ kind: Alert; label: string; when: string }> = [
  { kind: 'new', label: 'New ticket', when: 'A ticket arrives; repeats until a cook taps it.' },
  { kind: 'edited', label: 'Changed', when: 'The customer changed a ticket; repeats until Got it.' },
  { kind: 'canceled', label: 'Canceled', when: 'A ticket was canceled; repeats until Got it.' },
];

export function SoundTest() {
  const board = useQuery(boardQuery());
  const [on, setOn] = useState(soundEnabled);
  const [last, setLast] = useState<string | null>(null);
  const alerts = board.data?.alerts;
  const play = (kind: Alert, escalated: boolean) => {
    playAlert(kind, { volume: alerts?.volume, escalated });
    setLast(`${SOUNDS.find((s) => s.kind === kind)?.label}${escalated ? ', escalated' : ''}`);
  };
  return (
    <main className="mx-auto max-w-3xl p-6">
      <Link href="/kitchen" className="text-lg font-semibold text-violet-300 underline underline-offset-4">
        ← Kitchen screen
      </Link>
      <h1 className="mt-4 text-4xl font-black">Kitchen sounds</h1>
      <p className="mt-2 text-lg text-zinc-300">
        Check the tablet&apos;s volume before service.{' '}
        {alerts
          ? `Alerts repeat every ${alerts.repeatSeconds} s until acknowledged${alerts.escalate ? `; after ${alerts.escalateAfterSeconds} s they get louder and twice as frequent` : ''}. A manager sets this in Store.`
          : ''}
      </p>
      {!on && (
        <button
          type="button"
          onClick={() => void enableSound().then(setOn)}
          className="mt-6 min-h-16 w-full rounded-2xl bg-amber-400 text-2xl font-black text-black"
        >
          Turn sound on
        </button>
      )}
      <ul className="mt-6 space-y-4">
        {SOUNDS.map((s) => (
          <li key={s.kind} className="rounded-2xl bg-zinc-900 p-5 ring-1 ring-zinc-800">
            <p className="text-2xl font-black">{s.label}</p>
            <p className="text-zinc-400">{s.when}</p>
            <div className="mt-3 grid grid-cols-2 gap-3">
              <button
                type="button"
                disabled={!on}
                onClick={() => play(s.kind, false)}
                className="min-h-16 rounded-2xl bg-white text-xl font-black text-black disabled:opacity-40"
              >
                Play
              </button>
              <button
                type="button"
                disabled={!on}
                onClick={() => play(s.kind, true)}
                className={cn('min-h-16 rounded-2xl text-xl font-black disabled:opacity-40', 'bg-red-600 text-white')}
              >
                Play escalated
              </button>
            </div>
          </li>
        ))}
      </ul>
      <p role="status" data-testid="sound-played" className="mt-4 min-h-8 text-lg text-zinc-300">
        {last ? `Played: ${last}` : ''}
      </p>
    </main>
  );
}
