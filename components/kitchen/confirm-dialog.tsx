'use client';

import { useEffect, useRef } from 'react';

/** A modal question with two big answers; Enter confirms, Escape keeps things as they are. */
export function ConfirmDialog(props: {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  const { onConfirm, onClose } = props;
  useEffect(() => {
    keep.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
      else if (e.key === 'Enter') {
        e.preventDefault();
        onConfirm();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onConfirm, onClose]);
  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-black/70 p-4">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-body"
        className="w-full max-w-lg rounded-3xl bg-zinc-900 p-6 shadow-2xl ring-1 ring-zinc-700"
      >
        <h2 id="confirm-title" className="text-3xl font-black">
          {props.title}
        </h2>
        <p id="confirm-body" className="mt-2 text-lg text-zinc-300">
          {props.body}
        </p>
        <div className="mt-6 grid grid-cols-2 gap-3">
          <button
            ref={keep}
            type="button"
            onClick={onClose}
            className="min-h-16 rounded-2xl bg-zinc-700 text-xl font-bold"
          >
            {props.cancelLabel}
          </button>
          <button
            type="button"
            onClick={onConfirm}
            className="min-h-16 rounded-2xl bg-red-600 text-xl font-black text-white"
          >
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
