'use client';

import { useEffect, useRef } from 'react';

/**
 * "Cancel order #12?" as a native modal dialog: focus stays inside, Escape keeps the order, and
 * "Keep my order" has the focus so a stray tap or Enter never cancels.
 */
export function CancelDialog(props: {
  dailyNumber: number;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby="cancel-title"
      aria-describedby="cancel-body"
      onClose={props.onClose}
      className="m-auto w-[min(100%-2rem,28rem)] rounded-3xl bg-zinc-900 p-6 text-zinc-100 shadow-2xl ring-1 ring-zinc-700 backdrop:bg-black/75"
    >
      <h2 id="cancel-title" className="text-2xl font-black">
        Cancel order #{props.dailyNumber}?
      </h2>
      <p id="cancel-body" className="mt-2 text-lg text-zinc-300">
        The kitchen will stop making it. This cannot be undone.
      </p>
      <div className="mt-6 flex flex-col gap-3">
        <button
          type="button"
          autoFocus
          onClick={props.onClose}
          className="min-h-14 rounded-2xl bg-white px-4 text-lg font-black text-black focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-amber-300"
        >
          Keep my order
        </button>
        <button
          type="button"
          disabled={props.busy}
          onClick={props.onConfirm}
          className="min-h-14 rounded-2xl bg-red-700 px-4 text-lg font-bold text-white focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-amber-300 disabled:opacity-60"
        >
          {props.busy ? 'Canceling…' : 'Yes, cancel it'}
        </button>
      </div>
    </dialog>
  );
}
