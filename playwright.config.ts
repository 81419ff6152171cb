import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const DIR = `tmp/e2e-${PORT}`; // one folder per port: parallel runs on other ports never share a database
const DB = `${DIR}/kds.sqlite`;

function chromium(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync('bash', ['scripts/find-chromium.sh'], { encoding: 'utf8' }).trim();
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: `test-results/e2e-${PORT}`,
  fullyParallel: false,
  // One worker: on a 2-core machine two workers, each with several kitchen tablets open, starve the
  // browsers and the server (clicks wait for stable frames that do not come).
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'tablet',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
      testIgnore: /(screenshots|manager)\.spec\.ts/,
    },
    // The manager specs pause the whole store for a moment: they run after every other spec, so no
    // order placed elsewhere meets the pause.
    {
      name: 'manager',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
      testMatch: /manager\.spec\.ts/,
      dependencies: ['tablet'],
    },
    { name: 'screenshots', testMatch: /screenshots\.spec\.ts/ },
  ],
  webServer: {
    // A fresh demo database for every run, then the production build.
    command: `rm -rf ${DIR} && npx tsx scripts/db-setup.ts && node server.mjs`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Every spec signs in through the real PIN pad, and every tracker and board comes from 127.0.0.1:
    // the sign-in and public pages' limits themselves are proven in the API tests.
    env: {
      LOGIN_ATTEMPTS_PER_15_MIN: '1000',
      PUBLIC_READS_PER_MINUTE: '100000',
      PUBLIC_CANCELS_PER_MINUTE: '100000',
      PUBLIC_STREAMS_PER_MINUTE: '100000',
      PUBLIC_OPEN_STREAMS: '1000',
      KITCHENHUB_WEBHOOK_SECRET: 'e2e-webhook-secret-0123456789',
      DATABASE_PATH: DB,
      SEED_DEMO: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
      STORE_TIMEZONE: 'UTC',
      NODE_ENV: 'production',
      PORT: String(PORT),
      HOST: '127.0.0.1',
    },
  },
});
