import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OrderTracker } from '@/components/tracking/order-tracker';
import { QueryProvider } from '@/components/ui/query-provider';
import { etagOf } from '@/lib/http';
import { findTrackingView, trackingEtagBasis } from '@/lib/orders/tracking';

// The link is the capability: keep it out of search engines and out of Referer headers.
export const metadata: Metadata = {
  title: 'Your order',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};
export const dynamic = 'force-dynamic';

export default async function TrackPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const view = await findTrackingView(orderId);
  if (!view) notFound(); // malformed and unknown ids look the same: a friendly 404
  return (
    <QueryProvider>
      {/* The ETag the API would give this view: the first poll can already be answered with 304. */}
      <OrderTracker orderId={orderId} initial={view} initialEtag={etagOf(JSON.stringify(trackingEtagBasis(view)))} />
    </QueryProvider>
  );
}
