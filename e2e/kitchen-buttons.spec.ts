// Ticket buttons at the wall tablet's size (issue 24, item 2): with four columns at 1280×800 every
// ticket button is at least 48 px tall and wide enough for its label (nothing cut off or squeezed).
import { expect, test } from './pages/tracking-page';

test('every ticket button is at least 48 px tall and shows its whole label at 1280×800', async ({
  kitchen,
  api,
  cook,
  page,
}) => {
  // Enough tickets for four columns; canceled again at the end, so the board the other specs read
  // (which shows the oldest open orders first) stays as it was.
  const ids: string[] = [];
  try {
    for (const toast of ['none', 'light', 'dark', 'none'] as const)
      ids.push((await api.createOrder({ customer_name: 'Bartholomew Button', toast })).order_id);
    await kitchen.open();
    await expect(kitchen.tickets().first()).toBeVisible();
    const buttons = page.locator('[data-testid^="ticket-ord_"] button');
    expect(await buttons.count()).toBeGreaterThan(8);
    const measured = await buttons.evaluateAll((els) =>
      els.map((el) => {
        const b = el as HTMLButtonElement;
        const r = b.getBoundingClientRect();
        return {
          label: (b.getAttribute('aria-label') ?? b.textContent ?? '').trim(),
          height: Math.round(r.height),
          width: Math.round(r.width),
          clipped: b.scrollWidth > b.clientWidth + 1,
        };
      }),
    );
    const visible = measured.filter((m) => m.width > 0);
    expect(visible.filter((m) => m.height < 48)).toEqual([]);
    expect(visible.filter((m) => m.clipped)).toEqual([]);
  } finally {
    for (const id of ids) await cook.cancel(id); // a kitchen cancel: no customer-cancel alert left on the screens
  }
});
