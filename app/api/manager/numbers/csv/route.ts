import { requireStaff } from '@/lib/auth/staff';
import { handle, notAllowed, readQuery } from '@/lib/http';
import { numbersCsv } from '@/lib/manager/numbers';
import { numbersQuery } from '@/lib/manager/schemas';

/** The day's orders, one row each, as a CSV download. */
export const GET = handle(async (req) => {
  await requireStaff(req, 'manager');
  const { date } = readQuery(req, numbersQuery);
  const { filename, body } = await numbersCsv(date);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');
