// Runs once when the server starts. Background jobs start here, from their own module copy, so their
// handles live on globalThis (lib/jobs.ts) like the event feed and the database connection.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startJobs } = await import('./lib/jobs');
  startJobs();
  // Route warm-up (issue #11, cold start): separate from the jobs above, fire and forget.
  const { warmRoutes } = await import('./lib/warm-up');
  void warmRoutes();
}
