// At every server start (instrumentation.ts): a new database gets its menu (and demo data only with
// SEED_DEMO=true: a server started directly is not a demo), a database from before the demo setting
// learns whether it carries the demo data, and while no manager exists a one-time setup token is
// printed for /setup.
import { seedIfNew } from '@/lib/seed';
import { getApiKey } from '@/db/storage/admin';
import { readSettings, writeSettingOnce } from '@/db/storage/settings';
import { listStaff } from '@/db/storage/staff';
import { issueSetupToken } from './auth/setup';
import { DEMO_KEY_ID, DEMO_STAFF_IDS } from './demo-data';
import { demoWanted, env } from './env';

/**
 * A database seeded before demo data was a setting: demo data is on while its key or staff are still
 * usable, so the banner says so and a manager can switch it off.
 */
async function settleDemoSetting(now: number): Promise<void> {
  if ('demo' in (await readSettings(['demo']))) return;
  const key = await getApiKey(DEMO_KEY_ID);
  const staff = await listStaff();
  const present =
    (key !== undefined && key.revokedAt === null) || staff.some((m) => m.active && DEMO_STAFF_IDS.includes(m.id));
  await writeSettingOnce('demo', present, now);
}

export async function prepareInstall(now = Date.now()): Promise<void> {
  await seedIfNew({ demo: demoWanted(false) }, now);
  await settleDemoSetting(now);
  const token = await issueSetupToken(now);
  if (token) {
    const origin = env().PUBLIC_URL?.replace(/\/+$/, '') ?? `http://localhost:${env().PORT}`;
    console.log(
      [
        '',
        'First run: this install has no manager yet (and no API key or PIN that works).',
        `Open ${origin}/setup and enter this one-time setup token with the first manager's name and PIN:`,
        '',
        `  setup token: ${token}`,
        '',
        'It works once. Each start prints a new one until the first manager exists.',
        '',
      ].join('\n'),
    );
  }
}
