import type { Ticket } from '@/lib/client/schemas';
import { formatAge, STATUS_LABEL } from '@/lib/orders/kitchen';
import { transition } from '@/lib/orders/status';

/** The last hour's finished tickets, newest first: a handed-off ticket can be brought back to Ready. */
export function RecallDrawer({
  tickets,
  now,
  onRecall,
  onClose,
}: {
  tickets: Ticket[];
  now: number;
  onRecall: (t: Ticket) => void;
  onClose: () => void;
}) {
  return (
    <div className="fixed inset-0 z-40 flex justify-end bg-black/60" onClick={onClose}>
      <aside
        role="dialog"
        aria-modal="true"
        aria-labelledby="recall-title"
        className="flex h-full w-full max-w-md flex-col bg-zinc-900 p-4 ring-1 ring-zinc-700"
        onClick={(e) => e.stopPropagation()}
      >
        <div className="flex items-center justify-between">
          <h2 id="recall-title" className="text-2xl font-black">
            Recall
          </h2>
          <button type="button" onClick={onClose} className="min-h-12 rounded-xl bg-zinc-700 px-4 font-bold">
            Close
          </button>
        </div>
        {tickets.length === 0 && <p className="mt-4 text-zinc-400">Nothing finished in the last hour.</p>}
        <ul className="mt-3 space-y-2 overflow-y-auto">
          {tickets.map((t) => {
            const back = transition(t, 'undo');
            return (
              <li
                key={t.order_id}
                data-testid={`recall-${t.order_id}`}
                className="flex items-center gap-3 rounded-xl bg-zinc-800 p-3"
              >
                <span className="text-2xl font-black">#{t.daily_number}</span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-lg font-bold">{t.customer_first_name ?? ''}</span>
                  <span className="text-sm text-zinc-400">
                    {STATUS_LABEL[t.status]} {formatAge(now - t.status_at)} ago
                  </span>
                </span>
                {back && (
                  <button
                    type="button"
                    onClick={() => onRecall(t)}
                    className="min-h-12 rounded-xl bg-white px-4 font-black text-black"
                  >
                    Recall
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </aside>
    </div>
  );
}
