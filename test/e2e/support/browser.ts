import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; never a downloaded one. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotDir = 'test-output/screenshots';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** A page that records every console error and uncaught exception, so a test can assert none. */
export async function openPage(context: BrowserContext): Promise<{ page: Page; consoleErrors: string[] }> {
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  return { page, consoleErrors };
}

export const viewports = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/**
 * Screenshots of the current view at both review sizes, under test-output/screenshots (git-ignored):
 * what the window shows, and the whole page. The whole page is taken by growing the viewport to the
 * page's height and letting the charts resize, because Playwright's fullPage capture resizes the
 * viewport under the charts mid-frame and catches them stretched.
 */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const original = page.viewportSize();
  for (const v of viewports) {
    await page.setViewportSize(v);
    await page.evaluate(() => window.scrollTo(0, 0));
    // Charts resize on the next frames (autoresize is throttled); let them settle.
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(screenshotDir, `${name}-${v.width}x${v.height}.png`) });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    if (height > v.height) {
      await page.setViewportSize({ width: v.width, height: Math.min(height, 6000) });
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(screenshotDir, `${name}-${v.width}x${v.height}-full.png`) });
    }
  }
  if (original) await page.setViewportSize(original);
}
