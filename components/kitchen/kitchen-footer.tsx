'use client';
// A bar of its own, never over the tickets: a cook's next tap must not land on a message.
import { cn } from '@/components/ui/cn';
import type { UndoOffer } from './use-bump';
import type { Notice } from './use-notice';

export function KitchenFooter({
  undo,
  onUndo,
  notice,
}: {
  undo: UndoOffer | null;
  onUndo: () => void;
  notice: Notice | null;
}) {
  return (
    <footer
      aria-live="polite"
      className="flex h-16 shrink-0 items-center justify-center gap-3 border-t border-zinc-800 bg-zinc-900 px-4"
    >
      {undo && (
        <div className="flex items-center gap-4 text-xl font-bold">
          <span>{undo.text}</span>
          <button
            type="button"
            onClick={() => onUndo()}
            className="min-h-12 rounded-xl bg-white px-6 font-black text-black"
          >
            Undo
          </button>
        </div>
      )}
      {notice && (
        <p
          role="status"
          data-testid="kitchen-notice"
          className={cn(
            'truncate rounded-xl px-4 py-2 text-lg font-bold',
            notice.tone === 'warn' ? 'bg-amber-400 text-black' : 'bg-zinc-800 text-white',
          )}
        >
          {notice.text}
        </p>
      )}
      {!undo && !notice && (
        <p className="text-zinc-400">Tap a ticket&apos;s big button to bump it · press ? for keys</p>
      )}
    </footer>
  );
}
