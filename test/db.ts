// Test set-up the API cannot do, written straight into the test file's SQLite database (the server
// under test reads the same file).
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { orders } from '@/db/schema';

let overnight = 900;
/** Moves an order to yesterday's business day (with a number of its own there), as if left open overnight. */
export function leaveOvernight(orderId: string): string {
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  getDb().update(orders).set({ businessDate: yesterday, dailyNumber: ++overnight }).where(eq(orders.id, orderId)).run();
  return yesterday;
}
