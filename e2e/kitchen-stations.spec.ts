// Station routing with handoff (issue: kitchen screen, item 10): a ticket passes prep → toaster →
// expo; each station shows its part and is alerted when a ticket is handed to it; expo sees every
// ticket's progress through the stations before it arrives.
import { expect, test } from './fixtures';
import { KitchenPage } from './pages/kitchen-page';
import { signIn } from './pages/login-page';

test('prep hands a ticket to the toaster, the toaster to expo; each is alerted and sees its part', async ({
  api,
  browser,
}) => {
  test.slow(); // several tablets open at once
  const screens = await Promise.all(
    (['prep', 'toaster', 'expo'] as const).map(async (station) => {
      const page = await browser.newPage();
      await signIn(page, 'kitchen');
      const k = new KitchenPage(page);
      await k.open(station);
      await k.waitLive();
      return k;
    }),
  );
  const [prep, toaster, expo] = screens as [KitchenPage, KitchenPage, KitchenPage];
  const order = await api.createOrder({ customer_name: 'Handoff Hugo', toast: 'dark' });

  await expect(prep.ticket(order.order_id)).toHaveAttribute('data-alerting', 'true');
  await expect(toaster.ticket(order.order_id)).toHaveCount(0);
  const trail = expo.page.getByTestId(`expo-progress-${order.order_id}`);
  await expect(trail.locator('[data-step="Prep"]')).toHaveAttribute('data-state', 'next');

  await prep.button(order.order_id, 'Start').click();
  await expect(trail.locator('[data-step="Prep"]')).toHaveAttribute('data-state', 'now');
  await prep.button(order.order_id, 'Toast').click();
  await expect(prep.ticket(order.order_id)).toHaveCount(0); // handed over

  // The toaster gets it, alerted, with the toast level first.
  await expect(toaster.ticket(order.order_id)).toHaveAttribute('data-alerting', 'true');
  await expect(toaster.ticket(order.order_id).getByTestId('toast-band')).toHaveText('Toast: Dark');
  await expect(trail.locator('[data-step="Prep"]')).toHaveAttribute('data-state', 'done');
  await expect(trail.locator('[data-step="Toaster"]')).toHaveAttribute('data-state', 'now');

  await toaster.button(order.order_id, 'Ready').click();
  await expect(toaster.ticket(order.order_id)).toHaveCount(0);
  await expect(expo.ticket(order.order_id)).toHaveAttribute('data-alerting', 'true'); // expo is told
  await expect(trail).toHaveCount(0);
  await Promise.all(screens.map((s) => s.page.close()));
});
