import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readQuery } from '@/lib/http';
import { numbersFor } from '@/lib/manager/numbers';
import { numbersQuery } from '@/lib/manager/schemas';

/** A business day's numbers from the order event log (?date=YYYY-MM-DD, default today). */
export const GET = handle(async (req) => {
  await requireStaff(req, 'manager');
  const { date } = readQuery(req, numbersQuery);
  return Response.json(await numbersFor(date));
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
