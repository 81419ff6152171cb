// Alerts that repeat until acknowledged (issue: kitchen screen, item 2): a new, changed or canceled
// ticket keeps sounding and pulsing until a cook acknowledges it, escalating after a while; the
// timing is a manager's setting and a test page plays each sound.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signIn } from './pages/login-page';

type Fired = { kind: string; escalated: boolean; audible: boolean };
const DEFAULTS = { volume: 0.6, repeatSeconds: 10, escalate: true, escalateAfterSeconds: 30 };

async function setAlerts(browserPage: Page, alerts: typeof DEFAULTS) {
  const res = await browserPage.request.put('/api/manager/store/alerts', { data: alerts });
  expect(res.status()).toBe(200);
}

/** Every alert the page fires, as the `kds:alert` window event reports it. */
async function recordAlerts(page: Page): Promise<() => Promise<Fired[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __alerts: Fired[] };
    w.__alerts = [];
    window.addEventListener('kds:alert', (e) => w.__alerts.push((e as CustomEvent<Fired>).detail));
  });
  return () => page.evaluate(() => (window as unknown as { __alerts: Fired[] }).__alerts);
}

/** Other specs leave changed or canceled tickets unacknowledged: clear them so only ours sound. */
async function acknowledgeEverything(request: APIRequestContext) {
  const board = (await (await request.get('/api/tickets')).json()) as {
    tickets: Array<{ order_id: string; version: number; attention: unknown }>;
  };
  for (const t of board.tickets.filter((x) => x.attention))
    await request.post(`/api/orders/${t.order_id}/acknowledge`, { data: { version: t.version } });
}

test('a new ticket sounds again and again, louder after a while, until a cook taps it; a change until Got it', async ({
  api,
  kitchen,
  page,
  browser,
}) => {
  test.slow();
  const manager = await browser.newPage();
  await signIn(manager, 'manager');
  await setAlerts(manager, { volume: 0.6, repeatSeconds: 3, escalate: true, escalateAfterSeconds: 10 });
  try {
    await acknowledgeEverything(page.request);
    await kitchen.open();
    await kitchen.waitLive();
    await page.getByRole('button', { name: 'Turn sound on' }).click();
    const fired = await recordAlerts(page);

    const order = await api.createOrder({ customer_name: 'Alert Ada', toast: 'none' });
    const ticket = kitchen.ticket(order.order_id);
    await expect(ticket).toHaveAttribute('data-alerting', 'true');
    await expect.poll(async () => (await fired()).length).toBeGreaterThanOrEqual(1);
    expect((await fired())[0]).toMatchObject({ kind: 'new', escalated: false, audible: true });
    await expect.poll(async () => (await fired()).length, { timeout: 6_000 }).toBeGreaterThanOrEqual(2); // it repeats
    await expect(page.getByTestId('alert-badge')).toHaveAttribute('data-pending', '1');

    // Unacknowledged for 10 s: louder and twice as often.
    await expect.poll(async () => (await fired()).some((f) => f.escalated), { timeout: 12_000 }).toBe(true);
    await expect(page.getByTestId('alert-badge')).toHaveAttribute('data-escalated', 'true');

    // A cook taps the ticket: it stops.
    await ticket.click();
    await expect(ticket).toHaveAttribute('data-alerting', 'false');
    await expect(page.getByTestId('alert-badge')).toHaveCount(0);
    const afterTap = (await fired()).length;
    await page.waitForTimeout(3_500);
    expect((await fired()).length).toBe(afterTap);

    // The customer changes it: the change sounds until a cook taps Got it.
    await api.editOrder(order.order_id, { jelly: 'strawberry' });
    await expect(ticket).toHaveAttribute('data-alerting', 'true');
    await expect
      .poll(async () => (await fired()).filter((f) => f.kind === 'edited').length, { timeout: 6_000 })
      .toBeGreaterThanOrEqual(2);
    await kitchen.button(order.order_id, 'Got it').click();
    await expect(ticket).toHaveAttribute('data-alerting', 'false');
    const afterGotIt = (await fired()).length;
    await page.waitForTimeout(3_500);
    expect((await fired()).length).toBe(afterGotIt);
  } finally {
    await setAlerts(manager, DEFAULTS);
    await manager.close();
  }
});

test('the sound test page plays each alert, normal and escalated', async ({ kitchen, page }) => {
  await kitchen.page.goto('/kitchen/sounds');
  await page.getByRole('button', { name: 'Turn sound on' }).click();
  const fired = await recordAlerts(page);
  const plays = page.getByRole('button', { name: 'Play', exact: true });
  const escalated = page.getByRole('button', { name: 'Play escalated' });
  await expect(plays).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await plays.nth(i).click();
    await escalated.nth(i).click();
  }
  expect(await fired()).toEqual([
    { kind: 'new', escalated: false, audible: true },
    { kind: 'new', escalated: true, audible: true },
    { kind: 'edited', escalated: false, audible: true },
    { kind: 'edited', escalated: true, audible: true },
    { kind: 'canceled', escalated: false, audible: true },
    { kind: 'canceled', escalated: true, audible: true },
  ]);
  await expect(page.getByTestId('sound-played')).toHaveText('Played: Canceled, escalated');
});
