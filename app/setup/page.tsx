import { redirect } from 'next/navigation';
import { SetupForm } from '@/components/setup/setup-form';
import { needsSetup } from '@/lib/auth/setup';

export const metadata = { title: 'First-run setup' };
export const dynamic = 'force-dynamic';

/** First run: only while no manager exists (then it is sign-in's page). */
export default async function SetupPage() {
  if (!(await needsSetup())) redirect('/login?next=/manager');
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-6 py-10">
      <h1 className="text-center text-3xl font-bold">Set up this kitchen</h1>
      <p className="mt-2 text-center text-zinc-400">
        No one can sign in yet. Enter the one-time setup token the server printed in its log when it started, and create
        the first manager. From there the manager adds staff and API keys.
      </p>
      <SetupForm />
    </main>
  );
}
