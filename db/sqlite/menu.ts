import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb, preparedOnce } from '../client';
import { menuOptions } from '../schema';
import type { MenuOption, MenuType } from '../types/orders';

// Every order placed or edited checks its choices against the menu: prepared once per connection.
const statements = preparedOnce('menu', (db) => ({
  list: db
    .select({
      type: menuOptions.type,
      option: menuOptions.option,
      label: menuOptions.label,
      inStock: menuOptions.inStock,
      sort: menuOptions.sort,
    })
    .from(menuOptions)
    .orderBy(asc(menuOptions.type), asc(menuOptions.sort), asc(menuOptions.option))
    .prepare(),
  // (type, option) pairs as a JSON array of [type, option]: one statement for any number of picks.
  find: db
    .select({
      type: menuOptions.type,
      option: menuOptions.option,
      label: menuOptions.label,
      inStock: menuOptions.inStock,
      sort: menuOptions.sort,
    })
    .from(menuOptions)
    .where(
      sql`(${menuOptions.type}, ${menuOptions.option}) in (select value ->> 0, value ->> 1 from json_each(${sql.placeholder('pairs')}))`,
    )
    .prepare(),
}));

/** Every menu option, grouped by type in menu order. */
export async function listMenu(): Promise<MenuOption[]> {
  return statements().list.all();
}

/** The options named in `wanted` that are on the menu, in no particular order (unknown ones are absent). */
export async function findMenuOptions(
  wanted: ReadonlyArray<{ type: MenuType; option: string }>,
): Promise<MenuOption[]> {
  return statements().find.all({ pairs: JSON.stringify(wanted.map((w) => [w.type, w.option])) });
}

/** 86s or restores one option; undefined when it is not on the menu. */
export async function setStock(
  type: MenuType,
  option: string,
  inStock: boolean,
  now: number,
): Promise<MenuOption | undefined> {
  const row = getDb()
    .update(menuOptions)
    .set({ inStock, updatedAt: now })
    .where(and(eq(menuOptions.type, type), eq(menuOptions.option, option)))
    .returning()
    .get();
  if (!row) return undefined;
  const { updatedAt: _u, ...o } = row;
  return o;
}

/** db/storage/menu.ts's MenuStorage on the SQLite file (db/storage checks it against the contract). */
export const sqliteMenu = {
  listMenu,
  findMenuOptions,
  setStock,
};
