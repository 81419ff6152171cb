'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { sendJson } from '@/lib/client/fetch';
import { cn } from './cn';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

/**
 * Sign-in: who you are, then a big-button PIN pad (keyboard digits work too); signs in on Enter or the
 * button. On a trusted kitchen tablet (`names` given) staff tap their name; elsewhere they type it, so
 * a page on the internet does not list who works here.
 */
export function PinPad({ next, names }: { next?: string; names?: readonly string[] }) {
  const router = useRouter();
  const [name, setName] = useState(names?.length === 1 ? names[0]! : '');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = useCallback(async () => {
    if (pin.length < 4 || busy) return;
    if (name.trim() === '') {
      setError(names ? 'Tap your name first.' : 'Type your name first.');
      return;
    }
    setBusy(true);
    setError(null);
    const res = await sendJson<{ staff: { role: 'kitchen' | 'manager' } }>('POST', '/api/session', { name, pin });
    setBusy(false);
    if (!res.ok) {
      setPin('');
      setError(res.error.message);
      return;
    }
    router.replace(next ?? (res.data.staff.role === 'manager' ? '/manager' : '/kitchen'));
    router.refresh();
  }, [pin, name, names, busy, next, router]);

  const press = useCallback((key: (typeof KEYS)[number]) => {
    setError(null);
    if (key === 'clear') setPin('');
    else if (key === 'back') setPin((p) => p.slice(0, -1));
    else setPin((p) => (p.length < 8 ? p + key : p));
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement && e.target.id === 'staff-name') return; // typing a name, not the PIN
      if (/^\d$/.test(e.key)) press(e.key as (typeof KEYS)[number]);
      else if (e.key === 'Backspace') press('back');
      else if (e.key === 'Escape') press('clear');
      else if (e.key === 'Enter') void submit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [press, submit]);

  return (
    <form
      // Two columns from tablet width: who on the left, the pad on the right, all of it above the fold at 1280×800.
      className="mt-6 grid gap-x-10 gap-y-5 md:grid-cols-2 md:items-start"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div>
        {names ? (
          <fieldset>
            <legend className="mb-2 text-lg font-semibold text-zinc-200">Who are you?</legend>
            <div className="grid grid-cols-2 gap-3">
              {names.map((n) => (
                <button
                  key={n}
                  type="button"
                  aria-pressed={name === n}
                  onClick={() => {
                    setName(n);
                    setError(null);
                  }}
                  className={cn(
                    'h-16 truncate rounded-2xl px-3 text-xl font-bold',
                    name === n ? 'bg-violet-600 text-white' : 'bg-zinc-800 hover:bg-zinc-700',
                  )}
                >
                  {n}
                </button>
              ))}
            </div>
          </fieldset>
        ) : (
          <>
            <label htmlFor="staff-name" className="mb-2 block text-lg font-semibold text-zinc-200">
              Your name
            </label>
            <input
              id="staff-name"
              name="name"
              autoComplete="username"
              autoCapitalize="words"
              value={name}
              maxLength={60}
              onChange={(e) => {
                setName(e.target.value);
                setError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void submit();
                }
              }}
              className="h-16 w-full rounded-2xl border border-zinc-700 bg-zinc-900 px-4 text-2xl"
            />
          </>
        )}
      </div>
      <div>
        <label htmlFor="pin" className="mb-2 block text-lg font-semibold text-zinc-200">
          PIN
        </label>
        <input
          id="pin"
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          readOnly
          aria-describedby={error ? 'pin-error' : undefined}
          className="h-16 w-full rounded-2xl border border-zinc-700 bg-zinc-900 text-center text-4xl tracking-[0.5em]"
        />
        <p id="pin-error" role="alert" className="mt-3 min-h-6 text-center font-medium text-red-400">
          {error}
        </p>
        <div className="mt-2 grid grid-cols-3 gap-3">
          {KEYS.map((key) => (
            <button
              key={key}
              type="button"
              onClick={() => press(key)}
              aria-label={key === 'back' ? 'Delete last digit' : key === 'clear' ? 'Clear' : key}
              className="h-20 rounded-2xl bg-zinc-800 text-3xl font-semibold active:bg-zinc-600 hover:bg-zinc-700"
            >
              {key === 'back' ? '⌫' : key === 'clear' ? 'C' : key}
            </button>
          ))}
        </div>
        <button
          type="submit"
          disabled={pin.length < 4 || busy}
          className="mt-4 h-16 w-full rounded-2xl bg-violet-600 text-xl font-bold hover:bg-violet-500 disabled:opacity-40"
        >
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}
