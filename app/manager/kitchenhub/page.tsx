import { DeliveriesLog } from '@/components/kitchenhub/deliveries-log';
import { PageHeader } from '@/components/manager/ui';
import { requireStaffPage } from '@/lib/auth/page';

export const metadata = { title: 'KitchenHub' };

/** The KitchenHub connection at a glance: one section after another. */
export default async function KitchenHubPage() {
  await requireStaffPage('/manager/kitchenhub', 'manager');
  return (
    <>
      <PageHeader title="KitchenHub">Webhooks from the delivery apps, and what became of each.</PageHeader>
      <div className="space-y-6">
        <DeliveriesLog />
      </div>
    </>
  );
}
