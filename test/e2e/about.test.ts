import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildRendererIfStale } from './support/buildRenderer';
import { startLab, type RunningLab } from './support/labServer';
import { launchChromium, openPage, screenshotBoth } from './support/browser';

/** The About view names the database file the door's service uses, so the CLI can be pointed at it. */
let lab: RunningLab;
let browser: Browser;

beforeAll(async () => {
  await buildRendererIfStale();
  lab = await startLab();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await lab?.stop();
});

describe('the About view', () => {
  it('shows the database path and a CLI command for the same file', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, consoleErrors } = await openPage(context);
    await page.goto(lab.url);
    await page.getByRole('link', { name: 'About' }).click();
    await page.waitForURL(/#\/about$/);
    expect(await page.getByTestId('database-path').textContent()).toBe(lab.dbPath);
    expect(await page.locator('pre.commands').textContent()).toContain(`lab -- list --db "${lab.dbPath}"`);
    // The desktop-only menu hint is not offered in a browser.
    expect(await page.getByText('File › Open Database…').count()).toBe(0);
    await screenshotBoth(page, 'about');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
