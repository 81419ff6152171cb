import type { Page } from '@playwright/test';

/** Manager → KitchenHub: our calls to KitchenHub and the connection settings. */
export class KitchenHubConnectionPage {
  constructor(readonly page: Page) {}
  open() {
    return this.page.goto('/manager/kitchenhub');
  }
  calls() {
    return this.page.getByTestId('hub-calls').getByTestId('hub-call');
  }
  /** The call about one KitchenHub order (its id shows on the row). */
  call(hubOrderId: string) {
    return this.calls().filter({ hasText: hubOrderId });
  }
  async setApi(values: { url: string; clientId: string; clientSecret: string }) {
    await this.page.getByLabel('API URL').fill(values.url);
    await this.page.getByLabel('Client id').fill(values.clientId);
    await this.page.getByLabel(/^Client secret/).fill(values.clientSecret);
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
  }
  callsGoTo() {
    return this.page.getByTestId('hub-calls-go-to');
  }
}
