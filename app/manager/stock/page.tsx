import { StockPanel } from '@/components/manager/stock-panel';
import { requireStaffPage } from '@/lib/auth/page';

export const metadata = { title: 'Stock' };

export default async function StockPage() {
  await requireStaffPage('/manager/stock', 'manager');
  return <StockPanel />;
}
