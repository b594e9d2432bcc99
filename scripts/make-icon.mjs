// Renders resources/icons/icon.svg to the 1024×1024 PNG electron-builder turns into the .icns,
// .ico and Linux icons. Run after editing the SVG: `node scripts/make-icon.mjs` (needs Chromium,
// /usr/bin/chromium or CHROMIUM_PATH).
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const size = 1024;
const svg = readFileSync('resources/icons/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: 'resources/icons/icon.png', omitBackground: true });
} finally {
  await browser.close();
}
