// A new install without demo data, in the browser (issue #25, item 1): its own server on a new
// database (SEED_DEMO=false), where /manager leads to the first-run setup; the setup token from the
// server log creates the first manager, who then signs in. No page says "demo data"; axe finds
// nothing on the setup page.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../test/ports';
import { LoginPage } from './pages/login-page';

let child: ChildProcess;
let base: string;
let logs = '';
const dir = path.join('tmp', `e2e-first-run-${process.pid}`);

test.beforeAll(async () => {
  test.setTimeout(90_000);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['server.mjs'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: path.join(dir, 'kds.sqlite'),
      SEED_DEMO: 'false',
      KITCHENHUB_POLL_SECONDS: '0',
      STORE_TIMEZONE: 'UTC',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (logs += String(d)));
  child.stderr?.on('data', (d) => (logs += String(d)));
  await expect
    .poll(() => /setup token: pbj_setup_/.test(logs), { timeout: 60_000, message: 'the server prints a setup token' })
    .toBe(true);
  await expect
    .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 30_000 })
    .toBe(200);
});

test.afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the first visit to /manager sets up the first manager with the token from the log; then they sign in', async ({
  page,
}) => {
  const token = /setup token: (pbj_setup_[a-z2-7]+)/.exec(logs)?.[1] ?? '';
  await page.goto(`${base}/manager`);
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up this kitchen' })).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  await page.getByLabel('Setup token (from the server log)').fill('pbj_setup_wrongwrongwrongwrongwrongwr');
  await page.getByLabel('Your name').fill('Jordan');
  await page.getByLabel(/^Your manager PIN/).fill('2468');
  await expect(page.getByRole('button', { name: 'Create the first manager' })).toBeDisabled(); // a manager's PIN is 6–8 digits
  await page.getByLabel(/^Your manager PIN/).fill('246810');
  await page.getByRole('button', { name: 'Create the first manager' }).click();
  await expect(page.getByTestId('setup-error')).toContainText('setup token is not right');

  await page.getByLabel('Setup token (from the server log)').fill(token);
  await page.getByRole('button', { name: 'Create the first manager' }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Fmanager|\/login\?next=\/manager/);
  await expect(page.getByRole('status').filter({ hasText: 'You are the first manager' })).toBeVisible();
  await new LoginPage(page).signInAs('Jordan', '246810');
  await page.waitForURL((url) => url.pathname.startsWith('/manager'));
  await expect(page.getByText('Signed in as')).toContainText('Jordan');

  await page.goto(`${base}/setup`);
  await expect(page).toHaveURL(/\/login/); // set up once: the page is gone
});
