import Link from 'next/link';

/** An id that tracks nothing: say so kindly, reveal nothing, and offer a way back. */
export default function OrderNotFound() {
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-4 px-6 py-10">
      <p className="text-sm font-bold tracking-widest text-amber-300 uppercase">PB&amp;J Kitchen</p>
      <h1 className="text-3xl leading-tight font-black">We can’t find that order</h1>
      <p className="text-lg text-zinc-300">
        The link may be incomplete or mistyped. Open it again from your order confirmation, or ask at the counter: we
        are happy to help.
      </p>
      <Link
        href="/"
        className="mt-4 inline-flex min-h-14 w-fit items-center rounded-2xl bg-white px-6 text-lg font-black text-black focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-amber-300"
      >
        ← Back to PB&amp;J Kitchen
      </Link>
    </main>
  );
}
