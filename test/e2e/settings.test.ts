import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildRendererIfStale } from './support/buildRenderer';
import { startLab, type RunningLab } from './support/labServer';
import { launchChromium, openPage, screenshotBoth } from './support/browser';
import { startRedis, type RedisProcess } from '../integration/redisServer';

/**
 * The Settings view through the browser door: `serve` lets a client change the memory budget
 * for the life of the process (and the Design view's next run is refused or accepted by it),
 * while its executor stays the one it was started with, shown without its password and testable.
 */
let browser: Browser;
beforeAll(async () => {
  await buildRendererIfStale();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openSettings(page: Page, lab: RunningLab): Promise<void> {
  await page.goto(lab.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.waitForURL(/#\/settings$/);
  await page.locator('#settings-memory-budget').waitFor();
}

async function setBudget(page: Page, mb: number): Promise<void> {
  await page.fill('#settings-memory-budget', String(mb));
  await page.getByTestId('save-settings').click();
  await page.getByTestId('settings-saved').waitFor();
}

describe('the Settings view in a browser', () => {
  let lab: RunningLab;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it('a lower memory budget refuses the next run naming the field; a higher one accepts it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, consoleErrors } = await openPage(context);
    await openSettings(page, lab);
    expect(await page.inputValue('#settings-memory-budget')).toBe('1024');
    // serve's executor is its command line's: shown, not editable.
    expect(await page.getByTestId('executor-local').isChecked()).toBe(true);
    expect(await page.getByTestId('executor-local').isDisabled()).toBe(true);
    await page.getByTestId('executor-fixed').waitFor();
    await setBudget(page, 10);
    await screenshotBoth(page, 'settings');

    // 4 arms × 2 paths × 100,001 stored points ≈ 38 MB: over 10 MB, under 256 MB.
    await page.getByRole('link', { name: 'Design' }).click();
    await page.waitForSelector('#start-from option[value="preset:figures-1-5-long-run"]', { state: 'attached' });
    await page.selectOption('#start-from', 'preset:figures-1-5-long-run');
    await expect.poll(() => page.inputValue('#paths'), { timeout: 15_000 }).toBe('20');
    await page.fill('#name', 'e2e budget');
    await page.fill('#paths', '2');
    await page.fill('#iterations', '100000');
    await page.fill('#thin', '1');
    await page.getByRole('button', { name: 'Start run' }).click();
    await expect.poll(() => page.locator('#thin-err').innerText(), { timeout: 15_000 }).toMatch(/memory budget of 10 MB/);
    await screenshotBoth(page, 'settings-refused');

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.locator('#settings-memory-budget').waitFor();
    expect(await page.inputValue('#settings-memory-budget')).toBe('10');
    await setBudget(page, 256);
    await page.getByRole('link', { name: 'Design' }).click();
    await expect.poll(() => page.inputValue('#thin'), { timeout: 15_000 }).toBe('1');
    await page.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/#\/runs\/\d+$/, { timeout: 30_000 });
    await page.waitForSelector('.page-head .status-pill.completed', { timeout: 120_000 });
    // The server's log of refusals is not the console's business: no errors there.
    expect(consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await context.close();
  });
});

describe("the Settings view of a server started with --redis", () => {
  let redis: RedisProcess;
  let lab: RunningLab;
  const secret = 'e2e-settings-secret';
  beforeAll(async () => {
    redis = await startRedis(secret);
    lab = await startLab(['--redis', redis.url]);
  });
  afterAll(async () => {
    await lab?.stop();
    await redis?.stop();
  });

  it('shows the queue without its password and tests the connection', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, consoleErrors } = await openPage(context);
    await openSettings(page, lab);
    expect(await page.getByTestId('executor-queue').isChecked()).toBe(true);
    expect(await page.inputValue('#settings-redis-url')).toBe(`redis://:***@127.0.0.1:${redis.port}`);
    expect(await page.content()).not.toContain(secret);
    await page.getByTestId('test-redis').click();
    await expect.poll(() => page.getByTestId('redis-check').innerText(), { timeout: 15_000 }).toMatch(/Connected\. Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/? answered; no lab worker is connected/);
    await screenshotBoth(page, 'settings-queue');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
