import fs from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { IncomingPage } from './pages/incoming-page';
import { KitchenPage } from './pages/kitchen-page';
import { signIn } from './pages/login-page';

const SECRET = 'e2e-webhook-secret-0123456789';
const SAMPLE = JSON.parse(fs.readFileSync('test/fixtures/kitchenhub/webhook-order-created.json', 'utf8')) as {
  order: { order: Record<string, unknown>; customer: Record<string, unknown> };
};
let seq = 0;

/** KitchenHub posts a webhook for order `id` with `status`, signed with the shared secret. */
async function hubSends(request: APIRequestContext, id: string, status: string, customer = 'Dana K') {
  const body = structuredClone(SAMPLE);
  body.order.order = { ...body.order.order, id: '__ID__', status, daily_number: 40 + (seq++ % 50) };
  body.order.customer = { ...body.order.customer, name: customer };
  const text = JSON.stringify(body).replace('"__ID__"', id);
  const res = await request.post('/api/kitchenhub/webhook', {
    headers: { 'Content-Type': 'application/json', 'X-KDS-Webhook-Secret': SECRET },
    data: text,
  });
  expect(res.status()).toBe(200);
  return (await res.json()) as { order_id: string | null };
}

const newId = () => String(8_000_000_000_000_000 + Math.floor(Math.random() * 1e12));

test('a webhook arrives, the manager sees it live and accepts it with a prep time, the kitchen gets the ticket', async ({
  page,
  request,
  browser,
}) => {
  test.slow();
  await signIn(page, 'manager');
  const incoming = new IncomingPage(page);
  await incoming.open();
  const id = newId();
  await hubSends(request, id, 'new', 'Dana Kowalski');
  await expect(incoming.order(id)).toBeVisible({ timeout: 10_000 }); // no reload: the list stays live
  await expect(incoming.order(id)).toContainText('GrubHub');
  await expect(incoming.order(id)).toContainText('Dana');
  await expect(incoming.order(id)).not.toContainText('Kowalski');
  await expect(incoming.order(id)).toContainText('Magic Roll');
  await expect(incoming.order(id)).toContainText('$69.85');
  await incoming.accept(id, 20);
  await expect(incoming.order(id)).toHaveCount(0);

  const cookContext = await browser.newContext();
  const cookPage = await cookContext.newPage();
  await signIn(cookPage, 'kitchen');
  const kitchen = new KitchenPage(cookPage);
  await kitchen.open();
  const ticket = kitchen.tickets().filter({ hasText: 'Dana' }).filter({ hasText: 'GrubHub' });
  await expect(ticket).toHaveCount(1);
  await expect(ticket).toContainText('Magic Roll');
  await expect(ticket).toContainText('Delivery');

  // The customer cancels in the delivery app: the ticket turns canceled, loudly, on the kitchen screen.
  await hubSends(request, id, 'cancelled', 'Dana Kowalski');
  await expect(ticket).toHaveAttribute('data-status', 'canceled');
  await expect(ticket).toContainText('by the delivery app');
  await cookContext.close();
});

test('a rejected order leaves the list and never reaches the kitchen', async ({ page, request }) => {
  await signIn(page, 'manager');
  const incoming = new IncomingPage(page);
  const id = newId();
  await hubSends(request, id, 'new', 'Eli Rejected');
  await incoming.open();
  await incoming.reject(id, 'Too busy right now');
  await expect(incoming.order(id)).toHaveCount(0);
  const board = await page.request.get('/api/tickets');
  const { tickets } = (await board.json()) as { tickets: Array<{ customer_first_name: string | null }> };
  expect(tickets.some((t) => t.customer_first_name === 'Eli')).toBe(false);
});
