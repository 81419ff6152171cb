import Link from 'next/link';

const AREAS = [
  {
    href: '/kitchen',
    title: 'Kitchen screen',
    body: 'Live tickets for the wall tablets: start, toast, ready, handed off.',
    who: 'Kitchen staff',
  },
  {
    href: '/manager',
    title: 'Manager console',
    body: 'Incoming delivery orders, stock, API keys, store controls and numbers.',
    who: 'Managers',
  },
  { href: '/board', title: 'Pickup board', body: 'Preparing and ready orders for the lobby screen.', who: 'Everyone' },
  {
    href: '/docs',
    title: 'API docs',
    body: 'The PB&J orders API: create, track, change and cancel orders.',
    who: 'Developers',
  },
] as const;

export default function Home() {
  return (
    <main className="mx-auto max-w-4xl px-6 py-12">
      <p className="text-sm font-semibold tracking-widest text-violet-400 uppercase">PB&amp;J Kitchen Display System</p>
      <h1 className="mt-2 text-4xl font-bold">Every sandwich, from order to pickup.</h1>
      <p className="mt-4 max-w-2xl text-lg text-zinc-300">
        Orders arrive from the PB&amp;J API and from delivery apps, show up on the kitchen screen as tickets, and
        customers follow theirs live on a tracking page.
      </p>
      <ul className="mt-10 grid gap-4 sm:grid-cols-2">
        {AREAS.map((a) => (
          <li key={a.href}>
            <Link
              href={a.href}
              className="block h-full rounded-2xl border border-zinc-800 bg-zinc-900 p-6 transition hover:border-violet-500 focus-visible:outline-2 focus-visible:outline-violet-400"
            >
              <span className="text-xs font-semibold tracking-wide text-zinc-400 uppercase">{a.who}</span>
              <span className="mt-1 block text-2xl font-semibold">{a.title}</span>
              <span className="mt-2 block text-zinc-300">{a.body}</span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
