import { listMenu, setStock } from '@/db/storage/menu';
import { notFound } from '../errors';
import { MENU_TYPES, type MenuOption, type MenuType } from './types';
import type { MenuOptionView, StockView } from './views';

const toView = (o: MenuOption): MenuOptionView => ({
  type: o.type,
  option: o.option,
  label: o.label,
  in_stock: o.inStock,
});

/** The menu grouped by type, in menu order. */
export async function menuView(): Promise<StockView> {
  return { options: (await listMenu()).map(toView) };
}

const isMenuType = (t: string): t is MenuType => (MENU_TYPES as readonly string[]).includes(t);

/** 86s or restores one option; the API refuses an 86'd option with out_of_stock at once. */
export async function setOptionStock(
  cmd: { type: string; option: string; inStock: boolean; actor: string },
  now = Date.now(),
): Promise<MenuOptionView> {
  if (!isMenuType(cmd.type)) throw notFound('menu option', `${cmd.type}/${cmd.option}`);
  const updated = await setStock(cmd.type, cmd.option, cmd.inStock, now);
  if (!updated) throw notFound('menu option', `${cmd.type}/${cmd.option}`);
  return toView(updated);
}
