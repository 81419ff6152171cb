'use client';

import { useState } from 'react';

/** Copies a code sample; says so for two seconds. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 2_000);
        } catch {
          setCopied(false); // no clipboard permission: the text is selectable
        }
      }}
      className="min-h-12 min-w-20 rounded-lg bg-zinc-800 px-3 text-sm font-semibold text-zinc-200 hover:bg-zinc-700"
    >
      {copied ? 'Copied ✓' : label}
    </button>
  );
}
