import { KitchenScreen } from '@/components/kitchen/kitchen-screen';
import { QueryProvider } from '@/components/ui/query-provider';
import { requireStaffPage } from '@/lib/auth/page';
import { parseStation } from '@/lib/orders/kitchen';
import { KITCHEN_SCREEN, wallScreenMetadata } from '@/lib/web-manifest';

export const metadata = wallScreenMetadata(KITCHEN_SCREEN, 'Kitchen');
export const dynamic = 'force-dynamic';

export default async function KitchenPage({ searchParams }: { searchParams: Promise<{ station?: string }> }) {
  const { station } = await searchParams;
  const member = await requireStaffPage(station ? `/kitchen?station=${station}` : '/kitchen');
  return (
    <QueryProvider>
      <KitchenScreen station={parseStation(station)} staffName={member.name} />
    </QueryProvider>
  );
}
