import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';

test('the home page says what this is and links to every screen', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const name of ['Kitchen screen', 'Manager console', 'Pickup board', 'API docs']) {
    await expect(page.getByRole('link', { name: new RegExp(name) })).toBeVisible();
  }
});

test('the kitchen screen asks for a name and PIN, refuses a wrong one, and shows the demo orders after sign-in', async ({
  page,
}) => {
  await page.goto('/kitchen');
  await expect(page).toHaveURL(/\/login\?next=%2Fkitchen/);
  const login = new LoginPage(page);
  await expect(page.getByRole('button', { name: 'Casey' })).toHaveCount(0); // an untrusted device lists nobody
  await login.signInAs('Casey', '0000');
  await expect(login.error()).toContainText('PIN');
  await login.enterPin('1111'); // the name stays typed
  await expect(page).toHaveURL(/\/kitchen$/);
  // The demo seed has open orders from Sam, Ivy, Zoe, Leo and Mia.
  for (const name of ['Sam', 'Ivy', 'Zoe', 'Leo', 'Mia'])
    await expect(page.getByText(name, { exact: true })).toBeVisible();
});

test('an order placed through the API shows on the kitchen screen', async ({ api, kitchen, page }) => {
  const order = await api.createOrder({ customer_name: 'Robin Test' });
  await kitchen.open();
  await expect(kitchen.ticket(order.order_id)).toBeVisible();
  await expect(kitchen.ticket(order.order_id)).toContainText(`${order.daily_number}`);
  await expect(page.getByText('Robin', { exact: true })).toBeVisible();
});

test('a tablet a manager has signed in on lists the staff to tap, and a cook signs in with a tap and a PIN', async ({
  page,
}) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signInAs('Morgan', '9999');
  await expect(page).toHaveURL(/\/manager/);
  await page.context().clearCookies({ name: 'kds_session' }); // signed out; the device mark stays
  await login.open('/kitchen');
  const names = page.getByRole('group', { name: 'Who are you?' });
  await expect(names.getByRole('button', { name: 'Casey', exact: true })).toBeVisible();
  await expect(names.getByRole('button', { name: 'Morgan', exact: true })).toBeVisible();
  await names.getByRole('button', { name: 'Casey', exact: true }).click();
  await expect(names.getByRole('button', { name: 'Casey', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await login.enterPin('1111');
  await expect(page).toHaveURL(/\/kitchen$/);
});
