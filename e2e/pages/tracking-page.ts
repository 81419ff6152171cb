import type { APIRequestContext, Page } from '@playwright/test';
import { test as base } from '../fixtures';

export type StepName = 'In the queue' | 'Being made' | 'Toasting' | 'Ready for pickup' | 'Picked up';
type Status = 'queued' | 'prepping' | 'toasting' | 'ready' | 'delivered' | 'canceled';

/** The customer's tracking page on a phone. */
export class TrackingPage {
  constructor(private readonly page: Page) {}
  open(orderId: string) {
    return this.page.goto(`/track/${orderId}`);
  }
  headline() {
    return this.page.getByRole('heading', { level: 1 });
  }
  hero() {
    return this.page.getByTestId('tracker-status');
  }
  eta() {
    return this.page.getByTestId('tracker-eta');
  }
  steps() {
    return this.page.getByTestId(/^tracker-step-(queued|prepping|toasting|ready|delivered)$/);
  }
  /** The steps' plain words, top to bottom. */
  stepNames() {
    return this.page.getByTestId('tracker-step-name');
  }
  currentStep() {
    return this.page.locator('[aria-current="step"]');
  }
  choices() {
    return this.page.getByTestId('tracker-choices');
  }
  cancelButton() {
    return this.page.getByRole('button', { name: 'Cancel order' });
  }
  dialog() {
    return this.page.getByRole('dialog', { name: /^Cancel order #\d+\?$/ });
  }
  confirmCancel() {
    return this.dialog().getByRole('button', { name: 'Yes, cancel it' });
  }
  keepOrder() {
    return this.dialog().getByRole('button', { name: 'Keep my order' });
  }
  /** The kind explanation when the server refuses a cancel. */
  notice() {
    return this.page.getByRole('alert').filter({ hasText: /cancel/i });
  }
  connectionHint() {
    return this.page.getByTestId('tracker-connection');
  }
  announcer() {
    return this.page.getByTestId('tracker-announcer');
  }
  /** The phone's push connection is down: the page has to fall back to polling. */
  blockLiveUpdates() {
    return this.page.route('**/api/track/*/events', (route) => route.abort('internetdisconnected'));
  }
  restoreLiveUpdates() {
    return this.page.unroute('**/api/track/*/events');
  }
  /** Marks the loaded document, so a test can tell a live update from a reload. */
  markDocument() {
    return this.page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  }
  isSameDocument() {
    return this.page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
  }
  /** Records navigator.vibrate calls (where a phone would buzz). Call before open(). */
  recordVibrations() {
    return this.page.addInitScript(() => {
      const calls: unknown[] = [];
      Object.defineProperty(window, '__vibrations', { value: calls });
      Object.defineProperty(navigator, 'vibrate', {
        configurable: true,
        value: (pattern: unknown) => calls.push(pattern) > 0,
      });
    });
  }
  vibrations() {
    return this.page.evaluate(() => (window as unknown as { __vibrations: unknown[] }).__vibrations.length);
  }
}

type TicketSummary = { order_id: string; status: Status; version: number };

/** A cook's taps through the real staff endpoints, signed in once with the demo kitchen PIN. */
export class KitchenApi {
  constructor(private readonly request: APIRequestContext) {}
  async signIn(name = 'Casey', pin = '1111') {
    const res = await this.request.post('/api/session', { data: { name, pin } });
    if (!res.ok()) throw new Error(`kitchen sign-in → ${res.status()}: ${await res.text()}`);
  }
  async ticket(orderId: string): Promise<TicketSummary> {
    const res = await this.request.get('/api/tickets');
    const board = (await res.json()) as { tickets: TicketSummary[]; recent: TicketSummary[] };
    const ticket = [...board.tickets, ...board.recent].find((t) => t.order_id === orderId);
    if (!ticket) throw new Error(`ticket ${orderId} is not on the kitchen board`);
    return ticket;
  }
  private async tap(orderId: string, action: 'advance' | 'cancel') {
    const { version } = await this.ticket(orderId);
    const res = await this.request.post(`/api/orders/${orderId}/${action}`, { data: { version } });
    if (!res.ok()) throw new Error(`${action} ${orderId} → ${res.status()}: ${await res.text()}`);
  }
  /** Taps Start / Toast / Ready / Handed off until the ticket reaches `status`. */
  async advanceTo(orderId: string, status: Status) {
    for (let i = 0; i < 6; i++) {
      if ((await this.ticket(orderId)).status === status) return;
      await this.tap(orderId, 'advance');
    }
    throw new Error(`could not advance ${orderId} to ${status}`);
  }
  cancel(orderId: string) {
    return this.tap(orderId, 'cancel');
  }
}

/** The shared fixtures plus a signed-in cook (one sign-in per worker: sign-in is rate limited) and the tracker. */
export const test = base.extend<{ tracker: TrackingPage }, { cook: KitchenApi }>({
  cook: [
    async ({ playwright }, use, workerInfo) => {
      const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
      const cook = new KitchenApi(request);
      await cook.signIn();
      await use(cook);
      await request.dispose();
    },
    { scope: 'worker' },
  ],
  tracker: async ({ page }, use) => use(new TrackingPage(page)),
});
export { expect } from '@playwright/test';
