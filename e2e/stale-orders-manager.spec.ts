// Nothing falls off silently (issue: kitchen screen, item 9): an order left open past its day's close
// stays on the kitchen screen, flagged, and on the manager console until a manager resolves it.
import { expect, test } from './fixtures';
import { KitchenPage } from './pages/kitchen-page';
import { signIn } from './pages/login-page';
import { leaveOvernight } from './support/db';

test('an order left open overnight is flagged on the kitchen screen until a manager resolves it', async ({
  api,
  browser,
  page,
}) => {
  const order = await api.createOrder({ customer_name: 'Olive Overnight', toast: 'none' });
  leaveOvernight(order.order_id);

  const cook = await browser.newPage();
  await signIn(cook, 'kitchen');
  const kitchen = new KitchenPage(cook);
  await kitchen.open();
  await expect(kitchen.ticket(order.order_id).getByTestId('stale-flag')).toContainText('left open past closing');

  await signIn(page, 'manager', '/manager/incoming');
  await page.getByTestId('stale-banner').click();
  await expect(page).toHaveURL(/\/manager\/store/);
  const row = page.getByTestId(`stale-${order.order_id}`);
  await expect(row).toContainText('Olive');
  await row.getByRole('button', { name: 'Handed off' }).click();
  await expect(row).toHaveCount(0);
  await expect(kitchen.ticket(order.order_id)).toHaveCount(0); // pushed to the kitchen: it leaves on its own
  await cook.close();
});
