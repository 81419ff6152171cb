import { test as base } from '@playwright/test';
import { OrdersApi } from './api';
import { KitchenPage } from './pages/kitchen-page';
import { signIn } from './pages/login-page';

export const test = base.extend<{ api: OrdersApi; kitchen: KitchenPage }>({
  api: async ({ request }, use) => use(new OrdersApi(request)),
  kitchen: async ({ page }, use) => {
    await signIn(page, 'kitchen'); // through the real /login page
    await use(new KitchenPage(page));
  },
});
export { expect } from '@playwright/test';
