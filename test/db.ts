// Test set-up the API cannot do, written straight into the test file's database (the server under
// test reads the same SQLite file or PostgreSQL database).
import { rawRun } from '@/db/storage/inspect';

let overnight = 900;
/** Moves an order to yesterday's business day (with a number of its own there), as if left open overnight. */
export async function leaveOvernight(orderId: string): Promise<string> {
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  if (!/^ord_[a-z0-9]+$/i.test(orderId)) throw new Error(`not an order id: ${orderId}`);
  await rawRun(
    `update orders set business_date = '${yesterday}', daily_number = ${++overnight} where id = '${orderId}'`,
  );
  return yesterday;
}
