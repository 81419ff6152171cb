import type { Page } from '@playwright/test';

/** /manager/keys: create a key (shown once), list, revoke. */
export class ManagerKeys {
  constructor(readonly page: Page) {}
  open() {
    return this.page.goto('/manager/keys');
  }
  async create(name: string, mode: 'Test' | 'Live') {
    await this.page.getByLabel('Name').fill(name);
    await this.page.getByRole('radio', { name: mode, exact: true }).click();
    await this.page.getByRole('button', { name: 'Create key' }).click();
  }
  /** The plain key, on screen only right after it was created. */
  newKey() {
    return this.page.getByTestId('new-key-secret');
  }
  dismissNewKey() {
    return this.page.getByTestId('new-key').getByRole('button', { name: 'Done' }).click();
  }
  row(name: string) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }
  async revoke(name: string) {
    await this.row(name)
      .getByRole('button', { name: `Revoke ${name}` })
      .click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Revoke key' }).click();
  }
}
