// Renders app/icon.svg (the favicon) into the PNG icons home screens and manifests want: Apple's
// 180 px touch icon (app/apple-icon.png, which Next links itself) and 192/512 px manifest icons, with a
// padded "maskable" 512 for Android's shaped launchers. Run after changing the SVG; the PNGs are
// committed. Uses the Chromium the e2e tests use, so no image tool is needed.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const ROOT = path.resolve(__dirname, '..');
const svg = fs.readFileSync(path.join(ROOT, 'app', 'icon.svg'), 'utf8');
const executablePath =
  process.env.CHROMIUM_PATH ??
  execFileSync('bash', [path.join(ROOT, 'scripts', 'find-chromium.sh')], { encoding: 'utf8' }).trim();

const OUT: Array<{ file: string; size: number; padding: number }> = [
  { file: 'app/apple-icon.png', size: 180, padding: 0 },
  { file: 'public/icons/icon-192.png', size: 192, padding: 0 },
  { file: 'public/icons/icon-512.png', size: 512, padding: 0 },
  { file: 'public/icons/maskable-512.png', size: 512, padding: 0.1 }, // the safe zone: the middle 80 %
];

void (async () => {
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    for (const { file, size, padding } of OUT) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const inner = Math.round(size * (1 - 2 * padding));
      await page.setContent(`<html><body style="margin:0;background:#18181b;display:grid;place-items:center;width:${size}px;height:${size}px">
        <img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${inner}" height="${inner}"></body></html>`);
      await page.screenshot({ path: path.join(ROOT, file), omitBackground: false });
      await page.close();
      console.log(`${file} (${size}×${size})`);
    }
  } finally {
    await browser.close();
  }
})();
