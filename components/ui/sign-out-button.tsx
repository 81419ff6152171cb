'use client';

import { useRouter } from 'next/navigation';
import { sendJson } from '@/lib/client/fetch';

export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      onClick={async () => {
        await sendJson('DELETE', '/api/session');
        router.replace('/login');
      }}
      className="min-h-12 rounded-xl bg-zinc-800 px-4 font-semibold hover:bg-zinc-700"
    >
      Sign out
    </button>
  );
}
