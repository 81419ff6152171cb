import type { Page } from '@playwright/test';

export type ManagerSection = 'Incoming' | 'Stock' | 'Numbers' | 'Store' | 'API keys' | 'Staff';
export const SECTION_PATHS = [
  '/manager/incoming',
  '/manager/stock',
  '/manager/numbers',
  '/manager/store',
  '/manager/keys',
  '/manager/staff',
] as const;

/** The console's frame: one navigation, and the live status bar (intake, 86) on every section. */
export class ManagerConsole {
  constructor(readonly page: Page) {}
  open(path: (typeof SECTION_PATHS)[number] | '/manager' = '/manager') {
    return this.page.goto(path);
  }
  nav() {
    return this.page.getByRole('navigation', { name: 'Manager sections' });
  }
  section(name: ManagerSection) {
    return this.nav().getByRole('link', { name: new RegExp(`^${name}`) });
  }
  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }
  /** "86 …" in the status bar: what is out of stock, kept live on every section. */
  eightySixed() {
    return this.page.getByTestId('manager-86');
  }
  intake() {
    return this.page.getByTestId('manager-intake');
  }
}
