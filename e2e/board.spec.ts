import AxeBuilder from '@axe-core/playwright';
import { BoardPage } from './pages/board-page';
import { expect, test } from './pages/tracking-page';

// The lobby screen.
test.use({ viewport: { width: 1920, height: 1080 } });

test('the board moves an order from Preparing to Ready live, highlights it for a few seconds, and drops it once handed off', async ({
  api,
  cook,
  page,
}) => {
  const { order_id: id, daily_number: n } = await api.createOrder({ customer_name: 'Robin Boardman', toast: 'none' });
  const board = new BoardPage(page);
  await page.clock.install();
  await board.open();
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

  await expect(board.entry('Preparing', n)).toContainText(`${n}`);
  await expect(board.entry('Preparing', n)).toContainText('Robin');
  await expect(board.column('Preparing')).not.toContainText('Boardman'); // a first name at most
  await expect(board.entry('Ready', n)).toHaveCount(0);

  await cook.advanceTo(id, 'prepping');
  await expect(board.entry('Preparing', n)).toBeVisible();
  await cook.advanceTo(id, 'ready');
  await expect(board.entry('Ready', n)).toContainText('Robin');
  await expect(board.entry('Preparing', n)).toHaveCount(0);
  await expect(board.entry('Ready', n)).toHaveAttribute('data-fresh', 'true');
  await expect(board.entry('Ready', n)).toContainText('Just ready');

  await page.clock.runFor(11_000); // a few seconds later the highlight settles
  await expect(board.entry('Ready', n)).toHaveAttribute('data-fresh', 'false');

  await cook.advanceTo(id, 'delivered');
  await expect(board.anyEntry(n)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test('canceled orders leave the board, and no order id ever reaches the page', async ({ api, cook, page }) => {
  const { order_id: id, daily_number: n } = await api.createOrder({ customer_name: 'Cleo Cancel' });
  const board = new BoardPage(page);
  await board.open();
  await expect(board.entry('Preparing', n)).toBeVisible();
  expect(await page.content()).not.toContain(id);
  await cook.cancel(id);
  await expect(board.anyEntry(n)).toHaveCount(0);
});

test('axe finds no accessibility violations on the board', async ({ api, cook, page }) => {
  const ready = await api.createOrder({ customer_name: 'Ari Axe', toast: 'none' });
  await cook.advanceTo(ready.order_id, 'ready');
  const board = new BoardPage(page);
  await board.open();
  await expect(board.entry('Ready', ready.daily_number)).toBeVisible();
  await expect(board.connection()).toHaveText('● Live');
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(violations).toEqual([]);
});
