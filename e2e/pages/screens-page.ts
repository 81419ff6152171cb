import type { Page } from '@playwright/test';

/** Manager → Screens: every kitchen screen's heartbeat and the missing-order alarm. */
export class ScreensPage {
  constructor(readonly page: Page) {}
  open() {
    return this.page.goto('/manager/screens');
  }
  screen(id: string) {
    return this.page.getByTestId('screen').and(this.page.locator(`[data-screen-id="${id}"]`));
  }
  alarm() {
    return this.page.getByTestId('missing-order-alarm');
  }
  /** The alarm's entry for one order. */
  missing(orderId: string) {
    return this.alarm().locator(`[data-order-id="${orderId}"]`);
  }
}

/** The id a kitchen tablet reports its heartbeats under (kept in localStorage). */
export const screenIdOf = (page: Page) => page.evaluate(() => localStorage.getItem('kds.screen-id'));
