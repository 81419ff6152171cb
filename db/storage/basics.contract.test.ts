// The seeding contract (./basics.ts), on whichever database the run is configured for (see pick.ts). Every test file
// starts from a seeded database (test/global-setup.ts), so this checks adding to a used one.
import { describe, expect, test } from 'vitest';
import { seedDemoBasics } from '@/test/storage-fixtures';
import { findApiKeyByHash } from './api-keys';
import { isEmpty, seedBasics, type Basics } from './basics';
import { rawRun } from './inspect';
import { listMenu } from './menu';
import { listStaff } from './staff';

describe('basics', () => {
  test('a seeded database is not empty, and seeding it again adds only what is missing', async () => {
    expect(await isEmpty()).toBe(false);
    const menuBefore = await listMenu();
    const staffBefore = await listStaff();
    await seedDemoBasics(Date.now(), { demo: true }); // as the test template is built: changes nothing here
    expect(await listMenu()).toEqual(menuBefore);
    expect(await listStaff()).toEqual(staffBefore);

    const wasEmpty = await seedBasics({
      menu: [
        { type: 'jelly', option: 'kiwi', label: 'Kiwi', sort: 9, inStock: false, updatedAt: 1 },
        { type: 'jelly', option: 'grape', label: 'Renamed', sort: 0, inStock: false, updatedAt: 1 },
      ],
      clients: [{ id: 'cli_basics', name: 'Basics', createdAt: 1 }],
      keys: [
        {
          id: 'key_basics',
          clientId: 'cli_basics',
          name: 'b',
          keyHash: 'hash_basics',
          prefix: 'pbj_test_bas',
          mode: 'test',
          createdAt: 1,
        },
      ],
      staff: [{ id: 'stf_basics', name: 'Basic', role: 'kitchen', pinHash: 'salt:b', active: true, createdAt: 1 }],
    });
    expect(wasEmpty).toBe(false);
    const menu = await listMenu();
    expect(menu.find((o) => o.option === 'kiwi')).toEqual({
      type: 'jelly',
      option: 'kiwi',
      label: 'Kiwi',
      sort: 9,
      inStock: false,
    });
    expect(menu.find((o) => o.option === 'grape')).toMatchObject({ label: 'Grape', inStock: true }); // present rows stay as they were
    expect(await findApiKeyByHash('hash_basics')).toMatchObject({ clientName: 'Basics' });
    expect((await listStaff()).map((m) => m.id)).toContain('stf_basics');
    expect(await seedBasics({ menu: [], clients: [], keys: [], staff: [] })).toBe(false);
  });

  test('of callers seeding an empty database at once, exactly one is told it was empty', async () => {
    await rawRun('delete from menu_options');
    expect(await isEmpty()).toBe(true);
    const basics = (i: number): Basics => ({
      menu: [{ type: 'bread', option: 'white', label: `White ${i}`, sort: 0, inStock: true, updatedAt: i }],
      clients: [],
      keys: [],
      staff: [],
    });
    const told = await Promise.all(Array.from({ length: 8 }, (_, i) => seedBasics(basics(i))));
    expect(told.filter(Boolean)).toHaveLength(1);
    expect(await isEmpty()).toBe(false);
    expect(await listMenu()).toEqual([
      { type: 'bread', option: 'white', label: `White ${told.indexOf(true)}`, sort: 0, inStock: true },
    ]);
  });
});
