import type { Page } from '@playwright/test';

/** /manager/numbers: figures, charts, a day picker and the CSV export. */
export class ManagerNumbers {
  constructor(readonly page: Page) {}
  open(date?: string) {
    return this.page.goto(date ? `/manager/numbers?date=${date}` : '/manager/numbers');
  }
  tile(name: 'orders' | 'median' | 'p90' | 'late' | 'canceled') {
    return this.page.getByTestId(`tile-${name}`);
  }
  /** A tile's big figure. */
  tileValue(name: 'orders' | 'median' | 'p90' | 'late' | 'canceled') {
    return this.tile(name).getByTestId('tile-value');
  }
  hourlyChart() {
    return this.page.getByTestId('chart-hourly');
  }
  hourBars() {
    return this.hourlyChart().getByTestId(/^hour-\d+$/);
  }
  ticketTimes() {
    return this.page.getByTestId('chart-ticket-times');
  }
  items(group: 'bread' | 'jelly' | 'extras') {
    return this.page.getByTestId(`items-${group}`);
  }
  previousDay() {
    return this.page.getByRole('button', { name: 'Previous day' }).click();
  }
  csvLink() {
    return this.page.getByRole('link', { name: /CSV/ });
  }
}
