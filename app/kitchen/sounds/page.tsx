import { SoundTest } from '@/components/kitchen/sound-test';
import { QueryProvider } from '@/components/ui/query-provider';
import { requireStaffPage } from '@/lib/auth/page';

export const metadata = { title: 'Kitchen sounds' };
export const dynamic = 'force-dynamic';

/** Plays each kitchen alert, as set, so a cook can check the tablet's volume before service. */
export default async function KitchenSoundsPage() {
  await requireStaffPage('/kitchen/sounds');
  return (
    <QueryProvider>
      <SoundTest />
    </QueryProvider>
  );
}
