'use client';
// Going live: switching demo data off revokes the demo key, removes the demo staff (their PINs stop
// working at once) and takes away the banner, the docs' demo key and the sandbox KitchenHub.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { sendJson } from '@/lib/client/fetch';
import { Button, Card, Notice } from './ui';

export function DemoPanel() {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Card
      title="Demo data"
      testId="demo-panel"
      className="mt-6 border-amber-400/60"
      description="Demo data is on: the demo API key pbj_test_8dd1f2 and the demo PINs 1111 and 9999 work for anyone who has read our docs, and the sandbox KitchenHub is mounted. Switch it off before taking real orders: add yourself as a manager under Staff and sign in with your own PIN first."
    >
      <div className="flex flex-wrap items-center gap-3">
        {!confirming ? (
          <Button tone="danger" onClick={() => setConfirming(true)}>
            Switch demo data off
          </Button>
        ) : (
          <>
            <Button
              tone="danger"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                setError(null);
                const res = await sendJson('DELETE', '/api/manager/demo');
                setBusy(false);
                if (!res.ok) {
                  setError(res.error.message);
                  return;
                }
                router.refresh();
              }}
            >
              {busy ? 'Switching off…' : 'Yes: revoke the demo key and remove the demo staff'}
            </Button>
            <Button onClick={() => setConfirming(false)}>Keep demo data</Button>
          </>
        )}
      </div>
      {error && (
        <div className="mt-4">
          <Notice tone="error" testId="demo-error">
            {error}
          </Notice>
        </div>
      )}
    </Card>
  );
}
