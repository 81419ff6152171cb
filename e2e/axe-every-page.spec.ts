// Accessibility on every page (issue 24, item 4): axe (WCAG 2.1 A and AA, contrast included, and its
// best practices) finds nothing on the public pages, the kitchen screen with live and late tickets,
// and every manager page, each at the size it is used at.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './pages/tracking-page';
import { signIn } from './pages/login-page';

// Each test runs axe on several pages, and one run on the long /docs page takes 20 s on a busy 2-core
// machine: more than the default 30 s per test leaves for the rest.
test.describe.configure({ timeout: 120_000 });

const axe = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  // Name, rule and the first offending node are enough to find it.
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
};

test('public pages: home, sign-in, API docs', async ({ page }) => {
  for (const path of ['/', '/login', '/docs']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    expect(await axe(page), path).toEqual([]);
  }
});

test('the kitchen screen with tickets', async ({ page, api, cook }) => {
  // The demo's open orders are on screen (late ones among them); one more of our own, canceled again
  // after, so the board the other specs read stays as it was.
  const { order_id } = await api.createOrder({ customer_name: 'Axe Check', toast: 'none' });
  try {
    await signIn(page, 'kitchen');
    await page.goto('/kitchen');
    await expect(page.getByTestId(/^ticket-ord_/).first()).toBeVisible();
    expect(await axe(page)).toEqual([]);
  } finally {
    await cook.cancel(order_id); // a kitchen cancel: no customer-cancel alert left on the screens
  }
});

test('every manager page', async ({ page }) => {
  await signIn(page, 'manager');
  for (const path of [
    '/manager/incoming',
    '/manager/stock',
    '/manager/numbers',
    '/manager/store',
    '/manager/keys',
    '/manager/staff',
    '/manager/kitchenhub',
    '/manager/screens',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(/^Loading/)).toHaveCount(0, { timeout: 10_000 });
    expect(await axe(page), path).toEqual([]);
  }
});
