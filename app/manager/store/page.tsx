import { StorePanel } from '@/components/manager/store-panel';
import { requireStaffPage } from '@/lib/auth/page';

export const metadata = { title: 'Store' };

export default async function StorePage() {
  await requireStaffPage('/manager/store', 'manager');
  return <StorePanel />;
}
