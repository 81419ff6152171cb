// db/storage/menu.ts's contract on PostgreSQL.
import { and, asc, eq, sql } from 'drizzle-orm';
import { pgDb } from './client';
import { menuOptions } from './schema';
import type { MenuOption, MenuType } from '../types/orders';

const optionColumns = {
  type: menuOptions.type,
  option: menuOptions.option,
  label: menuOptions.label,
  inStock: menuOptions.inStock,
  sort: menuOptions.sort,
};

/** Every menu option, grouped by type in menu order. */
export async function listMenu(): Promise<MenuOption[]> {
  const db = await pgDb();
  // Byte order, as SQLite compares text, whatever the database's collation.
  return db
    .select(optionColumns)
    .from(menuOptions)
    .orderBy(sql`${menuOptions.type} collate "C"`, asc(menuOptions.sort), sql`${menuOptions.option} collate "C"`);
}

/** The options named in `wanted` that are on the menu, in no particular order (unknown ones are absent). */
export async function findMenuOptions(
  wanted: ReadonlyArray<{ type: MenuType; option: string }>,
): Promise<MenuOption[]> {
  if (wanted.length === 0) return [];
  const db = await pgDb();
  // (type, option) pairs as a JSON array of [type, option]: one statement for any number of picks.
  const pairs = JSON.stringify(wanted.map((w) => [w.type, w.option]));
  return db
    .select(optionColumns)
    .from(menuOptions)
    .where(
      sql`(${menuOptions.type}, ${menuOptions.option}) in (select p ->> 0, p ->> 1 from jsonb_array_elements(${pairs}::jsonb) as p)`,
    );
}

/** 86s or restores one option; undefined when it is not on the menu. */
export async function setStock(
  type: MenuType,
  option: string,
  inStock: boolean,
  now: number,
): Promise<MenuOption | undefined> {
  const db = await pgDb();
  const [row] = await db
    .update(menuOptions)
    .set({ inStock, updatedAt: now })
    .where(and(eq(menuOptions.type, type), eq(menuOptions.option, option)))
    .returning(optionColumns);
  return row;
}

/** db/storage/menu.ts's MenuStorage on PostgreSQL (db/storage checks it against the contract). */
export const pgMenu = {
  listMenu,
  findMenuOptions,
  setStock,
};
