// The menu and what is in stock (see pick.ts).
import { sqliteMenu } from '../sqlite/menu';
import { pgMenu } from '../pg/menu';
import type { MenuOption, MenuType } from '../types/orders';
import { pick } from './pick';

export interface MenuStorage {
  /** Every menu option, grouped by type in menu order. */
  listMenu: () => Promise<MenuOption[]>;
  /** The options named in `wanted` that are on the menu, in no particular order (unknown ones are absent). */
  findMenuOptions: (wanted: ReadonlyArray<{ type: MenuType; option: string }>) => Promise<MenuOption[]>;
  /** 86s or restores one option; undefined when it is not on the menu. */
  setStock: (type: MenuType, option: string, inStock: boolean, now: number) => Promise<MenuOption | undefined>;
}

export const menuStorage = pick<MenuStorage>(sqliteMenu, pgMenu);
export const { listMenu, findMenuOptions, setStock } = menuStorage;
