import type { APIRequestContext, Browser } from '@playwright/test';
import { DEMO_API_KEY, SEED_EXAMPLE_ORDER } from './api';
import { expect, test as base } from './fixtures';
import { ManagerConsole, SECTION_PATHS, type ManagerSection } from './pages/manager-console';
import { ManagerKeys } from './pages/manager-keys';
import { ManagerNumbers } from './pages/manager-numbers';
import { ManagerStaff } from './pages/manager-staff';
import { ManagerStock } from './pages/manager-stock';
import { ManagerStore } from './pages/manager-store';
import { DEMO_NAMES, DEMO_PINS, LoginPage, signIn } from './pages/login-page';

const test = base.extend<{ console: ManagerConsole }>({
  console: async ({ page }, use) => {
    await signIn(page, 'manager'); // through the real /login page
    await use(new ManagerConsole(page));
  },
});

/** An ordering app's POST /v1/orders with `key`. */
const order = (request: APIRequestContext, overrides: Record<string, unknown> = {}, key = DEMO_API_KEY) =>
  request.post('/v1/orders', { headers: { 'X-API-Key': key }, data: { ...SEED_EXAMPLE_ORDER, ...overrides } });

/** A new browser profile on this server (contexts made by hand do not inherit the config's baseURL). */
const newDevice = (browser: Browser) => browser.newContext({ baseURL: test.info().project.use.baseURL });
/** A suffix that keeps names and PINs unique if a test is retried on the same database. */
const unique = () => String(Date.now()).slice(-6);

/** A second device signed in by name and PIN (a kitchen tablet, a new member's phone). */
async function deviceFor(browser: Browser, name: string, pin: string) {
  const context = await newDevice(browser);
  const res = await context.request.post('/api/session', { data: { name, pin } });
  expect(res.status()).toBe(200);
  return context;
}

test.describe('manager console', () => {
  test('one navigation: /manager opens Incoming and every section is one tap away', async ({
    console: manager,
    page,
  }) => {
    await manager.open();
    await expect(page).toHaveURL(/\/manager\/incoming$/);
    const headings: Record<ManagerSection, RegExp> = {
      Incoming: /Incoming/,
      Stock: /Stock/,
      Numbers: /numbers/i,
      Store: /Store/,
      'API keys': /API keys/,
      Staff: /Staff/,
    };
    for (const [section, heading] of Object.entries(headings) as Array<[ManagerSection, RegExp]>) {
      await manager.section(section).click();
      await expect(manager.heading()).toHaveText(heading);
      await expect(manager.section(section)).toHaveAttribute('aria-current', 'page');
    }
  });

  test('86 an option: the API refuses it at once, every section shows it, and restoring brings it back', async ({
    console: manager,
    page,
    request,
  }) => {
    const stock = new ManagerStock(page);
    const fluff = stock.option('Extras', 'Marshmallow fluff');
    await stock.open();
    await expect(fluff).toHaveAttribute('aria-checked', 'true');
    try {
      await fluff.click();
      await expect(fluff).toHaveAttribute('aria-checked', 'false');
      await expect(manager.eightySixed()).toContainText('Marshmallow fluff');

      const refused = await order(request, { extras: ['marshmallow_fluff'] });
      expect(refused.status()).toBe(409);
      expect(await refused.json()).toMatchObject({
        error: 'out_of_stock',
        message: 'Marshmallow fluff is out of stock.',
        item: { type: 'extras', option: 'marshmallow_fluff' },
      });

      await manager.section('Numbers').click();
      await expect(manager.eightySixed()).toContainText('Marshmallow fluff');
      await manager.section('Stock').click();
      await fluff.click();
      await expect(fluff).toHaveAttribute('aria-checked', 'true');
      await expect(manager.eightySixed()).not.toContainText('Marshmallow fluff');
      expect((await order(request, { extras: ['marshmallow_fluff'] })).status()).toBe(201);
    } finally {
      await page.request.put('/api/stock/extras/marshmallow_fluff', { data: { in_stock: true } });
    }
  });

  test("a cook's 86 from the kitchen shows on the manager's screen without a reload", async ({
    console: manager,
    browser,
  }) => {
    await manager.open('/manager/keys');
    await expect(manager.eightySixed()).not.toContainText('Multigrain');
    const tablet = await deviceFor(browser, DEMO_NAMES.kitchen, DEMO_PINS.kitchen);
    try {
      expect((await tablet.request.put('/api/stock/bread/multigrain', { data: { in_stock: false } })).status()).toBe(
        200,
      );
      await expect(manager.eightySixed()).toContainText('Multigrain', { timeout: 10_000 }); // the bar polls every few seconds
    } finally {
      await tablet.request.put('/api/stock/bread/multigrain', { data: { in_stock: true } });
      await tablet.close();
    }
    await expect(manager.eightySixed()).not.toContainText('Multigrain', { timeout: 10_000 });
  });

  test('create a key, see the API accept it, revoke it, see the API refuse it', async ({
    console: _signedIn,
    page,
    request,
  }) => {
    const keys = new ManagerKeys(page);
    const name = `E2E kiosk ${unique()}`;
    await keys.open();
    await keys.create(name, 'Test');
    await expect(keys.newKey()).toHaveText(/^pbj_test_[a-z2-7]{32}$/);
    const secret = (await keys.newKey().textContent()) ?? '';

    const accepted = await order(request, {}, secret);
    expect(accepted.status()).toBe(201);
    await keys.dismissNewKey();
    await expect(keys.newKey()).toHaveCount(0); // shown once: gone for good
    await expect(keys.row(name)).toContainText(secret.slice(0, 15));
    await expect(page.getByText(secret)).toHaveCount(0);

    await keys.revoke(name);
    await expect(keys.row(name)).toContainText('Revoked');
    const refused = await order(request, {}, secret);
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'unauthorized' });
    expect((await order(request)).status()).toBe(201); // the demo key is untouched
  });

  test('pause intake and the API answers 503; resume and it takes orders again', async ({
    console: manager,
    page,
    request,
  }) => {
    const store = new ManagerStore(page);
    await store.open();
    await expect(store.intake()).toContainText('Taking orders');
    try {
      await store.pause();
      await expect(store.intake()).toContainText('Paused');
      await expect(manager.intake()).toHaveAttribute('data-paused', 'true');
      // The delivery apps go offline with it at the (demo) KitchenHub, and the manager is told which.
      await expect(page.getByTestId('store-apps')).toContainText('Paused at KitchenHub: Grubhub, DoorDash, Uber Eats');
      const refused = await order(request);
      expect(refused.status()).toBe(503);
      expect(refused.headers()['retry-after']).toBeTruthy();
      expect(await refused.json()).toMatchObject({ error: 'store_paused' });
      await store.resume();
      await expect(store.intake()).toContainText('Taking orders');
      await expect(manager.intake()).toHaveAttribute('data-paused', 'false');
    } finally {
      await page.request.put('/api/store', { data: { paused: false } });
    }
    expect((await order(request)).status()).toBe(201);
  });

  test('kitchen capacity is saved from the store screen', async ({ console: _signedIn, page }) => {
    const store = new ManagerStore(page);
    await store.open();
    const stations = store.field('Prep stations');
    const before = Number(await stations.inputValue());
    try {
      await store.more('Prep stations').click();
      await expect(stations).toHaveValue(String(before + 1));
      await store.save('capacity');
      await expect(page.getByRole('status').filter({ hasText: 'Kitchen capacity saved.' })).toBeVisible();
      await page.reload();
      await expect(stations).toHaveValue(String(before + 1));
    } finally {
      const current = await (await page.request.get('/api/manager/store')).json();
      await page.request.put('/api/manager/store/kitchen', { data: { ...current.kitchen, prepStations: before } });
    }
  });

  test('the numbers render as charts from the demo data, with a day picker and a CSV export', async ({
    console: _signedIn,
    page,
  }) => {
    const numbers = new ManagerNumbers(page);
    await numbers.open();
    await expect(numbers.hourlyChart()).toBeVisible();
    const total = Number((await numbers.tileValue('orders').textContent()) ?? 'NaN');
    expect(total).toBeGreaterThanOrEqual(7); // the demo seed's seven orders, plus any other test's
    const bars = await numbers.hourBars().evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-total'))));
    expect(bars.reduce((a, b) => a + b, 0)).toBe(total);
    expect(Math.max(...bars)).toBeGreaterThan(0);
    await expect(numbers.ticketTimes()).toBeVisible();
    const minutes = await numbers
      .ticketTimes()
      .getByTestId(/^minute-/)
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-count'))));
    expect(minutes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2); // the demo's delivered and ready tickets
    await expect(numbers.tile('median')).not.toContainText('—');
    await expect(numbers.items('bread')).toContainText('Brioche');

    const href = await numbers.csvLink().getAttribute('href');
    const csv = await page.request.get(href ?? '');
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const rows = (await csv.text()).trimEnd().split('\r\n');
    expect(rows[0]).toMatch(/^business_date,daily_number,order_id,/);
    expect(rows.length).toBeGreaterThanOrEqual(total + 1); // other tests may add orders meanwhile

    await numbers.previousDay();
    await expect(page).toHaveURL(/\/manager\/numbers\?date=\d{4}-\d{2}-\d{2}$/);
    await expect(numbers.tileValue('orders')).toHaveText('0');
    await expect(numbers.hourlyChart()).toHaveCount(0);
    await expect(page.getByText('No orders this day.')).toBeVisible();
  });

  test('add a member who then signs in; deactivating them signs them out', async ({
    console: _signedIn,
    page,
    browser,
  }) => {
    const staff = new ManagerStaff(page);
    const suffix = unique();
    const name = `Robin ${suffix}`;
    const pin = `8${suffix}`;
    await staff.open();
    await staff.add(name, 'Kitchen', pin);
    await expect(staff.message()).toContainText(`${name} can now sign in`);
    await expect(staff.member(name)).toContainText('Kitchen');

    const phone = await newDevice(browser);
    const robin = await phone.newPage();
    await new LoginPage(robin).open('/kitchen');
    await new LoginPage(robin).signInAs(name, pin);
    await expect(robin).toHaveURL(/\/kitchen$/);

    await staff.deactivate(name);
    await expect(staff.member(name)).toContainText('Deactivated');
    expect((await robin.request.get('/api/session')).status()).toBe(401);
    await robin.goto('/kitchen');
    await expect(robin).toHaveURL(/\/login\?next=%2Fkitchen/);
    await phone.close();
  });

  test('the last manager cannot demote themselves', async ({ console: _signedIn, page }) => {
    const staff = new ManagerStaff(page);
    await staff.open();
    await staff.member('Morgan').getByRole('button', { name: 'Make kitchen' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'last active manager' })).toBeVisible();
    await expect(staff.member('Morgan')).toContainText('Manager');
  });
});

test.describe('manager only', () => {
  test('a kitchen sign-in cannot open any manager section nor call their endpoints', async ({ page }) => {
    await signIn(page, 'kitchen');
    for (const path of SECTION_PATHS) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login\?next=%2Fmanager.*&need=manager$/);
      await expect(page.getByRole('alert').filter({ hasText: 'needs a manager' })).toBeVisible();
    }
    for (const [method, path] of [
      ['GET', '/api/manager/keys'],
      ['POST', '/api/manager/keys'],
      ['DELETE', '/api/manager/keys/key_demo'],
      ['GET', '/api/manager/staff'],
      ['PUT', '/api/manager/staff/stf_kitchen'],
      ['GET', '/api/manager/store'],
      ['PUT', '/api/manager/store/kitchen'],
      ['GET', '/api/manager/numbers'],
    ] as const) {
      const res = await page.request.fetch(path, {
        method,
        data: method === 'GET' || method === 'DELETE' ? undefined : { name: 'x' },
      });
      expect(res.status(), `${method} ${path}`).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'forbidden' });
    }
    // Kitchen staff may still 86: the stock endpoint is theirs too.
    expect((await page.request.get('/api/stock')).status()).toBe(200);
  });
});

test.describe('API docs', () => {
  test('on a phone: every endpoint with a curl example, the error table, no sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/docs');
    for (const name of ['Create an order', 'List your orders', 'Get an order', 'Change an order', 'Cancel an order']) {
      await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
    }
    await expect(page.getByTestId('error-table').locator('[data-code="out_of_stock"]')).toHaveAttribute(
      'data-status',
      '409',
    );
    await expect(page.getByText(/curl -X POST http:\/\/127\.0\.0\.1:\d+\/v1\/orders/)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    const spec = await page.request.get('/v1/openapi.json');
    expect((await spec.json()).openapi).toBe('3.1.0');
  });
});
