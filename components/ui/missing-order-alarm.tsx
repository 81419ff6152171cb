'use client';
// The missing-order alarm, the same on kitchen screens and in the manager console: which open orders
// no screen has shown, and which screens have gone quiet.
import { cn } from '@/components/ui/cn';
import type { MissingOrderAlarm } from '@/lib/client/screens';

const seconds = (ms: number) => (ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

export function MissingOrderAlarmBanner({
  alarm,
  now,
  className,
}: {
  alarm: MissingOrderAlarm;
  now: number;
  className?: string;
}) {
  const quiet = alarm.silent_screens;
  return (
    <div role="alert" data-testid="missing-order-alarm" className={cn('bg-red-600 px-4 py-2 text-white', className)}>
      <p className="text-lg font-black">
        <span aria-hidden>⚠ </span>
        {alarm.orders.length === 1
          ? 'An order is on no kitchen screen: '
          : `${alarm.orders.length} orders are on no kitchen screen: `}
        {alarm.orders.map((o, i) => (
          <span key={o.order_id} data-testid="missing-order" data-order-id={o.order_id}>
            {i > 0 && ', '}#{o.daily_number}
            {o.customer_first_name ? ` ${o.customer_first_name}` : ''} ({seconds(o.waiting_ms)})
          </span>
        ))}
      </p>
      <p className="font-semibold">
        {alarm.open_screens === 0 ? 'No kitchen screen is reporting. ' : ''}
        {quiet.length > 0
          ? `Silent: ${quiet.map((s) => `${s.name}, last heard ${seconds(Math.max(0, now - s.last_seen_at))} ago`).join('; ')}. `
          : ''}
        Check the tablets (power, Wi-Fi, the kitchen page open), then reload one.
      </p>
    </div>
  );
}
