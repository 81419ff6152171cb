// Before/after on edits, and the ticket's history one tap away (issue: kitchen screen, item 3).
import { expect, test } from './fixtures';

test('an edited ticket shows old → new until acknowledged, and its history is one tap away', async ({
  api,
  kitchen,
  page,
}) => {
  await kitchen.open();
  await kitchen.waitLive();
  const order = await api.createOrder({ customer_name: 'Hattie Hist', jelly: 'grape', toast: 'none' });
  await api.editOrder(order.order_id, { jelly: 'strawberry' });
  const ticket = kitchen.ticket(order.order_id);
  await expect(ticket).toContainText('Changed');
  await expect(ticket.locator('.line-through')).toHaveText('Grape jelly');
  await expect(ticket.locator('strong', { hasText: 'Strawberry jelly' })).toBeVisible();

  await ticket.getByRole('button', { name: `History and rush for #${order.daily_number}` }).click();
  const history = page.getByTestId('ticket-history');
  await expect(history.getByTestId('history-entry')).toHaveCount(2);
  await expect(history.getByTestId('history-entry').nth(0)).toContainText('Placed · the ordering app');
  await expect(history.getByTestId('history-entry').nth(1)).toContainText('Changed · the ordering app');
  await expect(history.getByTestId('history-entry').nth(1)).toContainText('Jelly: Grape → Strawberry');
  await page.keyboard.press('Escape');
  await expect(history).toHaveCount(0);

  await kitchen.button(order.order_id, 'Got it').click();
  await expect(ticket).not.toContainText('Changed');
  await kitchen.button(order.order_id, 'Start').click();
  await ticket.getByRole('button', { name: `History and rush for #${order.daily_number}` }).click();
  await expect(history.getByTestId('history-entry')).toHaveCount(4);
  await expect(history.getByTestId('history-entry').nth(3)).toContainText('Moved to Prepping · Casey');
  await history.getByRole('button', { name: 'Close' }).click();
  await expect(history).toHaveCount(0);
});
