import { findMenuOptions, listMenu } from '@/db/storage/menu';
import { ApiError, invalidRequest } from '../errors';
import type { MenuOption, MenuType } from './types';

const NOUN: Record<MenuType, string> = {
  bread: 'bread',
  peanut_butter: 'peanut butter',
  jelly: 'jelly',
  toast: 'toast',
  cut: 'cut',
  extras: '',
};

export type ChoiceInput = Partial<Record<Exclude<MenuType, 'extras'>, string>> & { extras?: string[] };

/** "Grape jelly is out of stock." — the seed's sentence, for any option. */
export function outOfStockMessage(o: Pick<MenuOption, 'type' | 'label'>): string {
  return `${[o.label, NOUN[o.type]].filter(Boolean).join(' ')} is out of stock.`;
}

function byTypeOf(options: readonly MenuOption[]): Map<MenuType, Map<string, MenuOption>> {
  const byType = new Map<MenuType, Map<string, MenuOption>>();
  for (const o of options) {
    let m = byType.get(o.type);
    if (!m) byType.set(o.type, (m = new Map()));
    m.set(o.option, o);
  }
  return byType;
}

/**
 * Every given choice must be on the menu (400 invalid_request naming the field and the allowed
 * values) and in stock (409 out_of_stock with the seed's `item`). Unknown options are reported first:
 * a typo should not read as an 86.
 */
export async function checkChoices(input: ChoiceInput, menu?: MenuOption[]): Promise<void> {
  const picks: Array<{ type: MenuType; field: string; option: string }> = [];
  for (const type of ['bread', 'peanut_butter', 'jelly', 'toast', 'cut'] as const) {
    const option = input[type];
    if (option !== undefined) picks.push({ type, field: type, option });
  }
  input.extras?.forEach((option, i) => picks.push({ type: 'extras', field: `extras.${i}`, option }));
  if (picks.length === 0) return;

  // Read only the picked options (fresh on every request: an 86 counts at once); the whole menu is
  // read only to list the allowed values once a pick turns out to be unknown.
  let byType = byTypeOf(menu ?? (await findMenuOptions(picks)));
  const isKnown = (p: (typeof picks)[number]) => byType.get(p.type)?.has(p.option) ?? false;
  if (!menu && !picks.every(isKnown)) byType = byTypeOf(await listMenu());
  for (const p of picks) {
    if (!isKnown(p)) {
      const allowed = [...(byType.get(p.type)?.keys() ?? [])];
      throw invalidRequest(
        `${p.option} is not a ${p.type === 'extras' ? 'known extra' : `${NOUN[p.type]} option`}. Allowed: ${allowed.join(', ')}.`,
        p.field,
        { allowed },
      );
    }
  }
  for (const p of picks) {
    const o = byType.get(p.type)?.get(p.option);
    if (o && !o.inStock)
      throw new ApiError('out_of_stock', outOfStockMessage(o), { item: { type: p.type, option: p.option } });
  }
}
