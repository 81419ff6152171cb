import type { Page } from '@playwright/test';

export type StockGroup = 'Bread' | 'Peanut butter' | 'Jelly' | 'Extras' | 'Toast' | 'Cut';

/** /manager/stock: one switch per menu option, grouped by type. */
export class ManagerStock {
  constructor(readonly page: Page) {}
  open() {
    return this.page.goto('/manager/stock');
  }
  option(group: StockGroup, label: string) {
    return this.page.getByRole('group', { name: group }).getByRole('switch', { name: label, exact: true });
  }
}
