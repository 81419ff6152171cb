import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '../client';
import { menuOptions } from '../schema';
import type { MenuOption, MenuType } from '@/lib/orders/types';

/** Every menu option, grouped by type in menu order. */
export async function listMenu(): Promise<MenuOption[]> {
  return getDb().select().from(menuOptions).orderBy(asc(menuOptions.type), asc(menuOptions.sort), asc(menuOptions.option)).all()
    .map(({ updatedAt: _u, ...o }) => o);
}

/** 86s or restores one option; undefined when it is not on the menu. */
export async function setStock(type: MenuType, option: string, inStock: boolean, now: number): Promise<MenuOption | undefined> {
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
