// Security checks (issue #11 §3) in real Chromium: every screen works under the Content-Security-Policy
// (no violation reported, hydration done), and a browser's own sign-in and taps pass the cross-site check.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { KitchenPage } from './pages/kitchen-page';
import { SECTION_PATHS } from './pages/manager-console';
import { signIn } from './pages/login-page';

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(m.text()))
      messages.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [
    ...messages,
    ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])),
  ];
}

test('public screens hydrate and work under the CSP, with no violation reported', async ({ page, api }) => {
  const violations = await watchCsp(page);
  const order = await api.createOrder({ customer_name: 'Csp Check' });
  await page.goto('/');
  await expect(page.getByRole('link', { name: /Pickup board/ })).toBeVisible();
  expect(await violations()).toEqual([]);
  await page.goto(`/track/${order.order_id}`);
  await expect(page.getByRole('button', { name: 'Cancel order' })).toBeVisible();
  expect(await violations()).toEqual([]);
  await page.goto('/board');
  // Hydrated: the live board shows the kitchen's entries (the new one may be past the column's cap).
  await expect(page.getByTestId('board-preparing').getByRole('listitem').first()).toBeVisible();
  expect(await violations()).toEqual([]);
  await page.goto('/docs');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('a cook signs in and bumps a ticket under the CSP: the browser same-origin requests pass the Origin check', async ({
  page,
  api,
}) => {
  const violations = await watchCsp(page);
  const order = await api.createOrder({ customer_name: 'Origin Check', toast: 'none' });
  await signIn(page, 'kitchen'); // POST /api/session from the page, with Origin
  const kitchen = new KitchenPage(page);
  await expect(kitchen.ticket(order.order_id)).toBeVisible();
  const tap = page.waitForResponse((r) => r.url().includes(`/api/orders/${order.order_id}/advance`));
  await kitchen.button(order.order_id, 'Start').click(); // a POST from the page, with Origin
  expect((await tap).status()).toBe(200);
  await expect(kitchen.button(order.order_id, 'Ready')).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('every manager section renders under the CSP, with no violation reported', async ({ page }) => {
  const violations = await watchCsp(page);
  await signIn(page, 'manager');
  for (const path of [...SECTION_PATHS, '/manager/kitchenhub']) {
    await page.goto(path);
    await expect(page.getByRole('navigation', { name: 'Manager sections' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await violations(), path).toEqual([]);
  }
});
