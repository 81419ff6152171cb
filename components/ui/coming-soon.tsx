import Link from 'next/link';

/** A page whose screen a later release fills: says so plainly and offers a way back. */
export function ComingSoon({ title, body }: { title: string; body: string }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center px-6">
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="mt-3 text-lg text-zinc-300">{body}</p>
      <p className="mt-2 text-zinc-400">Coming soon.</p>
      <Link href="/" className="mt-8 inline-flex min-h-12 w-fit items-center rounded-xl bg-zinc-800 px-5 font-semibold hover:bg-zinc-700">
        ← Home
      </Link>
    </main>
  );
}
