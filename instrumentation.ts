// Runs once when the server starts. Background jobs start here, from their own module copy, so their
// handles live on globalThis (lib/jobs.ts) like the event feed and the database connection.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // A new database's menu, the demo setting, and the first-run setup token (lib/first-run.ts). A
  // failure is logged, not fatal: the server still answers (health says whether the store is up).
  const { prepareInstall } = await import('./lib/first-run');
  if (process.env.NEXT_PHASE !== 'phase-production-build')
    await prepareInstall().catch((err: unknown) => console.error('First-run preparation failed:', err));
  const { startJobs } = await import('./lib/jobs');
  startJobs();
  // Route warm-up (issue #11, cold start): separate from the jobs above, fire and forget.
  const { warmRoutes } = await import('./lib/warm-up');
  void warmRoutes();
  const { peerAddressesTrusted } = await import('./lib/client-address');
  if (!peerAddressesTrusted()) {
    console.warn(
      '⚠ Started without server.mjs and without TRUST_PROXY: client addresses come from X-Forwarded-For, which a client can forge, so sign-in and rate limits can be dodged. Serve with `npm start` (node server.mjs).',
    );
  }
}
