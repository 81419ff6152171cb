import { IncomingPanel } from '@/components/kitchenhub/incoming-panel';

export const metadata = { title: 'Incoming' };

/** Delivery-app orders waiting for the manager (the layout checks the manager role). */
export default function IncomingPage() {
  return <IncomingPanel />;
}
