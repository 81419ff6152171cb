import type { Page } from '@playwright/test';

/** /manager/store: pause intake, kitchen capacity, aging. */
export class ManagerStore {
  constructor(readonly page: Page) {}
  open() {
    return this.page.goto('/manager/store');
  }
  intake() {
    return this.page.getByTestId('store-intake');
  }
  pause() {
    return this.page.getByRole('button', { name: 'Pause new orders' }).click();
  }
  resume() {
    return this.page.getByRole('button', { name: 'Resume orders' }).click();
  }
  field(label: 'Prep time' | 'Toast time' | 'Prep stations' | 'Toaster slots' | 'Late soon after' | 'Late after') {
    return this.page.getByLabel(label, { exact: true });
  }
  more(label: string) {
    return this.page.getByRole('button', { name: `More ${label.toLowerCase()}` });
  }
  save(what: 'capacity' | 'aging') {
    return this.page.getByRole('button', { name: `Save ${what}` }).click();
  }
}
