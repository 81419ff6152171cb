'use client';
// First run: the setup token from the server log, the first manager's name and PIN. Then sign in.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button, Notice, TextField } from '@/components/manager/ui';
import { pinFits, pinRuleText } from '@/lib/auth/pins';
import { sendJson } from '@/lib/client/fetch';

export function SetupForm() {
  const router = useRouter();
  const [token, setToken] = useState('');
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = token.trim() !== '' && name.trim() !== '' && pinFits(pin, 'manager') && !busy;

  return (
    <form
      className="mt-6 flex flex-col gap-4"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!ready) return;
        setBusy(true);
        setError(null);
        const res = await sendJson('POST', '/api/setup', { token: token.trim(), name: name.trim(), pin });
        setBusy(false);
        if (!res.ok) {
          setError(res.error.message);
          return;
        }
        router.replace('/login?next=/manager&setup=done');
      }}
    >
      <TextField
        label="Setup token (from the server log)"
        value={token}
        onChange={setToken}
        placeholder="pbj_setup_…"
        maxLength={200}
        autoComplete="off"
      />
      <TextField label="Your name" value={name} onChange={setName} placeholder="e.g. Jordan" maxLength={40} />
      <TextField
        label={`Your manager PIN (${pinRuleText('manager').replace(' to ', '–')})`}
        value={pin}
        onChange={(v) => setPin(v.replace(/\D/g, ''))}
        type="password"
        inputMode="numeric"
        maxLength={8}
        autoComplete="new-password"
      />
      {error && (
        <Notice tone="error" testId="setup-error">
          {error}
        </Notice>
      )}
      <Button type="submit" tone="primary" disabled={!ready}>
        {busy ? 'Creating…' : 'Create the first manager'}
      </Button>
    </form>
  );
}
