import { requireStaffPage } from '@/lib/auth/page';
import { kitchenBoard } from '@/lib/orders/tickets';
import { SignOutButton } from '@/components/ui/sign-out-button';

export const metadata = { title: 'Kitchen' };
export const dynamic = 'force-dynamic';

export default async function KitchenPage() {
  const member = await requireStaffPage('/kitchen');
  const board = await kitchenBoard();
  return (
    <main className="p-6">
      <header className="flex items-center justify-between">
        <h1 className="text-3xl font-bold">Kitchen</h1>
        <div className="flex items-center gap-4 text-zinc-300">
          <span>{member.name}</span>
          <SignOutButton />
        </div>
      </header>
      <ul className="mt-6 grid grid-cols-2 gap-4 lg:grid-cols-4" aria-label="Open tickets">
        {board.tickets.map((t) => (
          <li key={t.order_id} data-testid={`ticket-${t.order_id}`} className="rounded-2xl border-4 border-zinc-700 bg-zinc-900 p-4">
            <p className="text-3xl font-black">#{t.daily_number}</p>
            <p className="text-lg">{t.customer_first_name}</p>
            <p className="mt-1 font-semibold uppercase">{t.status}</p>
            <p className="mt-2 text-zinc-300">{[t.bread, t.peanut_butter, t.jelly].join(' · ')}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
