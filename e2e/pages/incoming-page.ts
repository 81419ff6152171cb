import type { Page } from '@playwright/test';

export class IncomingPage {
  constructor(readonly page: Page) {}
  open() {
    return this.page.goto('/manager/incoming');
  }
  order(hubOrderId: string) {
    return this.page.getByTestId(`incoming-${hubOrderId}`);
  }
  scheduled(hubOrderId: string) {
    return this.page.getByTestId(`scheduled-${hubOrderId}`);
  }
  async accept(hubOrderId: string, minutes: number) {
    await this.order(hubOrderId)
      .getByRole('button', { name: `${minutes} min`, exact: true })
      .click();
    await this.order(hubOrderId)
      .getByRole('button', { name: `Accept · ${minutes} min` })
      .click();
  }
  async reject(hubOrderId: string, reason: string) {
    await this.order(hubOrderId).getByRole('button', { name: 'Reject…' }).click();
    await this.order(hubOrderId).getByRole('button', { name: reason }).click();
    await this.order(hubOrderId).getByRole('button', { name: 'Reject order' }).click();
  }
}
