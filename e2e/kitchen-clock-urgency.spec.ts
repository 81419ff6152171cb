// One clock and urgency without colour (issue: kitchen screen, items 4 and 5): ages run on the
// server's clock whatever the tablet's says, and a ticket's urgency shows by pattern, icon and words
// as well as colour, checked under Chromium's vision-deficiency emulation.
import { expect, test } from './fixtures';
import { backdateOrder } from './support/db';

const MINUTE = 60_000;
/** "4:07" → seconds. */
const seconds = (clock: string | null) =>
  (clock ?? '').split(':').reduce((total, part) => total * 60 + Number(part), 0);

for (const [name, skew] of [
  ['ten minutes slow', -10 * MINUTE],
  ['ten minutes fast', 10 * MINUTE],
] as const) {
  test(`a tablet whose clock is ${name} still shows true ages`, async ({ api, kitchen, page }) => {
    const earlier = await api.createOrder({ customer_name: `Earlier ${name.split(' ')[2]}` });
    backdateOrder(earlier.order_id, 4 * MINUTE);
    await page.clock.install({ time: Date.now() + skew });
    await kitchen.open();
    const fresh = await api.createOrder({ customer_name: `Fresh ${name.split(' ')[2]}` });
    const freshAge = kitchen.ticket(fresh.order_id).getByLabel(/^Age /);
    const earlierAge = kitchen.ticket(earlier.order_id).getByLabel(/^Age /);
    await expect(freshAge).toBeVisible();
    expect(seconds(await freshAge.textContent())).toBeLessThan(30); // not 10:00, and not negative
    const fourMinutes = seconds(await earlierAge.textContent());
    expect(fourMinutes).toBeGreaterThanOrEqual(240);
    expect(fourMinutes).toBeLessThan(270);
    await expect
      .poll(async () => seconds(await freshAge.textContent()))
      .toBeGreaterThan(seconds(await freshAge.textContent())); // and it runs
  });
}

test('urgency shows by border pattern, icon and words as well as colour, also to colour-blind eyes', async ({
  api,
  kitchen,
  page,
}, testInfo) => {
  // Demo thresholds: late soon at 5 minutes, late at 8.
  const normal = await api.createOrder({ customer_name: 'Nova Normal' });
  const soon = await api.createOrder({ customer_name: 'Sid Soon' });
  const late = await api.createOrder({ customer_name: 'Lou Late' });
  backdateOrder(soon.order_id, 5.5 * MINUTE);
  backdateOrder(late.order_id, 9 * MINUTE);
  await kitchen.open();
  const border = (id: string) => kitchen.ticket(id).evaluate((el) => getComputedStyle(el).borderTopStyle);

  await expect(kitchen.ticket(normal.order_id)).toHaveAttribute('data-age', 'normal');
  expect(await border(normal.order_id)).toBe('solid');
  await expect(kitchen.ticket(normal.order_id).getByTestId('age-label')).toHaveCount(0);

  await expect(kitchen.ticket(soon.order_id)).toHaveAttribute('data-age', 'warning');
  expect(await border(soon.order_id)).toBe('dashed');
  await expect(kitchen.ticket(soon.order_id).getByTestId('age-label')).toHaveText(/^LATE SOON 5:\d\d$/);
  await expect(kitchen.ticket(soon.order_id).getByTestId('age-icon')).toBeVisible();

  await expect(kitchen.ticket(late.order_id)).toHaveAttribute('data-age', 'late');
  expect(await border(late.order_id)).toBe('double');
  await expect(kitchen.ticket(late.order_id).getByTestId('age-label')).toHaveText(/^LATE 9:\d\d$/);
  await expect(kitchen.ticket(late.order_id).getByTestId('age-icon')).toBeVisible();

  // What a colour-blind cook sees: the words, icons and patterns are still there to tell them apart.
  const cdp = await page.context().newCDPSession(page);
  for (const type of ['deuteranopia', 'protanopia', 'achromatopsia'] as const) {
    await cdp.send('Emulation.setEmulatedVisionDeficiency', { type });
    await testInfo.attach(`tickets under ${type}`, { body: await page.screenshot(), contentType: 'image/png' });
    await expect(kitchen.ticket(late.order_id).getByTestId('age-label')).toHaveText(/^LATE 9:\d\d$/);
  }
  await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'none' });
});

test('the header counts late tickets and shows the last hour’s average ticket time; the side panel what the line needs', async ({
  api,
  kitchen,
  page,
}) => {
  await kitchen.open();
  await kitchen.waitLive();
  const need = (key: string) => page.getByTestId('production').locator(`[data-need="${key}"]`);
  const count = async (key: string) =>
    (await need(key).count()) ? Number(await need(key).getAttribute('data-count')) : 0;
  const late = kitchen.page.getByTestId('kitchen-late-count');
  const lateBefore = Number(await late.getAttribute('data-count'));
  const slicesBefore = await count('bread');
  const toastsBefore = await count('toasts');

  const order = await api.createOrder({ customer_name: 'Pace Pia', toast: 'dark' });
  await expect(kitchen.ticket(order.order_id)).toBeVisible();
  await expect.poll(() => count('bread')).toBe(slicesBefore + 2);
  expect(await count('toasts')).toBe(toastsBefore + 1);

  const overdue = await api.createOrder({ customer_name: 'Overdue Otto' });
  backdateOrder(overdue.order_id, 9 * MINUTE);
  await page.reload(); // a backdated order is not an event: read the board again
  await expect(late).toHaveAttribute('data-count', String(lateBefore + 1));

  // Bumped to ready, it counts in the average (sent with the next heartbeat).
  for (const button of ['Start', 'Toast', 'Ready'] as const) await kitchen.button(order.order_id, button).click();
  await expect(page.getByTestId('kitchen-pace')).toContainText(/Avg\s*\d+:\d\d/, { timeout: 15_000 });
});
