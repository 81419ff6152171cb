import type { Page } from '@playwright/test';
import type { Station } from '../../lib/orders/kitchen';

export type TicketButton = 'Start' | 'Toast' | 'Ready' | 'Handed off' | 'Cancel' | 'Got it';

export class KitchenPage {
  constructor(readonly page: Page) {}
  open(station?: Station) {
    return this.page.goto(station && station !== 'all' ? `/kitchen?station=${station}` : '/kitchen');
  }
  tickets() {
    return this.page.getByTestId(/^ticket-ord_/);
  }
  ticket(id: string) {
    return this.page.getByTestId(`ticket-${id}`);
  }
  button(id: string, name: TicketButton) {
    return this.ticket(id).getByRole('button', { name, exact: true });
  }
  undoButton() {
    return this.page.getByRole('button', { name: 'Undo', exact: true });
  }
  confirmCancel() {
    return this.page.getByRole('alertdialog').getByRole('button', { name: 'Yes, cancel it' });
  }
  keepOrder() {
    return this.page.getByRole('alertdialog').getByRole('button', { name: 'Keep it' });
  }
  openRecall() {
    return this.page.getByRole('button', { name: 'Recall', exact: true }).first().click();
  }
  recallItem(id: string) {
    return this.page.getByTestId(`recall-${id}`);
  }
  connection() {
    return this.page.getByTestId('connection');
  }
  banner() {
    return this.page.getByTestId('connection-banner');
  }
  notice() {
    return this.page.getByTestId('kitchen-notice');
  }
  allDay() {
    return this.page.getByTestId('all-day');
  }
  /** Waits until the live stream is connected, so changes made next are pushed, not fetched. */
  async waitLive() {
    await this.connection().and(this.page.locator('[data-state="live"]')).waitFor();
  }
}
