import { expect, test } from './fixtures';
import { KitchenPage } from './pages/kitchen-page';
import { signIn } from './pages/login-page';

test.describe('kitchen screen', () => {
  test('a ticket created through the API appears without a reload', async ({ api, kitchen }) => {
    await kitchen.open();
    await kitchen.waitLive();
    const order = await api.createOrder({ customer_name: 'Wren Live' });
    await expect(kitchen.ticket(order.order_id)).toBeVisible();
    await expect(kitchen.ticket(order.order_id)).toContainText('Wren');
    await expect(kitchen.ticket(order.order_id)).toContainText(`#${order.daily_number}`);
    await expect(kitchen.ticket(order.order_id)).toContainText('Brioche');
  });

  test('each button moves the status one step and the API sees it; cancel shows only while queued or prepping', async ({
    api,
    kitchen,
  }) => {
    const order = await api.createOrder({ toast: 'light' });
    const id = order.order_id;
    await kitchen.open();
    const steps: Array<[button: 'Start' | 'Toast' | 'Ready' | 'Handed off', status: string, cancel: boolean]> = [
      ['Start', 'prepping', true],
      ['Toast', 'toasting', false],
      ['Ready', 'ready', false],
      ['Handed off', 'delivered', false],
    ];
    await expect(kitchen.button(id, 'Cancel')).toBeVisible(); // queued
    for (const [button, status, cancel] of steps) {
      await kitchen.button(id, button).click();
      await expect.poll(async () => (await api.getOrder(id)).status).toBe(status);
      if (status === 'delivered') {
        await expect(kitchen.ticket(id)).toHaveCount(0); // handed off tickets leave the board
      } else {
        await expect(kitchen.ticket(id)).toHaveAttribute('data-status', status);
        await expect(kitchen.button(id, 'Cancel')).toHaveCount(cancel ? 1 : 0);
      }
    }
  });

  test('toast "none" goes from Start straight to Ready', async ({ api, kitchen }) => {
    const { order_id: id } = await api.createOrder({ toast: 'none' });
    await kitchen.open();
    await kitchen.button(id, 'Start').click();
    await expect(kitchen.button(id, 'Toast')).toHaveCount(0);
    await kitchen.button(id, 'Ready').click();
    await expect(kitchen.ticket(id)).toHaveAttribute('data-status', 'ready');
  });

  test('cancel asks first; "Keep it" changes nothing, "Yes" cancels for the kitchen', async ({ api, kitchen }) => {
    const { order_id: id } = await api.createOrder();
    await kitchen.open();
    await kitchen.button(id, 'Cancel').click();
    await kitchen.keepOrder().click();
    expect((await api.getOrder(id)).status).toBe('queued');
    await kitchen.button(id, 'Cancel').click();
    await kitchen.confirmCancel().click();
    await expect(kitchen.ticket(id)).toHaveCount(0); // the kitchen's own cancel needs no acknowledgement
    const after = await api.getOrder(id);
    expect([after.status, after.canceled_by]).toEqual(['canceled', 'kitchen']);
  });

  test('a wrong tap is undone in one tap, and recall brings back a handed-off ticket', async ({ api, kitchen }) => {
    const { order_id: id } = await api.createOrder({ toast: 'none' });
    await kitchen.open();
    await kitchen.button(id, 'Start').click();
    await expect(kitchen.ticket(id)).toHaveAttribute('data-status', 'prepping');
    await kitchen.undoButton().click();
    await expect(kitchen.ticket(id)).toHaveAttribute('data-status', 'queued');
    expect((await api.getOrder(id)).status).toBe('queued');

    await kitchen.button(id, 'Start').click();
    await kitchen.button(id, 'Ready').click();
    await kitchen.button(id, 'Handed off').click();
    await expect(kitchen.ticket(id)).toHaveCount(0);
    await kitchen.openRecall();
    await kitchen.recallItem(id).getByRole('button', { name: 'Recall' }).click();
    await kitchen.page.keyboard.press('Escape');
    await expect(kitchen.ticket(id)).toHaveAttribute('data-status', 'ready');
    expect((await api.getOrder(id)).status).toBe('ready');
  });

  test('an edit is flagged with what changed until a cook acknowledges it', async ({ api, kitchen }) => {
    const { order_id: id } = await api.createOrder({ jelly: 'grape' });
    await kitchen.open();
    await kitchen.waitLive();
    await api.editOrder(id, { jelly: 'apricot' });
    const ticket = kitchen.ticket(id);
    await expect(ticket.getByText('Changed', { exact: true })).toBeVisible();
    await expect(ticket.getByText('Grape jelly')).toHaveCSS('text-decoration-line', 'line-through');
    await expect(ticket.getByText('Apricot jelly')).toBeVisible();
    await kitchen.button(id, 'Got it').click();
    await expect(ticket.getByText('Changed', { exact: true })).toHaveCount(0);
    await expect(ticket.getByText('Grape jelly')).toHaveCount(0);
    await expect(kitchen.button(id, 'Start')).toBeVisible();
  });

  test('a customer cancel turns the ticket unmistakably canceled until acknowledged, then it leaves', async ({
    api,
    kitchen,
  }) => {
    const { order_id: id } = await api.createOrder();
    await kitchen.open();
    await kitchen.waitLive();
    await api.cancelOrder(id);
    await expect(kitchen.ticket(id)).toHaveAttribute('data-status', 'canceled');
    await expect(kitchen.ticket(id)).toContainText('by the customer');
    await expect(kitchen.button(id, 'Cancel')).toHaveCount(0);
    await expect(kitchen.button(id, 'Start')).toHaveCount(0);
    await kitchen.button(id, 'Got it').click();
    await expect(kitchen.ticket(id)).toHaveCount(0);
  });

  test('stations show only their statuses, chosen in the URL', async ({ api, kitchen }) => {
    const a = await api.createOrder({ toast: 'dark' });
    const b = await api.createOrder({ toast: 'dark' });
    await kitchen.open();
    await kitchen.button(b.order_id, 'Start').click();
    await kitchen.button(b.order_id, 'Toast').click();
    await expect(kitchen.ticket(b.order_id)).toHaveAttribute('data-status', 'toasting');
    await kitchen.open('prep');
    await expect(kitchen.ticket(a.order_id)).toBeVisible();
    await expect(kitchen.ticket(b.order_id)).toHaveCount(0);
    await kitchen.open('toaster');
    await expect(kitchen.ticket(b.order_id)).toBeVisible();
    await expect(kitchen.ticket(a.order_id)).toHaveCount(0);
    await kitchen.page.getByRole('link', { name: 'Expo' }).click();
    await expect(kitchen.page).toHaveURL(/station=expo/);
    await expect(kitchen.ticket(b.order_id)).toHaveCount(0);
  });

  test('two screens bump the same ticket at once: only one move happens, the other screen is told calmly', async ({
    api,
    kitchen,
    browser,
  }) => {
    test.slow(); // two tablets signing in
    const { order_id: id } = await api.createOrder();
    const otherContext = await browser.newContext();
    const otherPage = await otherContext.newPage();
    await signIn(otherPage, 'kitchen');
    const other = new KitchenPage(otherPage);
    // The second screen hears nothing after its first load, so it still shows the ticket queued when it taps.
    await otherPage.route('**/api/events*', (route) => route.abort());
    await kitchen.open();
    await other.open();
    await expect(kitchen.button(id, 'Start')).toBeVisible();
    await expect(other.button(id, 'Start')).toBeVisible();
    await otherPage.route('**/api/tickets', (route) => route.abort());
    await kitchen.button(id, 'Start').click();
    await expect.poll(async () => (await api.getOrder(id)).status).toBe('prepping');
    await other.button(id, 'Start').click();
    await expect(other.notice()).toContainText('already changed on another screen');
    await expect(other.ticket(id)).toHaveAttribute('data-status', 'prepping');
    const order = await api.getOrder(id);
    expect([order.status, order.version]).toEqual(['prepping', 2]);
    await otherContext.close();
  });

  test('when the stream drops the banner says so and tickets stay; it recovers by itself', async ({
    api,
    kitchen,
    context,
  }) => {
    const before = await api.createOrder();
    await kitchen.open();
    await kitchen.waitLive();
    await context.setOffline(true);
    await expect(kitchen.banner()).toBeVisible({ timeout: 10_000 });
    await expect(kitchen.ticket(before.order_id)).toBeVisible();
    const during = await api.createOrder(); // placed while the tablet is offline
    await context.setOffline(false);
    await expect(kitchen.banner()).toHaveCount(0, { timeout: 15_000 });
    await expect(kitchen.ticket(during.order_id)).toBeVisible();
  });

  test('a keyboard or bump bar alone can select, bump, undo, cancel and acknowledge', async ({ api, kitchen }) => {
    await kitchen.open('prep');
    await kitchen.waitLive();
    const { order_id: id } = await api.createOrder({ toast: 'none' });
    await expect(kitchen.ticket(id)).toBeVisible();
    const position = await kitchen
      .tickets()
      .evaluateAll((els, want) => els.findIndex((e) => e.getAttribute('data-testid') === want) + 1, `ticket-${id}`);
    expect(position).toBeGreaterThan(0);
    const keys = kitchen.page.keyboard;
    if (position <= 9) await keys.press(String(position));
    else for (let i = 0; i < position; i++) await keys.press('ArrowRight');
    await keys.press('Enter');
    await expect(kitchen.ticket(id)).toHaveAttribute('data-status', 'prepping');
    await keys.press('u');
    await expect(kitchen.ticket(id)).toHaveAttribute('data-status', 'queued');
    await api.editOrder(id, { bread: 'wheat' });
    await expect(kitchen.ticket(id).getByText('Changed', { exact: true })).toBeVisible();
    await keys.press('a');
    await expect(kitchen.ticket(id).getByText('Changed', { exact: true })).toHaveCount(0);
    await keys.press('c');
    await expect(kitchen.page.getByRole('alertdialog')).toBeVisible();
    await keys.press('Enter');
    await expect(kitchen.ticket(id)).toHaveCount(0);
    expect((await api.getOrder(id)).status).toBe('canceled');
    await keys.press('?');
    await expect(kitchen.page.getByRole('dialog', { name: 'Bump bar and keyboard' })).toBeVisible();
    await keys.press('Escape');
    await expect(kitchen.page.getByRole('dialog')).toHaveCount(0);
  });

  test('86d options show in the header and all-day counts total the open tickets', async ({ kitchen, page }) => {
    await kitchen.open();
    await expect(kitchen.allDay()).toContainText('Bread');
    const res = await page.request.put('/api/stock/jelly/blackberry', { data: { in_stock: false } });
    expect(res.ok()).toBe(true);
    try {
      await kitchen.open();
      await expect(page.getByTestId('kitchen-86')).toContainText('Blackberry');
      const refused = await page.request.post('/v1/orders', {
        headers: { 'X-API-Key': 'pbj_test_8dd1f2' },
        data: { customer_id: 'c', bread: 'white', peanut_butter: 'smooth', jelly: 'blackberry' },
      });
      expect(refused.status()).toBe(409);
    } finally {
      await page.request.put('/api/stock/jelly/blackberry', { data: { in_stock: true } });
    }
  });
});
