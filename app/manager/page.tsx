import { ComingSoon } from '@/components/ui/coming-soon';
import { requireStaffPage } from '@/lib/auth/page';

export const metadata = { title: 'Manager' };
export const dynamic = 'force-dynamic';

export default async function ManagerPage() {
  await requireStaffPage('/manager', 'manager');
  return <ComingSoon title="Manager console" body="Incoming delivery orders, stock, API keys, store controls and today's numbers." />;
}
