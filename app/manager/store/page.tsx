import { DemoPanel } from '@/components/manager/demo-panel';
import { StorePanel } from '@/components/manager/store-panel';
import { requireStaffPage } from '@/lib/auth/page';
import { demoOn } from '@/lib/demo';

export const metadata = { title: 'Store' };

export default async function StorePage() {
  await requireStaffPage('/manager/store', 'manager');
  return (
    <>
      <StorePanel />
      {(await demoOn()) && <DemoPanel />}
    </>
  );
}
