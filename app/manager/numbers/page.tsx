import { NumbersPanel } from '@/components/manager/numbers-panel';
import { requireStaffPage } from '@/lib/auth/page';

export const metadata = { title: 'Numbers' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export default async function NumbersPage({ searchParams }: { searchParams: Promise<{ date?: string }> }) {
  const { date } = await searchParams;
  const day = date && DAY.test(date) ? date : null;
  await requireStaffPage(day ? `/manager/numbers?date=${day}` : '/manager/numbers', 'manager');
  return <NumbersPanel date={day} />;
}
