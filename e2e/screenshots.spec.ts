// `npm run screenshots`: the pictures in the README, taken from the demo data at tablet and phone sizes.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { OrdersApi } from './api';
import { KitchenPage } from './pages/kitchen-page';
import { signIn } from './pages/login-page';
import { backdateOrder } from './support/db';

const OUT = 'docs/screenshots';

test('kitchen screen, busy, with late tickets, an edit and a cancel (1280×800)', async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const api = new OrdersApi(request);
  const edited = await api.createOrder({
    customer_name: 'Theo Park',
    bread: 'sourdough',
    jelly: 'grape',
    toast: 'none',
  });
  const canceled = await api.createOrder({
    customer_name: 'Nia Lopez',
    bread: 'wheat',
    jelly: 'raspberry',
    toast: 'medium',
  });
  await api.editOrder(edited.order_id, { jelly: 'strawberry', extras: ['honey'] });
  await api.cancelOrder(canceled.order_id);
  const rushed = await api.createOrder({ customer_name: 'Rafa Diaz', bread: 'white', jelly: 'apricot', toast: 'none' });
  await signIn(page, 'kitchen');
  const board = (await (await page.request.get('/api/tickets')).json()) as {
    tickets: Array<{ order_id: string; version: number }>;
  };
  const version = board.tickets.find((t) => t.order_id === rushed.order_id)?.version ?? 1;
  expect((await page.request.post(`/api/orders/${rushed.order_id}/rush`, { data: { version } })).status()).toBe(200);
  const kitchen = new KitchenPage(page);
  await kitchen.open();
  await kitchen.waitLive();
  await expect(kitchen.ticket(canceled.order_id)).toHaveAttribute('data-status', 'canceled');
  await page.screenshot({ path: `${OUT}/kitchen.png` });
  await kitchen
    .ticket(edited.order_id)
    .getByRole('button', { name: /^History and rush for/ })
    .click();
  await expect(page.getByTestId('history-entry')).toHaveCount(2);
  await page.screenshot({ path: `${OUT}/kitchen-history.png` });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Keyboard help' }).click();
  await page.screenshot({ path: `${OUT}/kitchen-help.png` });
});

test('staff sign-in on a phone (390×844)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/login');
  await page.getByLabel('Your name').fill('Casey');
  await page.getByRole('button', { name: '1', exact: true }).click();
  await page.screenshot({ path: `${OUT}/login-phone.png` });
});

test('staff sign-in on a trusted kitchen tablet: names to tap (1280×800)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'manager'); // a manager's sign-in marks the tablet trusted
  await page.context().clearCookies({ name: 'kds_session' });
  await page.goto('/login?next=%2Fkitchen');
  await page.getByRole('button', { name: 'Casey', exact: true }).click();
  await page.screenshot({ path: `${OUT}/login-tablet.png` });
});

test('home page (1280×800)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await page.screenshot({ path: `${OUT}/home.png` });
});

test('manager: incoming delivery-app orders (1280×800)', async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const sample = fs.readFileSync('test/fixtures/kitchenhub/webhook-order-created.json', 'utf8');
  for (const [id, name, daily] of [
    ['8100000000000001', 'Dana Kowalski', 41],
    ['8100000000000002', 'Marco Rossi', 42],
  ] as const) {
    const body = sample
      .replace('5501505922269184', id)
      .replace('"Ari S"', `"${name}"`)
      .replace('"daily_number": 15', `"daily_number": ${daily}`);
    const res = await request.post('/api/kitchenhub/webhook', {
      headers: { 'Content-Type': 'application/json', 'X-KDS-Webhook-Secret': 'e2e-webhook-secret-0123456789' },
      data: body,
    });
    expect(res.status()).toBe(200);
  }
  await signIn(page, 'manager', '/manager/incoming');
  await expect(page.getByTestId('incoming-8100000000000002')).toBeVisible();
  await page.screenshot({ path: `${OUT}/manager-incoming.png` });
});

test('manager: KitchenHub calls, connection and deliveries log (1280×800 and 390×844)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'manager', '/manager/incoming');
  for (const kind of ['asap', 'scheduled'] as const) {
    const res = await page.request.post('/api/kitchenhub/simulate', { data: { kind } });
    expect(res.status()).toBe(201);
    const { hub_order_id } = (await res.json()) as { hub_order_id: string };
    if (kind === 'asap')
      expect(
        (
          await page.request.post(`/api/kitchenhub/orders/${hub_order_id}/accept`, { data: { prep_time_minutes: 15 } })
        ).status(),
      ).toBe(200);
  }
  await page.goto('/manager/kitchenhub');
  await expect(page.getByTestId('hub-call').first()).toHaveAttribute('data-state', 'sent');
  await page.screenshot({ path: `${OUT}/manager-kitchenhub.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${OUT}/manager-kitchenhub-phone.png` });
});

test('the missing-order alarm on the manager console and on a kitchen screen (1280×800)', async ({
  page,
  browser,
  request,
}) => {
  test.slow();
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'manager', '/manager/screens');
  expect((await page.request.put('/api/screens/settings', { data: { missing_order_seconds: 5 } })).status()).toBe(200);
  // A toaster tablet reports in, but a new order is not its station's and no other screen is open.
  const tablet = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signIn(tablet, 'kitchen');
  await new KitchenPage(tablet).open('toaster');
  const order = await new OrdersApi(request).createOrder({
    customer_name: 'Rosa Quinn',
    bread: 'wheat',
    toast: 'none',
  });
  await expect(page.getByTestId('missing-order-alarm').locator(`[data-order-id="${order.order_id}"]`)).toBeVisible({
    timeout: 20_000,
  });
  await page.screenshot({ path: `${OUT}/manager-screens-alarm.png` });
  await expect(tablet.getByTestId('missing-order-alarm')).toBeVisible();
  await tablet.screenshot({ path: `${OUT}/kitchen-missing-order-alarm.png` });
  await page.request.put('/api/screens/settings', { data: { missing_order_seconds: 20 } });
  await tablet.close();
});

test('late, late-soon and on-time tickets in normal vision and under deuteranopia (1280×800)', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const api = new OrdersApi(request);
  const late = await api.createOrder({
    customer_name: 'Lou Marsh',
    bread: 'sourdough',
    jelly: 'strawberry',
    toast: 'dark',
  });
  const soon = await api.createOrder({ customer_name: 'Sid Park', bread: 'white', jelly: 'grape', toast: 'none' });
  await api.createOrder({ customer_name: 'Nova Reyes', bread: 'brioche', jelly: 'apricot', toast: 'light' });
  backdateOrder(late.order_id, 9 * 60_000);
  backdateOrder(soon.order_id, 5.5 * 60_000);
  await signIn(page, 'kitchen');
  const kitchen = new KitchenPage(page);
  await kitchen.open('prep');
  await kitchen.waitLive();
  await expect(kitchen.ticket(late.order_id)).toHaveAttribute('data-age', 'late');
  await page.screenshot({ path: `${OUT}/kitchen-urgency.png` });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'deuteranopia' });
  await page.screenshot({ path: `${OUT}/kitchen-urgency-deuteranopia.png` });
  await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'none' });
});
