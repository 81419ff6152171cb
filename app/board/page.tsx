import { ComingSoon } from '@/components/ui/coming-soon';

export const metadata = { title: 'Pickup board' };
export default function BoardPage() {
  return <ComingSoon title="Pickup board" body="Preparing and ready orders, by number, for the lobby screen." />;
}
