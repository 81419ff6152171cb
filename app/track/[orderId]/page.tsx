import { ComingSoon } from '@/components/ui/coming-soon';

export const metadata = { title: 'Your order' };
export default function TrackPage() {
  return <ComingSoon title="Order tracking" body="Follow your sandwich live from the queue to pickup." />;
}
