import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunRecord } from '../../src-shared/api';
import type { TheoryReport } from '../../src-shared/theory';
import { formatSci } from '../../src-renderer/format';
import type { RunningLab } from './support/labServer';
import { openBrowserSession, type BrowserSession } from './support/session';
import { callLab } from './support/labCalls';
import { screenshotBoth } from './support/browser';

/**
 * Measured noise in the browser against a real `serve`: a bad file is refused with its line, a
 * good one is previewed (fit, Hill plot, survival plot) and then used by an arm, a run on it
 * completes, and a fresh run page and designer fetch the stored samples to show the arm's theory. Samples: symmetric Lomax(3) at deterministic quantiles, so the tail index is known.
 */
let session: BrowserSession;
let lab: RunningLab;
let page: Page;
let consoleErrors: string[];

const base = () => lab.url.replace(/\/$/, '');

const api = <T>(method: string, ...args: unknown[]) => callLab<T>(lab, method, ...args);
function lomaxCsv(n: number): string {
  const lines = ['grad'];
  for (let i = 0; i < n; i++) {
    const z = Math.pow(1 - (i + 0.5) / n, -1 / 3) - 1;
    lines.push(String(i % 2 === 0 ? z : -z));
  }
  return lines.join('\n');
}

beforeAll(async () => {
  session = await openBrowserSession({ viewport: { width: 1280, height: 900 } });
  ({ lab, page, consoleErrors } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('importing measured noise in the browser', () => {
  it('refuses a bad file, previews a good one, and runs an experiment with it', async () => {
    await page.goto(`${base()}/#/design`);
    await page.waitForSelector('#arm-0-family');
    await page.selectOption('#arm-0-family', 'empirical');
    await expect.poll(() => page.locator('#arm-0-asset-err').innerText(), { timeout: 15_000 }).toMatch(/No measured noise yet: choose a file above, look at its preview, then press “Use this noise”/);

    await page.setInputFiles('#arm-0-noise-file', { name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lomaxCsv(1200)}\n1e-3\nnot-a-number\n`) });
    await expect.poll(() => page.getByRole('alert').first().innerText(), { timeout: 30_000 }).toMatch(/broken\.csv, line 1203: "not-a-number" is not a finite number/);

    await page.setInputFiles('#arm-0-noise-file', { name: 'noise.csv', mimeType: 'text/csv', buffer: Buffer.from(lomaxCsv(4000)) });
    const preview = page.getByRole('region', { name: 'Preview of noise.csv' });
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.locator('[data-fit="gpd"]').innerText()).toMatch(/α = 1\/ξ = .*Block-sum estimate/);
    expect(await preview.locator('[data-chart="noise-hill"] canvas').count()).toBe(1);
    expect(await preview.locator('[data-chart="noise-survival"] canvas').count()).toBe(1);
    await screenshotBoth(page, 'noise-import-preview');
    await preview.getByRole('button', { name: 'Use this noise' }).click();
    const used = page.locator('[data-noise-import="0"] [data-asset]');
    await used.waitFor();
    const asset = await used.getAttribute('data-asset');
    expect(asset).toMatch(/^sha256:[0-9a-f]{64}$/);

    // A small run: one η, two samples per arm, capped.
    await page.fill('#etas', '0.3');
    await page.fill('#samples', '2');
    await page.fill('#maxIterations', '100000');
    const start = page.getByRole('button', { name: 'Start run' });
    await expect.poll(() => start.isDisabled(), { timeout: 15_000 }).toBe(false);
    await start.click();
    await page.waitForURL(/#\/runs\/\d+$/);
    const id = Number(/#\/runs\/(\d+)$/.exec(page.url())![1]);
    await expect.poll(async () => (await api<RunRecord>('getRun', id)).status, { timeout: 60_000 }).toBe('completed');
    const run = await api<RunRecord>('getRun', id);
    expect(run.config.arms[0].noise).toMatchObject({ family: 'empirical', asset });

    // A fresh page knows no samples: the run page fetches the asset (getNoiseAsset) and shows the
    // arm's theory from it, the fitted tail the service computes for the same config.
    const expected = await api<TheoryReport>('theory', run.config, 0.3);
    const tail = expected.arms[0].tail!;
    expect(tail.alpha).toBeGreaterThan(2);
    const tailText = new RegExp(`α = ${tail.alpha.toFixed(3)} · p₊ = ${tail.pPlus.toFixed(3)} · H\\(1/η\\) = P\\(\\|Z\\| > 1/η\\) = ${formatSci(tail.h!, 3)}`);
    await page.reload();
    const shownTail = page.locator('[data-theory-arm="0"] [data-tail]');
    await expect.poll(() => shownTail.innerText().catch(() => ''), { timeout: 30_000 }).toMatch(tailText);
    const rows = page.locator('[data-theory-arm="0"] tbody tr');
    expect(await rows.count()).toBe(expected.arms[0].fields.length);
    expect(await rows.nth(1).innerText()).toContain(formatSci(expected.arms[0].fields[1].predictedMeanExit!, 2));
    await screenshotBoth(page, 'noise-import-run-theory');

    // The designer, opened fresh on a duplicate of the run, fetches the asset likewise.
    await page.goto(`${base()}/#/design?from=${id}`);
    await page.reload();
    await expect.poll(() => page.locator('[data-theory-arm="0"] [data-tail]').innerText().catch(() => ''), { timeout: 30_000 }).toMatch(tailText);
    // Chromium logs the refused import's answer (400, on purpose above); nothing else may fail.
    expect(consoleErrors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });
});
