'use client';
// Stock: every menu option with one big switch. An 86 counts at once: the API refuses the option
// with out_of_stock and the kitchen header lists it. Cooks may 86 too, so the list polls.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import { sendJson } from '@/lib/client/fetch';
import { managerKeys, stockQuery } from '@/lib/client/queries';
import { menuOptionSchema, type MenuOptionView, type Stock } from '@/lib/client/schemas';
import { Card, LoadError, Loading, Notice, PageHeader } from './ui';

const GROUPS: Array<{ type: string; title: string }> = [
  { type: 'bread', title: 'Bread' },
  { type: 'peanut_butter', title: 'Peanut butter' },
  { type: 'jelly', title: 'Jelly' },
  { type: 'extras', title: 'Extras' },
  { type: 'toast', title: 'Toast' },
  { type: 'cut', title: 'Cut' },
];

export function StockPanel() {
  const queryClient = useQueryClient();
  const stock = useQuery(stockQuery());
  const [error, setError] = useState<string | null>(null);

  const toggle = useMutation({
    mutationFn: async (o: MenuOptionView) => {
      const res = await sendJson(
        'PUT',
        `/api/stock/${encodeURIComponent(o.type)}/${encodeURIComponent(o.option)}`,
        { in_stock: !o.in_stock },
        menuOptionSchema,
      );
      if (!res.ok) throw new Error(res.error.message);
      return res.data;
    },
    // Flip at once (a tap must feel instant); put it back if the server says no.
    onMutate: async (o) => {
      setError(null);
      await queryClient.cancelQueries({ queryKey: managerKeys.stock() });
      const before = queryClient.getQueryData<Stock>(managerKeys.stock());
      queryClient.setQueryData<Stock>(managerKeys.stock(), (s) =>
        s
          ? {
              options: s.options.map((x) =>
                x.type === o.type && x.option === o.option ? { ...x, in_stock: !o.in_stock } : x,
              ),
            }
          : s,
      );
      return { before };
    },
    onError: (err, _o, ctx) => {
      if (ctx?.before) queryClient.setQueryData(managerKeys.stock(), ctx.before);
      setError(err.message);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: managerKeys.stock() }),
  });

  const options = stock.data?.options ?? [];
  const out = options.filter((o) => !o.in_stock).length;
  return (
    <>
      <PageHeader title="Stock">
        Tap an option to 86 it: ordering apps get <code className="text-zinc-200">out_of_stock</code> at once and the
        kitchen screen lists it. Tap again to bring it back.
      </PageHeader>
      {error && (
        <div className="mb-4">
          <Notice tone="error">{error}</Notice>
        </div>
      )}
      {stock.isPending && <Loading what="the menu" />}
      {stock.isError && <LoadError error={stock.error} retry={() => void stock.refetch()} />}
      {stock.data && (
        <>
          <p className="mb-4 text-zinc-400" data-testid="stock-summary">
            {out === 0 ? 'Everything is in stock.' : `${out} option${out === 1 ? '' : 's'} 86'd.`} Changes made on the
            kitchen screen show here within seconds.
          </p>
          <div className="grid grid-cols-2 gap-4">
            {GROUPS.map((g) => {
              const list = options.filter((o) => o.type === g.type);
              if (list.length === 0) return null;
              return (
                <Card key={g.type} title={g.title} testId={`stock-${g.type}`}>
                  <div role="group" aria-label={g.title} className="grid grid-cols-3 gap-2">
                    {list.map((o) => (
                      <button
                        key={o.option}
                        type="button"
                        role="switch"
                        aria-checked={o.in_stock}
                        aria-label={o.label}
                        onClick={() => toggle.mutate(o)}
                        className={cn(
                          'flex min-h-16 min-w-0 flex-col items-start justify-center rounded-xl px-3 py-2 text-left ring-1 transition',
                          o.in_stock
                            ? 'bg-zinc-800/80 ring-zinc-700 hover:bg-zinc-700'
                            : 'bg-red-950/70 ring-red-500/70 hover:bg-red-900/70',
                        )}
                      >
                        <span
                          className={cn(
                            'text-base leading-tight font-bold break-words',
                            !o.in_stock && 'text-red-100 line-through decoration-red-400/70',
                          )}
                        >
                          {o.label}
                        </span>
                        <span
                          className={cn(
                            'mt-0.5 flex items-center gap-1.5 text-sm font-semibold',
                            o.in_stock ? 'text-emerald-300' : 'text-red-300',
                          )}
                        >
                          <span
                            aria-hidden
                            className={cn('h-2 w-2 rounded-full', o.in_stock ? 'bg-emerald-400' : 'bg-red-500')}
                          />
                          {o.in_stock ? 'In stock' : "86'd"}
                        </span>
                      </button>
                    ))}
                  </div>
                </Card>
              );
            })}
          </div>
        </>
      )}
    </>
  );
}
