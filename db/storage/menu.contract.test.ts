// The menu contract (./menu.ts), on whichever database the run is configured for (see pick.ts).
import { describe, expect, test } from 'vitest';
import { MENU } from '@/test/storage-fixtures';
import { findMenuOptions, listMenu, setStock } from './menu';

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('menu', () => {
  test('listMenu is every seeded option, grouped by type (byte order) in menu order', async () => {
    const menu = await listMenu();
    const types = Object.keys(MENU).sort(byteOrder);
    expect(menu.map((o) => `${o.type}:${o.option}`)).toEqual(
      types.flatMap((type) => (MENU[type as keyof typeof MENU] ?? []).map(([option]) => `${type}:${option}`)),
    );
    expect(menu.find((o) => o.type === 'jelly' && o.option === 'grape')).toEqual({
      type: 'jelly',
      option: 'grape',
      label: 'Grape',
      inStock: true,
      sort: 0,
    });
  });

  test('findMenuOptions returns the named options that exist, as listMenu has them, and sees an 86 at once', async () => {
    const menu = await listMenu();
    const found = await findMenuOptions([
      { type: 'jelly', option: 'grape' },
      { type: 'extras', option: 'honey' },
      { type: 'jelly', option: 'kiwi' },
      { type: 'bread', option: 'grape' },
    ]);
    const sort = (xs: typeof menu) =>
      [...xs].sort((a, b) => `${a.type}:${a.option}`.localeCompare(`${b.type}:${b.option}`));
    expect(sort(found)).toEqual(
      sort(
        menu.filter(
          (o) => (o.type === 'jelly' && o.option === 'grape') || (o.type === 'extras' && o.option === 'honey'),
        ),
      ),
    );
    expect(await findMenuOptions([])).toEqual([]);
    await setStock('jelly', 'grape', false, 3);
    try {
      expect((await findMenuOptions([{ type: 'jelly', option: 'grape' }]))[0]?.inStock).toBe(false);
    } finally {
      await setStock('jelly', 'grape', true, 4);
    }
  });

  test('setStock returns the option as listMenu shows it; undefined when it is not on the menu', async () => {
    expect(await setStock('bread', 'brioche', false, 10)).toEqual({
      type: 'bread',
      option: 'brioche',
      label: 'Brioche',
      inStock: false,
      sort: 3,
    });
    expect((await listMenu()).find((o) => o.option === 'brioche')?.inStock).toBe(false);
    expect(await setStock('bread', 'brioche', true, 11)).toMatchObject({ inStock: true });
    expect(await setStock('bread', 'kiwi', false, 12)).toBeUndefined();
  });
});
