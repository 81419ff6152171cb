import { expect, test } from './fixtures';
import { IncomingPage } from './pages/incoming-page';
import { KitchenHubConnectionPage } from './pages/kitchenhub-connection';
import { KitchenPage } from './pages/kitchen-page';
import { signIn } from './pages/login-page';

/** Clicks "Simulate incoming order" and returns the KitchenHub id the sandbox gave the order. */
async function simulate(incoming: IncomingPage): Promise<string> {
  const response = incoming.page.waitForResponse(
    (r) => r.url().endsWith('/api/kitchenhub/simulate') && r.request().method() === 'POST',
  );
  await incoming.page.getByRole('button', { name: 'Simulate incoming order' }).click();
  const body = (await (await response).json()) as { hub_order_id: string; webhook_status: number };
  expect(body.webhook_status).toBe(200);
  return body.hub_order_id;
}

test('demo: the manager connects KitchenHub, a sandbox order is accepted, bumped to the end, and KitchenHub receives accept and complete; when the API is down the manager sees why and retries', async ({
  page,
  browser,
}) => {
  test.slow();
  await signIn(page, 'manager');
  const incoming = new IncomingPage(page);
  const hub = new KitchenHubConnectionPage(page);

  // Out of the box, in demo mode, calls go to the sandbox KitchenHub inside the app. Connect registers our webhook there.
  await hub.open();
  await expect(hub.callsGoTo()).toContainText('sandbox');
  await page.getByTestId('hub-connect').click();
  await expect(page.getByTestId('hub-check-result')).toContainText('Connected');
  await expect(page.getByTestId('hub-registration')).toHaveText('Registered');

  await incoming.open();
  const first = await simulate(incoming);
  await expect(incoming.order(first)).toBeVisible();
  await expect(incoming.order(first).getByTestId('accept-by')).toContainText('Accept within');
  const accepted = page.waitForResponse((r) => r.url().includes(`/api/kitchenhub/orders/${first}/accept`));
  await incoming.accept(first, 15);
  const orderId = ((await (await accepted).json()) as { hub_order: { order_id: string } }).hub_order.order_id;
  await expect(incoming.order(first)).toHaveCount(0);

  // A cook bumps the ticket to the end on the kitchen screen.
  const cookContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const cookPage = await cookContext.newPage();
  await signIn(cookPage, 'kitchen');
  const kitchen = new KitchenPage(cookPage);
  await kitchen.open();
  for (const step of ['Start', 'Ready', 'Handed off'] as const) await kitchen.button(orderId, step).click();
  await expect(kitchen.ticket(orderId)).toHaveCount(0);
  await cookContext.close();

  // The console shows both calls KitchenHub received: accept with its prep time, then complete.
  await hub.open();
  await expect(hub.call(first).filter({ hasText: 'Accept' })).toHaveAttribute('data-state', 'sent');
  await expect(hub.call(first).filter({ hasText: 'Accept' })).toContainText('Accept · 15 min prep');
  await expect(hub.call(first).filter({ hasText: 'Ready (complete)' })).toHaveAttribute('data-state', 'sent');

  // KitchenHub's API is unreachable: the call waits, loudly, on Incoming and on the KitchenHub page.
  await hub.setApi({ url: 'http://127.0.0.1:9', clientId: 'pbj-store', clientSecret: 'not-a-real-secret' });
  await expect(hub.callsGoTo()).toContainText('http://127.0.0.1:9');
  await incoming.open();
  const second = await simulate(incoming);
  await incoming.accept(second, 20);
  const banner = page.getByTestId('stuck-calls');
  await expect(banner).toContainText(/1 call to KitchenHub has not gone through/, { timeout: 10_000 });
  await banner.getByRole('link', { name: 'See and retry' }).click();
  await expect(page).toHaveURL(/\/manager\/kitchenhub$/);
  const stuck = hub.call(second);
  await expect(stuck).toHaveAttribute('data-state', 'pending');
  await expect(stuck).toContainText('could not be reached');

  // Back to the sandbox (clear the API settings), then "Retry now": it goes through at once.
  await hub.setApi({ url: '', clientId: '', clientSecret: '' });
  await page.getByLabel('API URL').fill('');
  await expect(hub.callsGoTo()).toContainText('sandbox');
  await stuck.getByRole('button', { name: 'Retry now' }).click();
  await expect(stuck).toHaveAttribute('data-state', 'sent');
  await incoming.open();
  await expect(page.getByTestId('stuck-calls')).toHaveCount(0);
});
