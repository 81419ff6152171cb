import fs from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { KitchenHubDeliveries } from './pages/kitchenhub-deliveries';
import { signIn } from './pages/login-page';

const SECRET = 'e2e-webhook-secret-0123456789';
const SAMPLE = fs.readFileSync('test/fixtures/kitchenhub/webhook-order-created.json', 'utf8');
const newId = () => String(8_100_000_000_000_000 + Math.floor(Math.random() * 1e12));

/** KitchenHub (or someone pretending to be it) posts `text` to the webhook. */
const hubPosts = (request: APIRequestContext, text: string, secret = SECRET) =>
  request.post('/api/kitchenhub/webhook', {
    headers: { 'Content-Type': 'application/json', 'X-KDS-Webhook-Secret': secret },
    data: Buffer.from(text),
  }); // a Buffer: Playwright would quote a string that is not JSON

type Entry = { id: number; hub_order_id: string | null; outcome: string };

test('the manager sees every webhook with its outcome, filters to problems, and replays them', async ({
  page,
  request,
}) => {
  await signIn(page, 'manager');
  const hubOrderId = newId();
  expect((await hubPosts(request, SAMPLE.replace('5501505922269184', hubOrderId))).status()).toBe(200);
  expect((await hubPosts(request, '{"order": {')).status()).toBe(400);
  expect((await hubPosts(request, SAMPLE, 'not-the-secret-0123456789')).status()).toBe(401);
  // Delivery ids come from the manager's own log API: the newest three are ours.
  const { deliveries } = (await (await page.request.get('/api/kitchenhub/deliveries?limit=3')).json()) as {
    deliveries: Entry[];
  };
  const [refused, bad, good] = deliveries as [Entry, Entry, Entry];
  expect([good.hub_order_id, bad.outcome, refused.outcome]).toEqual([hubOrderId, 'invalid', 'unauthorized']);

  const hub = new KitchenHubDeliveries(page);
  await hub.open();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('KitchenHub');
  await expect(
    page.getByRole('navigation', { name: 'Manager sections' }).getByRole('link', { name: /^KitchenHub/ }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(hub.row(good.id)).toHaveAttribute('data-outcome', 'applied');
  await expect(hub.row(good.id)).toContainText(hubOrderId);
  await expect(hub.row(bad.id)).toHaveAttribute('data-outcome', 'invalid');
  await expect(hub.row(bad.id)).toContainText('not valid JSON');
  await expect(hub.replayButton(refused.id)).toBeDisabled();
  await expect(hub.row(refused.id)).toContainText('Cannot replay');

  await hub.filter('Problems only');
  await expect(hub.row(good.id)).toHaveCount(0);
  await expect(hub.row(bad.id)).toBeVisible();
  await expect(hub.row(refused.id)).toBeVisible();

  await hub.replayButton(bad.id).click();
  await expect(hub.replayResult(bad.id)).toContainText(/Replayed as #\d+/);
  await expect(hub.replayResult(bad.id)).toContainText('invalid');
  await expect(hub.rows().filter({ hasText: `Replay of delivery #${bad.id}` })).toHaveCount(1);

  await hub.filter('All');
  await hub.replayButton(good.id).click();
  await expect(hub.replayResult(good.id)).toContainText('duplicate');
  await expect(hub.rows().filter({ hasText: `Replay of delivery #${good.id}` })).toHaveAttribute(
    'data-outcome',
    'duplicate',
  );
});
