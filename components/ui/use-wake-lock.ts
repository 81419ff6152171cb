'use client';
import { useEffect } from 'react';

/** Keeps the screen on while the page is showing, where the browser allows it (wall tablets, lobby screens). */
export function useWakeLock(): void {
  useEffect(() => {
    let lock: WakeLockSentinel | null = null;
    const request = async () => {
      try {
        if (document.visibilityState === 'visible' && 'wakeLock' in navigator)
          lock = await navigator.wakeLock.request('screen');
      } catch {
        /* not allowed here: the device's own settings decide */
      }
    };
    void request();
    document.addEventListener('visibilitychange', request);
    return () => {
      document.removeEventListener('visibilitychange', request);
      void lock?.release();
    };
  }, []);
}
