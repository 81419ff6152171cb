// Item-level bumping (issue: kitchen screen, item 6) and expo's view of what is coming (item 10):
// each item of a delivery-app order is marked done on its own; the last makes the ticket ready;
// expo sees the progress before the ticket reaches it.
import fs from 'node:fs';
import { expect, test } from './fixtures';
import { KitchenPage } from './pages/kitchen-page';
import { signIn } from './pages/login-page';

const SECRET = 'e2e-webhook-secret-0123456789';

test('a delivery order is bumped item by item; expo sees its progress, then the ready ticket', async ({
  request,
  kitchen,
  browser,
}) => {
  test.slow(); // several tablets open at once
  const sample = JSON.parse(fs.readFileSync('test/fixtures/kitchenhub/webhook-order-created.json', 'utf8')) as {
    order: { order: Record<string, unknown>; customer: Record<string, unknown>; items: unknown[] };
  };
  sample.order.order = { ...sample.order.order, id: '__ID__', status: 'accepted', daily_number: 77 };
  sample.order.customer = { ...sample.order.customer, name: 'Itemized Ines' };
  const id = String(8_200_000_000_000_000 + Math.floor(Math.random() * 1e12));
  const body = JSON.stringify(sample).replace('"__ID__"', id);
  const res = await request.post('/api/kitchenhub/webhook', {
    headers: { 'Content-Type': 'application/json', 'X-KDS-Webhook-Secret': SECRET },
    data: body,
  });
  expect(res.status()).toBe(200);
  const { order_id: orderId } = (await res.json()) as { order_id: string };
  const count = sample.order.items.length;

  const expoPage = await browser.newPage();
  await signIn(expoPage, 'kitchen');
  const expo = new KitchenPage(expoPage);
  await expo.open('expo');
  await kitchen.open();
  const ticket = kitchen.ticket(orderId);
  const items = ticket.getByTestId('ticket-item');
  await expect(items).toHaveCount(count);
  await expect(ticket.getByTestId('items-progress')).toHaveText(`0/${count} done`);

  await items.nth(0).getByRole('button').click();
  await expect(items.nth(0)).toHaveAttribute('data-done', 'true');
  await expect(ticket).toHaveAttribute('data-status', 'prepping'); // the first item done starts it
  await expect(ticket.getByTestId('items-progress')).toHaveText(`1/${count} done`);
  await expect(expoPage.getByTestId(`expo-progress-${orderId}`)).toContainText(`1/${count}`);
  if (process.env.SHOTS) {
    await kitchen.page.screenshot({ path: 'tmp/items.png' });
    await expoPage.screenshot({ path: 'tmp/expo.png' });
  }

  for (let i = 1; i < count; i++) {
    await items.nth(i).getByRole('button').click();
    await expect(items.nth(i)).toHaveAttribute('data-done', 'true');
  }
  await expect(ticket).toHaveAttribute('data-status', 'ready'); // the last one makes it ready
  await expect(expo.ticket(orderId)).toBeVisible();
  await expect(expoPage.getByTestId(`expo-progress-${orderId}`)).toHaveCount(0);
  await expoPage.close();
});
