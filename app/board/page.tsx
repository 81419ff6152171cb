import { PickupBoardScreen } from '@/components/board/pickup-board-screen';
import { QueryProvider } from '@/components/ui/query-provider';
import { pickupBoard } from '@/lib/orders/tracking';
import { BOARD_SCREEN, wallScreenMetadata } from '@/lib/web-manifest';

export const metadata = wallScreenMetadata(BOARD_SCREEN, 'Pickup board');
export const dynamic = 'force-dynamic';

export default async function BoardPage() {
  const board = await pickupBoard();
  return (
    <QueryProvider>
      <PickupBoardScreen initial={board} />
    </QueryProvider>
  );
}
