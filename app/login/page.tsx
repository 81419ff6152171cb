import { PinPad } from '@/components/ui/pin-pad';
import Link from 'next/link';
import { currentStaff, signInNames } from '@/lib/auth/page';
import { needsSetup } from '@/lib/auth/setup';

export const metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

/** Only same-site paths: a crafted ?next= must not send staff elsewhere. */
const safeNext = (next: string | undefined) => (next && /^\/(?!\/)[\w\-/?=&%.]*$/.test(next) ? next : undefined);

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; need?: string; setup?: string }>;
}) {
  const { next, need, setup } = await searchParams;
  const [member, names, firstRun] = await Promise.all([currentStaff(), signInNames(), needsSetup()]);
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-6 py-8 md:max-w-4xl">
      <h1 className="text-center text-3xl font-bold">Staff sign-in</h1>
      <p className="mt-2 text-center text-zinc-400">
        {names ? 'Tap your name, then enter your PIN.' : 'Your name, then your PIN.'}
      </p>
      {need === 'manager' && (
        <p
          role="alert"
          className="mt-4 rounded-xl border border-amber-500/60 bg-amber-500/10 p-3 text-center text-amber-200"
        >
          {member ? `${member.name}, that page needs a manager. ` : ''}Sign in as a manager.
        </p>
      )}
      {firstRun && (
        <p
          role="alert"
          className="mt-4 rounded-xl border border-amber-500/60 bg-amber-500/10 p-3 text-center text-amber-200"
        >
          No one can sign in yet.{' '}
          <Link href="/setup" className="font-bold underline">
            Set up the first manager
          </Link>{' '}
          with the setup token from the server log.
        </p>
      )}
      {setup === 'done' && !firstRun && (
        <p
          role="status"
          className="mt-4 rounded-xl border border-emerald-500/60 bg-emerald-500/10 p-3 text-center text-emerald-200"
        >
          You are the first manager. Sign in with your new PIN.
        </p>
      )}
      <PinPad next={safeNext(next)} names={names} />
    </main>
  );
}
