import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningLab } from './support/labServer';
import { openBrowserSession, type BrowserSession } from './support/session';
import { callLab } from './support/labCalls';
import { screenshotBoth } from './support/browser';

/**
 * What a new user tripped over, in Chromium against a real `serve` on a fresh database. The
 * server notifies about every run's end (`--notice-after 0`) so tiny runs can stand in for long ones.
 */
let session: BrowserSession;
let lab: RunningLab;
let page: Page;
let consoleErrors: string[];

const base = () => lab.url.replace(/\/$/, '');

const api = <T>(method: string, ...args: unknown[]) => callLab<T>(lab, method, ...args);
const heavy = { family: 'pareto', alpha: 1.2, scale: 0.1 };
const tinyExit = (name: string) => ({
  name, kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7, etas: [0.3], samples: 2, maxIterations: 100000,
  arms: [{ label: 'b=0.5', noise: heavy, clip: 0.5 }],
});

async function designFromPreset(p: Page, presetId: string): Promise<void> {
  await p.goto(`${base()}/#/design`);
  await p.waitForSelector(`#start-from option[value="preset:${presetId}"]`, { state: 'attached' });
  await p.selectOption('#start-from', `preset:${presetId}`);
}

/** Width and height of a PNG file, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

beforeAll(async () => {
  session = await openBrowserSession({
    labArgs: ['--notice-after', '0'],
    acceptDownloads: true,
    // The real Notification API, with its permission request counted.
    prepare: (context) =>
      context.addInitScript(() => {
        const w = window as unknown as { __asks: number; Notification?: typeof Notification };
        w.__asks = 0;
        if (!w.Notification) return;
        const real = w.Notification.requestPermission.bind(w.Notification);
        w.Notification.requestPermission = ((cb?: NotificationPermissionCallback) => {
          w.__asks++;
          return real(cb);
        }) as typeof Notification.requestPermission;
      }),
  });
  ({ lab, page, consoleErrors } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('a new user', () => {
  it('on a fresh database is pointed to the designer', async () => {
    await page.goto(`${base()}/#/runs`);
    const empty = page.getByTestId('runs-empty');
    await expect.poll(() => empty.innerText(), { timeout: 15_000 }).toMatch(/No runs yet\. Design an experiment/);
    await screenshotBoth(page, 'runs-empty');
    await empty.getByRole('link', { name: 'Design an experiment' }).click();
    await page.waitForURL(/#\/design$/);
  });

  it('sees a time estimate from the measured kernel speed, and duplicate arm labels refused', async () => {
    await designFromPreset(page, 'figure-4-exit-times');
    await expect.poll(() => page.getByTestId('time-estimate').innerText(), { timeout: 60_000 }).toMatch(/kernel speed measured on this machine × 1 worker\)/);
    await page.fill('#arm-1-label', 'clipped b=0.5');
    await expect.poll(() => page.locator('#arm-1-label-err').innerText(), { timeout: 15_000 }).toMatch(/must differ from arms\[0\]\.label/);
    expect(await page.getByRole('button', { name: 'Start run' }).isDisabled()).toBe(true);
    await screenshotBoth(page, 'design-duplicate-label');
  });

  it('reads "large" per communicating class the same in the table and the summary (Figure 3, b = 0.4)', async () => {
    await designFromPreset(page, 'figure-3-three-wells');
    const arm = page.locator('[data-theory-arm="1"]');
    await expect.poll(() => arm.locator('[data-large-summary]').innerText(), { timeout: 15_000 }).toBe(
      'large per class: {m1, m2} in {m1, m2} (absorbing); {m3} in {m3} (transient)',
    );
    const marked = await arm.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelector('.large-mark') !== null));
    expect(marked).toEqual([true, true, true]);
    await arm.scrollIntoViewIfNeeded();
    await screenshotBoth(page, 'design-three-wells-theory');
  });

  it('is asked about notifications once, and told in the page when the browser may not notify', async () => {
    await designFromPreset(page, 'figure-4-exit-times');
    await page.fill('#etas', '0.3');
    await page.fill('#samples', '2');
    await page.fill('#maxIterations', '100000');
    await page.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/#\/runs\/\d+$/);
    const first = Number(/#\/runs\/(\d+)$/.exec(page.url())![1]);
    // Headless Chromium answers the request without a prompt; nobody granted it, so no system notification.
    const notice = page.locator(`[data-notice-run="${first}"]`);
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.innerText()).toContain(`Run #${first} completed`);
    await screenshotBoth(page, 'notice-in-page');

    await page.goto(`${base()}/#/runs`);
    await designFromPreset(page, 'figure-4-exit-times');
    await page.fill('#etas', '0.3');
    await page.fill('#samples', '2');
    await page.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/#\/runs\/\d+$/);
    const second = Number(/#\/runs\/(\d+)$/.exec(page.url())![1]);
    await page.locator(`[data-notice-run="${second}"]`).waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { __asks: number }).__asks)).toBe(1);

    await page.goto(`${base()}/#/runs`);
    await page.locator(`[data-notice-run="${second}"]`).getByRole('button', { name: `Open run #${second}` }).click();
    await page.waitForURL(new RegExp(`#/runs/${second}$`));
    expect(await page.locator(`[data-notice-run="${second}"]`).count()).toBe(0);
  });

  it('gets a browser notification when permitted, and clicking it opens the run', async () => {
    const granted = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await granted.grantPermissions(['notifications'], { origin: base() });
    await granted.addInitScript(() => {
      const w = window as unknown as { __shown: Notification[] };
      w.__shown = [];
      const Real = window.Notification;
      // The real constructor, with each instance kept so the test can click it.
      window.Notification = new Proxy(Real, {
        construct(target, args: [string, NotificationOptions?]) {
          const n = new target(...args);
          w.__shown.push(n);
          return n;
        },
      });
    });
    const p = await granted.newPage();
    await p.goto(`${base()}/#/runs`);
    await p.waitForSelector('.runs-table');
    const run = await api<{ id: number }>('startRun', tinyExit('notified run'));
    await expect.poll(() => p.evaluate(() => (window as unknown as { __shown: Notification[] }).__shown.map((n) => [n.title, n.body])), { timeout: 60_000 }).toEqual([
      [`Run #${run.id} completed`, expect.stringMatching(/^notified run — after \d+ s\. Click to open it\.$/)],
    ]);
    expect(await p.locator('[data-notice-run]').count()).toBe(0);
    await p.evaluate(() => (window as unknown as { __shown: Notification[] }).__shown[0].dispatchEvent(new Event('click')));
    await p.waitForURL(new RegExp(`#/runs/${run.id}$`));
    await granted.close();
  });

  it('sees a finished run that never moved between minima say so, and renaming changes its config', async () => {
    const run = await api<{ id: number }>('startRun', {
      name: 'light only', kind: 'long-run', landscape: { preset: 'paper' }, x0: 0.3, eta: 0.001, paths: 1, iterations: 20000, thin: 100,
      arms: [{ label: 'light', noise: { family: 'gaussian', sigma: 1 }, clip: null }],
    });
    await page.goto(`${base()}/#/runs/${run.id}`);
    await page.waitForSelector('.page-head .status-pill.completed', { timeout: 60_000 });
    await expect.poll(() => page.getByTestId('move-shares').innerText(), { timeout: 15_000 }).toContain('no moves between minima in this run');
    await screenshotBoth(page, 'run-light-only');

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.fill('#edit-name', 'light only, renamed');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    const config = page.locator('section[aria-labelledby="config-h"]');
    await expect.poll(() => config.innerText(), { timeout: 15_000 }).toContain('light only, renamed');
    await page.reload();
    await expect.poll(() => config.innerText(), { timeout: 15_000 }).toContain('light only, renamed');
  });

  it('draws the long-run charts readably and exports a PNG with a title and a key', async () => {
    const run = await api<{ id: number }>('startRun', {
      name: 'four arms', kind: 'long-run', landscape: { preset: 'paper' }, x0: 0.3, eta: 0.001, paths: 2, iterations: 200000, thin: 50,
      arms: [
        { label: 'heavy, no clip', noise: heavy, clip: null },
        { label: 'heavy, b=0.5', noise: heavy, clip: 0.5 },
        { label: 'light, no clip', noise: { family: 'gaussian', sigma: 1 }, clip: null },
        { label: 'light, b=0.5', noise: { family: 'gaussian', sigma: 1 }, clip: 0.5 },
      ],
    });
    await page.goto(`${base()}/#/runs/${run.id}`);
    await page.waitForSelector('.page-head .status-pill.completed', { timeout: 120_000 });
    await page.waitForSelector(`[data-chart="run-${run.id}-trajectories"] canvas`);
    await screenshotBoth(page, 'run-four-arms');

    const panel = page.locator(`[data-chart="run-${run.id}-trajectories"]`);
    expect(await panel.locator('.line-key').innerText()).toMatch(/path X\(n\)[\s\S]*saddles sᵢ[\s\S]*minima mᵢ/);
    const box = (await panel.locator('.chart-body').boundingBox())!;
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /as PNG/ }).click()]);
    const png = readFileSync((await download.path())!);
    const size = pngSize(png);
    expect(size.width).toBe(Math.round(box.width * 2));
    // Title above and key + caption below: taller than the chart alone.
    expect(size.height).toBeGreaterThan(Math.round(box.height * 2) + 2 * (40 + 22));
  });

  it('logged no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
