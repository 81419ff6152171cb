const KEYS: Array<[string, string]> = [
  ['1 – 9', 'Select the ticket in that position'],
  ['← →', 'Select the previous / next ticket'],
  ['Enter or Space', 'Bump the selected ticket (Start → Toast → Ready → Handed off), or acknowledge it'],
  ['A', 'Acknowledge a changed or canceled ticket'],
  ['C', 'Cancel the selected ticket (asks first; only while new or prepping)'],
  ['U or Backspace', 'Undo the last bump (for a few seconds)'],
  ['R', 'Open or close the recall list'],
  ['S', 'Turn sound on'],
  ['? or H', 'Show or hide this help'],
  ['Esc', 'Close, clear the selection'],
];

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-black/70 p-4" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        className="w-full max-w-2xl rounded-3xl bg-zinc-900 p-6 ring-1 ring-zinc-700"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="help-title" className="text-3xl font-black">
          Bump bar and keyboard
        </h2>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-lg">
          {KEYS.map(([key, what]) => (
            <div key={key} className="contents">
              <dt>
                <kbd className="rounded-lg bg-zinc-700 px-2 py-0.5 font-mono font-bold">{key}</kbd>
              </dt>
              <dd className="text-zinc-200">{what}</dd>
            </div>
          ))}
        </dl>
        <button
          type="button"
          onClick={onClose}
          className="mt-6 min-h-14 w-full rounded-2xl bg-white text-xl font-black text-black"
        >
          Close
        </button>
      </div>
    </div>
  );
}
