import type { Page } from '@playwright/test';

/** /manager/staff: add people, change PINs and roles, deactivate. */
export class ManagerStaff {
  constructor(readonly page: Page) {}
  open() {
    return this.page.goto('/manager/staff');
  }
  async add(name: string, role: 'Kitchen' | 'Manager', pin: string) {
    await this.page.getByLabel('Name').fill(name);
    await this.page.getByRole('radio', { name: role, exact: true }).click();
    await this.page.getByLabel(/^PIN \(\d–\d digits\)$/).fill(pin);
    await this.page.getByRole('button', { name: 'Add', exact: true }).click();
  }
  member(name: string) {
    return this.page.getByRole('listitem', { name, exact: true });
  }
  async deactivate(name: string) {
    await this.member(name).getByRole('button', { name: 'Deactivate' }).click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Deactivate' }).click();
  }
  message() {
    return this.page.getByTestId('staff-message');
  }
}
