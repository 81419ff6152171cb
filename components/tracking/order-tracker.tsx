'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { cn } from '@/components/ui/cn';
import { sendJson } from '@/lib/client/fetch';
import { useLiveStream } from '@/lib/client/live';
import { publicKeys, trackingQuery } from '@/lib/client/queries';
import { cancelRefusalSchema, trackingViewSchema, type TrackingView } from '@/lib/client/schemas';
import { mergeTracking, trackerCanCancel, trackerPollMs, type Fresh } from '@/lib/client/tracking';
import { isOpen } from '@/lib/orders/status';
import { CancelDialog } from './cancel-dialog';
import { StepList } from './step-list';
import { announcement, choiceLines, detail, etaText, headline, MOOD, pageTitle, REFUSED, type Mood } from './words';

const HERO: Record<Mood, string> = {
  waiting: 'bg-zinc-900 ring-1 ring-zinc-800',
  ready: 'bg-emerald-400 text-black ring-4 ring-emerald-200',
  done: 'bg-zinc-900 ring-1 ring-zinc-800',
  canceled: 'bg-red-950 ring-1 ring-red-800',
};
const HERO_MUTED: Record<Mood, string> = {
  waiting: 'text-zinc-300',
  ready: 'text-emerald-950',
  done: 'text-zinc-300',
  canceled: 'text-red-100',
};

type Notice = { text: string; tone: 'warn' | 'info' };
const READY_BUZZ = [200, 100, 200, 100, 400];

/** The customer's page for one order: live steps, ETA, what was ordered, and Cancel while it is allowed. */
export function OrderTracker({
  orderId,
  initial,
  initialEtag,
}: {
  orderId: string;
  initial: TrackingView;
  initialEtag: string | null;
}) {
  const queryClient = useQueryClient();
  const put = useCallback(
    (view: TrackingView) =>
      queryClient.setQueryData<Fresh<TrackingView>>(publicKeys.tracking(orderId), (cached) =>
        mergeTracking(cached, view),
      ),
    [queryClient, orderId],
  );
  const refetch = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: publicKeys.tracking(orderId) }),
    [queryClient, orderId],
  );

  const health = useLiveStream({
    url: `/api/track/${encodeURIComponent(orderId)}/events`,
    events: ['order', 'ready'],
    onMessage: (name, data) => {
      // `ready`: subscribed; anything that changed between the page's fetch and now is picked up by one refetch.
      if (name === 'ready') refetch();
      else put(trackingViewSchema.parse(data));
    },
    onResync: refetch,
  });
  const live = health.state === 'live';

  const query = useQuery({
    ...trackingQuery(orderId),
    initialData: { data: initial, etag: initialEtag, receivedAt: initial.server_time },
    refetchInterval: (q) => trackerPollMs(live, isOpen(q.state.data?.data.status ?? initial.status)),
    refetchOnWindowFocus: true,
  });
  const view = query.data.data;
  const mood = MOOD[view.status];

  // Status changes: announce them, and make a moment of Ready (buzz once, where the phone allows it).
  const [shownStatus, setShownStatus] = useState(view.status);
  const [spoken, setSpoken] = useState('');
  const [readyAt, setReadyAt] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const cancelable = trackerCanCancel(view);
  if (shownStatus !== view.status) {
    setShownStatus(view.status);
    setSpoken(announcement(view));
    if (mood === 'ready') setReadyAt(view.version);
    if (confirming && !cancelable) {
      // The kitchen moved on while the customer was deciding: say so instead of offering a doomed cancel.
      setConfirming(false);
      setNotice({ text: REFUSED[view.status], tone: 'warn' });
    }
  }
  useEffect(() => {
    if (readyAt === null) return;
    if (typeof navigator.vibrate === 'function') navigator.vibrate(READY_BUZZ);
  }, [readyAt]);
  useEffect(() => {
    document.title = pageTitle(view);
  }, [view]);

  const cancel = useMutation({
    mutationFn: () =>
      sendJson('POST', `/api/track/${encodeURIComponent(orderId)}/cancel`, undefined, trackingViewSchema),
    onSuccess: (res) => {
      setConfirming(false);
      if (res.ok) {
        put(res.data);
        setNotice(null);
        return;
      }
      const refusal = cancelRefusalSchema.safeParse(res.error);
      if (refusal.success) {
        put(refusal.data.order);
        setNotice({ text: REFUSED[refusal.data.order.status], tone: 'warn' });
      } else {
        setNotice({
          text:
            res.status === 0
              ? 'We could not reach the kitchen. Check your connection and try again.'
              : res.error.message,
          tone: 'warn',
        });
        refetch();
      }
    },
  });

  const reconnecting = health.state === 'reconnecting' || query.fetchStatus === 'paused' || query.failureCount > 0;
  const eta = etaText(view);
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col gap-4 px-4 pt-4 pb-10 max-[300px]:px-2">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-bold tracking-widest text-amber-300 uppercase">PB&amp;J Kitchen</p>
        {reconnecting && (
          <p
            role="status"
            data-testid="tracker-connection"
            className="rounded-full bg-zinc-800 px-3 py-1 text-sm text-amber-100"
          >
            Reconnecting… this page will catch up
          </p>
        )}
      </header>

      <section
        aria-labelledby="tracker-headline"
        data-testid="tracker-status"
        data-status={view.status}
        className={cn('rounded-3xl p-5 max-[300px]:p-3', HERO[mood])}
      >
        <p className={cn('text-base font-semibold', HERO_MUTED[mood])}>
          {view.customer_first_name ? `${view.customer_first_name}, your order number is` : 'Your order number is'}
        </p>
        <p data-testid="tracker-number" className="text-6xl leading-none font-black tabular-nums">
          #{view.daily_number}
        </p>
        <h1 id="tracker-headline" className="mt-4 text-3xl leading-tight font-black break-words">
          {headline(view)}
        </h1>
        {eta && (
          <p data-testid="tracker-eta" className="mt-1 text-2xl font-bold text-amber-200">
            {eta}
          </p>
        )}
        <p className={cn('mt-2 text-lg', HERO_MUTED[mood])}>{detail(view)}</p>
      </section>

      {notice && (
        <div
          role="alert"
          data-testid="tracker-notice"
          className={cn(
            'rounded-2xl p-4 text-lg font-semibold',
            notice.tone === 'warn' ? 'bg-amber-300 text-black' : 'bg-zinc-800',
          )}
        >
          {notice.text}
        </div>
      )}

      {mood !== 'canceled' && <StepList steps={view.steps} status={view.status} />}

      <section
        aria-labelledby="tracker-order-heading"
        className="rounded-3xl bg-zinc-900 p-5 ring-1 ring-zinc-800 max-[300px]:p-3"
      >
        <h2 id="tracker-order-heading" className="text-lg font-bold text-zinc-200">
          What you ordered
        </h2>
        {view.choices && (
          <dl data-testid="tracker-choices" className="mt-2 divide-y divide-zinc-800 text-lg">
            {choiceLines(view.choices).map((line) => (
              <div key={line.term} className="flex flex-wrap justify-between gap-x-4 py-1.5">
                <dt className="text-zinc-400">{line.term}</dt>
                <dd className="font-semibold">{line.value}</dd>
              </div>
            ))}
          </dl>
        )}
        {view.items && (
          <ul data-testid="tracker-items" className="mt-2 space-y-1 text-lg">
            {view.items.map((item, i) => (
              <li key={i}>
                <span className="font-bold">{item.quantity} ×</span> {item.name}
                {item.options.length > 0 && (
                  <span className="block pl-6 text-base text-zinc-300">{item.options.join(', ')}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {cancelable && (
        <section aria-label="Cancel" className="flex flex-col gap-2">
          <button
            type="button"
            onClick={() => {
              setNotice(null);
              setConfirming(true);
            }}
            className="min-h-14 rounded-2xl border-2 border-red-400 px-4 text-lg font-bold text-red-200 hover:bg-red-950 focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-amber-300"
          >
            Cancel order
          </button>
          <p className="text-center text-base text-zinc-400">
            You can cancel while your order is in the queue or being made.
          </p>
        </section>
      )}

      <footer className="mt-auto pt-2 text-center text-base text-zinc-400">
        {isOpen(view.status) ? 'This page updates by itself. No need to refresh.' : 'Thanks for choosing PB&J Kitchen.'}
      </footer>

      <p role="status" aria-live="polite" className="sr-only" data-testid="tracker-announcer">
        {spoken}
      </p>

      {confirming && (
        <CancelDialog
          dailyNumber={view.daily_number}
          busy={cancel.isPending}
          onConfirm={() => cancel.mutate()}
          onClose={() => setConfirming(false)}
        />
      )}
    </main>
  );
}
