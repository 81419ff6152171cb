import type { Page } from '@playwright/test';

export class KitchenPage {
  constructor(private readonly page: Page) {}
  open() {
    return this.page.goto('/kitchen');
  }
  tickets() {
    return this.page.getByTestId(/^ticket-ord_/);
  }
  ticket(id: string) {
    return this.page.getByTestId(`ticket-${id}`);
  }
}
