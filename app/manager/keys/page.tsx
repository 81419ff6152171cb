import { KeysPanel } from '@/components/manager/keys-panel';
import { requireStaffPage } from '@/lib/auth/page';

export const metadata = { title: 'API keys' };

export default async function KeysPage() {
  await requireStaffPage('/manager/keys', 'manager');
  return <KeysPanel />;
}
