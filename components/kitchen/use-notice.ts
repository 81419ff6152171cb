'use client';
// The kitchen's one-line messages in the footer ("#12 canceled.", "Resynced: 2 changes recovered."):
// the latest replaces the one before and each goes after six seconds.
import { useCallback, useEffect, useState } from 'react';

export type Notice = { id: number; text: string; tone: 'info' | 'warn' };
export type Say = (text: string, tone?: Notice['tone']) => void;

export function useNotice(): { notice: Notice | null; say: Say } {
  const [notice, setNotice] = useState<Notice | null>(null);
  const say = useCallback<Say>((text, tone = 'info') => setNotice({ id: Date.now(), text, tone }), []);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice((n) => (n?.id === notice.id ? null : n)), 6_000);
    return () => clearTimeout(t);
  }, [notice]);
  return { notice, say };
}
