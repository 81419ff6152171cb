import { CallsPanel } from '@/components/kitchenhub/calls-panel';
import { ConnectionPanel } from '@/components/kitchenhub/connection-panel';
import { DeliveriesLog } from '@/components/kitchenhub/deliveries-log';
import { PageHeader } from '@/components/manager/ui';
import { requireStaffPage } from '@/lib/auth/page';

export const metadata = { title: 'KitchenHub' };

/** The KitchenHub connection at a glance: one section after another. */
export default async function KitchenHubPage() {
  await requireStaffPage('/manager/kitchenhub', 'manager');
  return (
    <>
      <PageHeader title="KitchenHub">
        What we told the delivery apps, how they reach us, and every webhook they sent.
      </PageHeader>
      <div className="space-y-6">
        <CallsPanel />
        <ConnectionPanel />
        <DeliveriesLog />
      </div>
    </>
  );
}
