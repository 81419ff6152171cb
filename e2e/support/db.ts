// Direct access to the e2e server's SQLite file for test set-up the API cannot do, such as an order
// placed minutes ago (the API stamps orders with the server's own time).
import Database from 'better-sqlite3';

const file = () => `tmp/e2e-${process.env.E2E_PORT ?? 3100}/kds.sqlite`;

/** Moves an order's placed time (and its events) back by `ms`, as if it had been placed earlier. */
export function backdateOrder(orderId: string, ms: number): void {
  const db = new Database(file());
  try {
    db.transaction(() => {
      db.prepare(
        'update orders set created_at = created_at - ?, status_at = status_at - ?, updated_at = updated_at - ? where id = ?',
      ).run(ms, ms, ms, orderId);
      db.prepare('update order_events set at = at - ? where order_id = ?').run(ms, orderId);
    })();
  } finally {
    db.close();
  }
}

let overnight = 900;
/** Moves an order to yesterday's business day (with a number of its own there), as if left open overnight. */
export function leaveOvernight(orderId: string): void {
  const db = new Database(file());
  try {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    db.prepare('update orders set business_date = ?, daily_number = ? where id = ?').run(
      yesterday,
      ++overnight + Math.floor(Math.random() * 9000),
      orderId,
    );
  } finally {
    db.close();
  }
}
