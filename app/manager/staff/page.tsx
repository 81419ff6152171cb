import { StaffPanel } from '@/components/manager/staff-panel';
import { requireStaffPage } from '@/lib/auth/page';

export const metadata = { title: 'Staff' };

export default async function StaffPage() {
  await requireStaffPage('/manager/staff', 'manager');
  return <StaffPanel />;
}
