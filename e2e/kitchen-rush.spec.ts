// Rush (issue: kitchen screen, item 7): expo marks a ticket rush; it moves to the front with a clear
// mark on every screen, and the customer's tracker shows the earlier time.
import { expect, test } from './fixtures';
import { KitchenPage } from './pages/kitchen-page';
import { signIn } from './pages/login-page';

test('a ticket marked rush moves to the front on every screen, marked, and its tracker ETA drops', async ({
  api,
  kitchen,
  page,
  browser,
}) => {
  test.slow(); // several tablets open at once
  const orders = [];
  for (let i = 0; i < 5; i++) orders.push(await api.createOrder({ customer_name: `Rushq ${i}`, toast: 'none' }));
  const last = orders.at(-1)!;
  const tracker = await browser.newPage();
  await tracker.goto(`/track/${last.order_id}`);
  const eta = tracker.getByTestId('tracker-eta');
  await expect(eta).toBeVisible();
  const etaBefore = await eta.textContent();

  const other = await browser.newPage();
  await signIn(other, 'kitchen');
  const otherKitchen = new KitchenPage(other);
  await otherKitchen.open('prep');
  await kitchen.open('prep');
  await kitchen.waitLive();
  await otherKitchen.waitLive();

  await kitchen
    .ticket(last.order_id)
    .getByRole('button', { name: `History and rush for #${last.daily_number}` })
    .click();
  await page.getByRole('button', { name: 'Mark rush: first on the line' }).click();
  await page.keyboard.press('Escape');
  for (const k of [kitchen, otherKitchen]) {
    await expect(k.ticket(last.order_id).getByTestId('rush-flag')).toHaveText('RUSH');
    await expect(k.tickets().first()).toHaveAttribute('data-testid', `ticket-${last.order_id}`);
  }
  await expect(eta).not.toHaveText(etaBefore ?? '');
  await Promise.all([tracker.close(), other.close()]);
});
