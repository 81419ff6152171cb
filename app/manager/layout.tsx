import { ManagerShell } from '@/components/manager/manager-shell';
import { QueryProvider } from '@/components/ui/query-provider';
import { redirect } from 'next/navigation';
import { requireStaffPage } from '@/lib/auth/page';
import { needsSetup } from '@/lib/auth/setup';

export const metadata = { title: { default: 'Manager', template: '%s · Manager · PB&J Kitchen' } };
export const dynamic = 'force-dynamic';

/** Every manager section: managers only (kitchen staff are sent to sign in as a manager); before the first manager exists, the first-run setup. */
export default async function ManagerLayout({ children }: { children: React.ReactNode }) {
  if (await needsSetup()) redirect('/setup');
  const member = await requireStaffPage('/manager', 'manager');
  return (
    <QueryProvider>
      <ManagerShell staffName={member.name}>{children}</ManagerShell>
    </QueryProvider>
  );
}
