'use client';
// The console's frame: one navigation for every section, and what matters on every screen (is the
// store taking orders, what is 86'd) kept live by polling.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { cn } from '@/components/ui/cn';
import { SignOutButton } from '@/components/ui/sign-out-button';
import { MissingOrderAlarmBanner } from '@/components/ui/missing-order-alarm';
import { screensQuery, stockQuery, storeControlsQuery } from '@/lib/client/queries';

// Simple line icons (24×24, stroke): fonts on kitchen tablets lack most symbol glyphs.
const ICON = {
  incoming: 'M12 3v12m0 0-5-5m5 5 5-5M4 19h16',
  stock: 'M5 5l14 14M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z',
  numbers: 'M4 20V10m6 10V4m6 16v-7m4 7H2',
  store: 'M4 10h16l-1-5H5l-1 5zm1 0v9h14v-9M9 19v-5h6v5',
  keys: 'M14 10a4 4 0 1 0-3.5 4L9 15.5V18H6.5v2H4v-2.5l5.5-5.5M16 8h.01',
  staff: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm-6 9a6 6 0 0 1 12 0M16 5a3 3 0 0 1 0 6m2 9a6 6 0 0 0-3-5.2',
  screens: 'M3 5h18v11H3zM8 20h8M12 16v4',
  kitchenhub: 'M4 12h4l2-6 4 12 2-6h4',
} as const;

function Icon({ name }: { name: keyof typeof ICON }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 24 24"
      className="h-5 w-5"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={ICON[name]} />
    </svg>
  );
}

export const SECTIONS = [
  { href: '/manager/incoming', label: 'Incoming', icon: 'incoming', hint: 'Delivery-app orders' },
  { href: '/manager/stock', label: 'Stock', icon: 'stock', hint: '86 and restore' },
  { href: '/manager/numbers', label: 'Numbers', icon: 'numbers', hint: "Today's figures" },
  { href: '/manager/store', label: 'Store', icon: 'store', hint: 'Pause and capacity' },
  { href: '/manager/keys', label: 'API keys', icon: 'keys', hint: 'Ordering apps' },
  { href: '/manager/staff', label: 'Staff', icon: 'staff', hint: 'PINs and roles' },
  { href: '/manager/kitchenhub', label: 'KitchenHub', icon: 'kitchenhub', hint: 'Webhooks and sync' },
  { href: '/manager/screens', label: 'Screens', icon: 'screens', hint: 'Kitchen tablets' },
] as const;

export function ManagerShell({ staffName, children }: { staffName: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const stock = useQuery(stockQuery());
  const store = useQuery(storeControlsQuery());
  const screens = useQuery(screensQuery());
  const out = (stock.data?.options ?? []).filter((o) => !o.in_stock);
  const paused = store.data?.paused ?? false;
  const nav = useRef<HTMLElement>(null);
  // On a phone the sections scroll sideways: bring the current one into view.
  useEffect(() => {
    nav.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);

  return (
    // A phone gets the sections as one scrolling row on top; a tablet or laptop, a sidebar.
    <div className="flex min-h-dvh flex-col md:flex-row">
      <div className="shrink-0 border-b border-zinc-800 bg-zinc-900/60 md:w-56 md:border-r md:border-b-0">
        <nav
          ref={nav}
          aria-label="Manager sections"
          className="flex flex-col p-2 md:sticky md:top-0 md:h-[calc(100dvh_-_var(--demo-banner,0px))] md:p-3"
        >
          <div className="flex items-center justify-between gap-3 md:block">
            <div>
              <Link href="/" className="px-2 pt-1 text-xs font-semibold tracking-widest text-violet-400 uppercase">
                PB&amp;J Kitchen
              </Link>
              <p className="px-2 text-2xl font-black">Manager</p>
            </div>
            <div className="md:hidden">
              <SignOutButton />
            </div>
          </div>
          <ul className="mt-2 flex gap-1 overflow-x-auto md:mt-4 md:flex-col md:overflow-visible">
            {SECTIONS.map((s) => {
              const current = pathname === s.href || pathname.startsWith(`${s.href}/`);
              return (
                <li key={s.href} className="shrink-0">
                  <Link
                    href={s.href}
                    aria-current={current ? 'page' : undefined}
                    className={cn(
                      'flex min-h-12 items-center gap-2 rounded-xl px-2 transition md:min-h-14 md:gap-3 md:px-3',
                      current ? 'bg-white text-black' : 'text-zinc-200 hover:bg-zinc-800',
                    )}
                  >
                    <span
                      aria-hidden
                      className={cn(
                        'grid h-9 w-9 shrink-0 place-items-center rounded-lg',
                        current ? 'bg-black/10' : 'bg-zinc-800',
                      )}
                    >
                      <Icon name={s.icon} />
                    </span>
                    <span className="flex min-w-0 flex-col leading-tight">
                      <span className="text-lg font-bold">{s.label}</span>
                      <span
                        className={cn('hidden truncate text-xs md:block', current ? 'text-zinc-600' : 'text-zinc-400')}
                      >
                        {s.hint}
                      </span>
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
          <div className="mt-auto hidden flex-col gap-2 px-1 md:flex">
            <Link
              href="/kitchen"
              className="flex min-h-12 items-center rounded-xl px-3 font-semibold text-zinc-300 hover:bg-zinc-800"
            >
              Kitchen screen →
            </Link>
            <Link
              href="/docs"
              className="flex min-h-12 items-center rounded-xl px-3 font-semibold text-zinc-300 hover:bg-zinc-800"
            >
              API docs →
            </Link>
            <p className="px-3 pt-2 text-sm text-zinc-400">
              Signed in as <strong className="text-zinc-200">{staffName}</strong>
            </p>
            <SignOutButton />
          </div>
        </nav>
      </div>

      <div className="flex min-w-0 flex-1 flex-col">
        <header
          data-testid="manager-status"
          aria-label="Store status"
          className="sticky top-0 z-20 flex min-h-14 items-center gap-3 border-b border-zinc-800 bg-zinc-950/95 px-3 backdrop-blur md:px-6"
        >
          <Link
            href="/manager/store"
            data-testid="manager-intake"
            data-paused={paused}
            className={cn(
              'flex min-h-10 items-center gap-2 rounded-full px-4 font-bold',
              paused ? 'bg-red-600 text-white' : 'bg-emerald-500/15 text-emerald-300',
            )}
          >
            <span aria-hidden className={cn('h-2.5 w-2.5 rounded-full', paused ? 'bg-white' : 'bg-emerald-400')} />
            {store.isPending ? 'Checking store…' : paused ? 'Intake paused: the API answers 503' : 'Taking orders'}
          </Link>
          <Link
            href="/manager/stock"
            data-testid="manager-86"
            className="flex min-h-10 min-w-0 items-center gap-2 rounded-full px-3 hover:bg-zinc-900"
          >
            {out.length === 0 ? (
              <span className="text-zinc-400">{stock.isPending ? 'Checking stock…' : 'Everything in stock'}</span>
            ) : (
              <>
                <span className="shrink-0 rounded-md bg-red-600 px-2 py-0.5 text-sm font-black text-white">86</span>
                <span className="truncate font-semibold text-red-200">{out.map((o) => o.label).join(', ')}</span>
              </>
            )}
          </Link>
        </header>
        {(store.data?.stale_orders.length ?? 0) > 0 && pathname !== '/manager/store' && (
          <Link
            href="/manager/store#stale"
            data-testid="stale-banner"
            className="block bg-fuchsia-700 px-4 py-2 text-lg font-bold text-white"
          >
            {store.data!.stale_orders.length === 1
              ? '1 ticket was left open'
              : `${store.data!.stale_orders.length} tickets were left open`}{' '}
            from an earlier day. Resolve →
          </Link>
        )}
        {screens.data?.alarm && pathname !== '/manager/screens' && (
          <Link href="/manager/screens" className="block">
            <MissingOrderAlarmBanner alarm={screens.data.alarm} now={screens.data.server_time} />
          </Link>
        )}
        <main className="min-w-0 flex-1 px-3 py-5 md:px-6 md:py-6">{children}</main>
      </div>
    </div>
  );
}
