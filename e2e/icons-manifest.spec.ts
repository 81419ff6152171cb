// Icons and "add to home screen" (issue 24, item 5): every page links our icon and asks for nothing
// that is not there (no /favicon.ico 404); the kitchen and the board link web app manifests that open
// them full-screen, in landscape, with icons that load.
import { expect, test } from './fixtures';
import { signIn } from './pages/login-page';

test('the board and the kitchen link full-screen manifests with icons that load; no page request 404s', async ({
  page,
}) => {
  const missing: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  for (const [path, start] of [
    ['/board', '/board'],
    ['/kitchen', '/kitchen'],
  ] as const) {
    if (path === '/kitchen') await signIn(page, 'kitchen');
    await page.goto(path);
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute('href', /icon/);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe(`${start}/manifest.webmanifest`);
    const res = await page.request.get(href!);
    expect(res.headers()['content-type']).toContain('application/manifest+json');
    const manifest = (await res.json()) as {
      start_url: string;
      display: string;
      orientation: string;
      icons: Array<{ src: string; type: string; purpose: string }>;
    };
    expect(manifest).toMatchObject({ start_url: start, display: 'fullscreen', orientation: 'landscape' });
    expect(manifest.icons.map((i) => i.purpose)).toEqual(expect.arrayContaining(['any', 'maskable']));
    for (const icon of manifest.icons) {
      const got = await page.request.get(icon.src);
      expect(got.status(), icon.src).toBe(200);
      expect(got.headers()['content-type'], icon.src).toContain(icon.type);
    }
  }
  await page.goto('/login');
  await page.goto('/docs');
  expect(missing).toEqual([]);
});
