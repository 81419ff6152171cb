import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './pages/tracking-page';

// A customer's phone.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test('the customer follows every status live, in plain words, with Cancel offered only while queued or prepping', async ({
  api,
  cook,
  tracker,
  page,
}) => {
  const { order_id: id } = await api.createOrder({ customer_name: 'Robin Tracker', toast: 'light' });
  await tracker.recordVibrations();
  await tracker.open(id);
  await tracker.markDocument();

  await expect(tracker.stepNames()).toHaveText([
    'In the queue',
    'Being made',
    'Toasting',
    'Ready for pickup',
    'Picked up',
  ]);
  await expect(tracker.hero()).toContainText('Robin, your order number is');
  await expect(tracker.hero()).not.toContainText('Tracker');
  await expect(tracker.choices()).toContainText('Brioche');
  await expect(tracker.choices()).toContainText('Banana slices');
  await expect(tracker.headline()).toHaveText('In the queue');
  await expect(tracker.currentStep()).toHaveText(/In the queue/);
  await expect(tracker.eta()).toHaveText(/^Ready in about \d+ min$/);
  await expect(tracker.cancelButton()).toBeVisible();

  await cook.advanceTo(id, 'prepping');
  await expect(tracker.currentStep()).toHaveText(/Being made/);
  await expect(tracker.announcer()).toContainText('Being made');
  await expect(tracker.eta()).toBeVisible();
  await expect(tracker.cancelButton()).toBeVisible();

  await cook.advanceTo(id, 'toasting');
  await expect(tracker.currentStep()).toHaveText(/Toasting/);
  await expect(tracker.steps().filter({ hasText: 'Being made' })).toHaveAttribute('data-state', 'done');
  await expect(tracker.cancelButton()).toHaveCount(0);

  await cook.advanceTo(id, 'ready');
  await expect(tracker.headline()).toHaveText('Ready for pickup!');
  await expect(tracker.currentStep()).toHaveText(/Ready for pickup/);
  await expect(page).toHaveTitle(/^Ready for pickup! #\d+/);
  await expect(tracker.announcer()).toContainText('Ready for pickup!');
  await expect.poll(() => tracker.vibrations()).toBe(1);
  await expect(tracker.eta()).toHaveCount(0);
  await expect(tracker.cancelButton()).toHaveCount(0);

  await cook.advanceTo(id, 'delivered');
  await expect(tracker.headline()).toHaveText('Picked up');
  await expect(tracker.currentStep()).toHaveText(/Picked up/);
  await expect(tracker.cancelButton()).toHaveCount(0);
  expect(await tracker.isSameDocument()).toBe(true); // every change arrived live, without a reload
});

test('an order without toast never mentions toasting', async ({ api, cook, tracker }) => {
  const { order_id: id } = await api.createOrder({ toast: 'none' });
  await tracker.open(id);
  await expect(tracker.stepNames()).toHaveText(['In the queue', 'Being made', 'Ready for pickup', 'Picked up']);
  await cook.advanceTo(id, 'prepping');
  await expect(tracker.currentStep()).toHaveText(/Being made/);
  await cook.advanceTo(id, 'ready');
  await expect(tracker.currentStep()).toHaveText(/Ready for pickup/);
});

test('cancel asks first; keeping the order changes nothing, confirming cancels it', async ({ api, tracker }) => {
  const { order_id: id } = await api.createOrder();
  await tracker.open(id);
  await tracker.cancelButton().click();
  await expect(tracker.dialog()).toBeVisible();
  await expect(tracker.keepOrder()).toBeFocused(); // a stray Enter keeps the sandwich
  await tracker.keepOrder().click();
  await expect(tracker.dialog()).toHaveCount(0);
  expect((await api.getOrder(id)).status).toBe('queued');

  await tracker.cancelButton().click();
  await tracker.confirmCancel().click();
  await expect(tracker.headline()).toHaveText('You canceled this order');
  await expect(tracker.steps()).toHaveCount(0);
  await expect(tracker.cancelButton()).toHaveCount(0);
  await expect(tracker.announcer()).toContainText('You canceled this order');
  expect(await api.getOrder(id)).toMatchObject({ status: 'canceled' });
});

test('a cancel that races the kitchen is refused kindly, and the page shows where the order is now', async ({
  api,
  cook,
  tracker,
}) => {
  const { order_id: id } = await api.createOrder({ toast: 'light' });
  await cook.advanceTo(id, 'prepping');
  await tracker.blockLiveUpdates(); // the phone cannot hear the kitchen's next tap
  await tracker.open(id);
  await expect(tracker.currentStep()).toHaveText(/Being made/);
  await tracker.cancelButton().click();
  await expect(tracker.dialog()).toBeVisible();

  await cook.advanceTo(id, 'toasting'); // the kitchen starts toasting while the customer decides
  await tracker.confirmCancel().click();

  await expect(tracker.notice()).toHaveText(/too late to cancel: the kitchen has already started toasting/);
  await expect(tracker.currentStep()).toHaveText(/Toasting/);
  await expect(tracker.cancelButton()).toHaveCount(0);
  expect((await api.getOrder(id)).status).toBe('toasting');
});

test('a canceled order says kindly who canceled it', async ({ api, cook, tracker, request }) => {
  const byKitchen = await api.createOrder();
  await cook.cancel(byKitchen.order_id);
  await tracker.open(byKitchen.order_id);
  await expect(tracker.headline()).toHaveText('The kitchen canceled this order');
  await expect(tracker.hero()).toContainText('We are sorry');
  await expect(tracker.cancelButton()).toHaveCount(0);

  const byApp = await api.createOrder();
  const res = await request.delete(`/v1/orders/${byApp.order_id}`, { headers: { 'X-API-Key': 'pbj_test_8dd1f2' } });
  expect(res.status()).toBe(200);
  await tracker.open(byApp.order_id);
  await expect(tracker.headline()).toHaveText('You canceled this order');
});

test('an unknown or malformed order id gets a friendly 404 page with a way back', async ({ page }) => {
  for (const id of ['ord_aaaaaaaaaaaaaaaaaaaa', 'not-an-order']) {
    const res = await page.goto(`/track/${id}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We can’t find that order');
    await expect(page.getByText(id)).toHaveCount(0);
  }
  await page.getByRole('link', { name: /Back to PB&J Kitchen/ }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('without the live stream the page polls every 15 s with If-None-Match and still follows the kitchen', async ({
  api,
  cook,
  tracker,
  page,
}) => {
  const { order_id: id } = await api.createOrder({ toast: 'none' });
  const polls: Array<{ ifNoneMatch: string | undefined; status: number }> = [];
  page.on('response', (res) => {
    if (new URL(res.url()).pathname === `/api/track/${id}`)
      polls.push({ ifNoneMatch: res.request().headers()['if-none-match'], status: res.status() });
  });
  await page.clock.install();
  await tracker.blockLiveUpdates();
  await tracker.open(id);
  await expect(tracker.connectionHint()).toBeVisible(); // quiet: a small pill, not an alarm
  await expect(tracker.currentStep()).toHaveText(/In the queue/);

  await cook.advanceTo(id, 'prepping');
  await page.clock.runFor(15_500);
  await expect(tracker.currentStep()).toHaveText(/Being made/);
  await page.clock.runFor(15_500);
  await expect.poll(() => polls.length).toBeGreaterThanOrEqual(2);
  expect(polls[0]).toMatchObject({ ifNoneMatch: expect.stringMatching(/^W\/"/), status: 200 }); // the page's first ETag, now stale
  expect(polls[1]).toMatchObject({ ifNoneMatch: expect.stringMatching(/^W\/"/), status: 304 }); // nothing new: no body
});

test('a quiet reconnecting hint shows while the live connection is down, and goes when it is back', async ({
  api,
  cook,
  tracker,
}) => {
  const { order_id: id } = await api.createOrder();
  await tracker.blockLiveUpdates();
  await tracker.open(id);
  await expect(tracker.connectionHint()).toHaveText(/Reconnecting/);
  await expect(tracker.connectionHint()).not.toHaveAttribute('role', 'alert');
  await tracker.restoreLiveUpdates();
  await expect(tracker.connectionHint()).toHaveCount(0, { timeout: 10_000 }); // the browser retries on its own
  await cook.advanceTo(id, 'prepping');
  await expect(tracker.currentStep()).toHaveText(/Being made/);
});

test('axe finds no accessibility violations in the queued, ready and canceled states, or in the dialog', async ({
  api,
  cook,
  tracker,
  page,
}) => {
  const axe = () =>
    new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const { order_id: id } = await api.createOrder({ customer_name: 'Ari Axe' });
  await tracker.open(id);
  await expect(tracker.currentStep()).toHaveText(/In the queue/);
  expect((await axe()).violations).toEqual([]);
  await tracker.cancelButton().click();
  await expect(tracker.dialog()).toBeVisible();
  expect((await axe()).violations).toEqual([]);
  await tracker.keepOrder().click();

  await cook.advanceTo(id, 'ready');
  await expect(tracker.headline()).toHaveText('Ready for pickup!');
  expect((await axe()).violations).toEqual([]);

  const canceled = await api.createOrder();
  await cook.cancel(canceled.order_id);
  await tracker.open(canceled.order_id);
  await expect(tracker.headline()).toHaveText('The kitchen canceled this order');
  expect((await axe()).violations).toEqual([]);

  await page.goto('/track/ord_aaaaaaaaaaaaaaaaaaaa');
  expect((await axe()).violations).toEqual([]);
});

test('at 200% zoom (195 CSS px wide) everything still fits without sideways scrolling', async ({
  api,
  tracker,
  page,
}) => {
  await page.setViewportSize({ width: 195, height: 422 });
  const { order_id: id } = await api.createOrder({
    customer_name: 'Maximiliana',
    extras: ['banana_slices', 'marshmallow_fluff', 'cinnamon'],
  });
  await tracker.open(id);
  await expect(tracker.cancelButton()).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
