import type { Page } from '@playwright/test';

export const DEMO_PINS = { kitchen: '1111', manager: '9999' } as const;
export const DEMO_NAMES = { kitchen: 'Casey', manager: 'Morgan' } as const;

export class LoginPage {
  constructor(private readonly page: Page) {}
  open(next?: string) {
    return this.page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  }
  /** Who is signing in: a tap on their name on a trusted tablet, typed anywhere else. */
  async chooseName(name: string) {
    const tile = this.page.getByRole('button', { name, exact: true });
    if (await this.page.getByRole('group', { name: 'Who are you?' }).isVisible()) await tile.click();
    else await this.page.getByLabel('Your name').fill(name);
  }
  /** Taps the PIN on the on-screen pad, as a cook with a tablet would. */
  async enterPin(pin: string) {
    for (const digit of pin) await this.page.getByRole('button', { name: digit, exact: true }).click();
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }
  async signInAs(name: string, pin: string) {
    await this.chooseName(name);
    await this.enterPin(pin);
  }
  error() {
    return this.page.getByRole('alert').filter({ hasText: /PIN/ });
  }
}

export async function signIn(page: Page, role: keyof typeof DEMO_PINS, next?: string) {
  const login = new LoginPage(page);
  await login.open(next);
  await login.signInAs(DEMO_NAMES[role], DEMO_PINS[role]);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
