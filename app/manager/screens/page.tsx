import { ScreensPanel } from '@/components/manager/screens-panel';
import { requireStaffPage } from '@/lib/auth/page';

export const metadata = { title: 'Screens' };

export default async function ScreensPage() {
  await requireStaffPage('/manager/screens', 'manager');
  return <ScreensPanel />;
}
