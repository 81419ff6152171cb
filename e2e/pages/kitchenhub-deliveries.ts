import type { Page } from '@playwright/test';

/** The manager's KitchenHub page: the deliveries log, one row per webhook received. */
export class KitchenHubDeliveries {
  constructor(readonly page: Page) {}
  open() {
    return this.page.goto('/manager/kitchenhub');
  }
  log() {
    return this.page.getByTestId('deliveries-log');
  }
  rows() {
    return this.log().getByRole('listitem');
  }
  row(deliveryId: number) {
    return this.page.getByTestId(`delivery-${deliveryId}`);
  }
  replayButton(deliveryId: number) {
    return this.row(deliveryId).getByRole('button', { name: 'Replay' });
  }
  /** What the row's replay came to: "Replayed as #n" with the new delivery's outcome. */
  replayResult(deliveryId: number) {
    return this.page.getByTestId(`delivery-${deliveryId}-replay`);
  }
  filter(name: 'All' | 'Problems only') {
    return this.log().getByRole('radio', { name }).click();
  }
}
