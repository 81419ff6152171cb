import { completeSetup, guardSetupAttempt } from '@/lib/auth/setup';
import { handle, notAllowed, readJson } from '@/lib/http';
import { setupBody } from '@/lib/manager/schemas';

/**
 * First run: the one-time setup token from the server log, with the first manager's name and PIN.
 * 201 once; after that 409 (a manager exists); 401 for a wrong token; 429 after too many attempts.
 */
export const POST = handle(async (req) => {
  // A body that is not a setup request tries no token, so only well-formed attempts are counted.
  const body = await readJson(req, setupBody);
  await guardSetupAttempt(req);
  return Response.json(
    { member: await completeSetup(body) },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
});

/** Every other method: 405 in our error shape, with Allow. */
export const { GET, PUT, PATCH, DELETE } = notAllowed('POST');
