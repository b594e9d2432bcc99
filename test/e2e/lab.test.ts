import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunRecord } from '../../src-shared/api';
import type { RunningLab } from './support/labServer';
import { openBrowserSession, type BrowserSession } from './support/session';
import { callLab, dataPixels } from './support/labCalls';
import { screenshotBoth } from './support/browser';

/**
 * The lab UI end to end: a real `serve` process with a real database and worker, driven in
 * Debian's Chromium. Runs are tiny (few samples, large η) so the whole file takes seconds of
 * simulation; most of the time is the renderer build and the browser.
 */
let session: BrowserSession;
let lab: RunningLab;
let page: Page;
let consoleErrors: string[];

const api = <T>(method: string, ...args: unknown[]) => callLab<T>(lab, method, ...args);
const pixelsOf = (selector: string) => dataPixels(page, selector);
const ids: { tiny?: number; cancelled?: number; long?: number; elsewhere?: number } = {};

async function gotoHash(hash: string): Promise<void> {
  await page.goto(`${lab.url.replace(/\/$/, '')}/#${hash}`);
}

async function designFromPreset(presetId: string): Promise<void> {
  await gotoHash('/design');
  await page.locator('#start-from option', { hasText: '' }).first().waitFor({ state: 'attached' });
  await page.waitForSelector(`#start-from option[value="preset:${presetId}"]`, { state: 'attached' });
  await page.selectOption('#start-from', `preset:${presetId}`);
}

async function startAndOpen(): Promise<number> {
  await page.getByRole('button', { name: 'Start run' }).click();
  await page.waitForURL(/#\/runs\/\d+$/);
  return Number(/#\/runs\/(\d+)$/.exec(page.url())![1]);
}

beforeAll(async () => {
  session = await openBrowserSession({ acceptDownloads: true });
  ({ lab, page, consoleErrors } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('the lab in Chromium', () => {
  it('designs an exit-time run from a preset, names an invalid field, runs it and draws its charts', async () => {
    await designFromPreset('figure-4-exit-times');
    await expect.poll(() => page.inputValue('#etas'), { timeout: 15_000 }).toContain('0.0001');
    // The live landscape plot and the theory (b = 0.5 on Ω2: l* = 2, β = 1.40) are shown beside the form.
    await page.waitForSelector('[data-chart="landscape"] canvas');
    await expect.poll(() => page.locator('[data-theory-arm="0"]').innerText(), { timeout: 15_000 }).toContain('1.40');
    await screenshotBoth(page, 'design');

    await page.fill('#samples', 'abc');
    await expect.poll(() => page.locator('#samples-err').innerText(), { timeout: 15_000 }).toMatch(/whole number/);
    expect(await page.getByRole('button', { name: 'Start run' }).isDisabled()).toBe(true);
    await page.fill('#etas', '0.3, -0.1');
    await expect.poll(() => page.locator('#etas-err').innerText(), { timeout: 15_000 }).toMatch(/item 2: must be > 0/);
    await screenshotBoth(page, 'design-invalid');

    await page.fill('#name', 'e2e tiny exit');
    await page.fill('#etas', '0.3, 0.1, 0.05');
    await page.fill('#samples', '6');
    await page.fill('#maxIterations', '1000000');
    expect(await page.locator('.field-errors').count()).toBe(0);
    await expect.poll(() => page.getByTestId('estimate').innerText(), { timeout: 15_000 }).toMatch(/iterations/);

    ids.tiny = await startAndOpen();
    await page.waitForSelector('.page-head .status-pill.completed', { timeout: 120_000 });
    // Results arrive; the log–log chart, the table, the destinations and the distribution are drawn.
    await expect.poll(() => page.locator('[data-testid="exit-table"] tbody tr').count(), { timeout: 20_000 }).toBe(6);
    const chart = `[data-chart="run-${ids.tiny}-exit-time"]`;
    await expect.poll(() => pixelsOf(chart), { timeout: 15_000 }).toBeGreaterThan(2000);
    await expect.poll(() => pixelsOf(`[data-chart="run-${ids.tiny}-exit-destinations"]`), { timeout: 15_000 }).toBeGreaterThan(2000);
    await expect.poll(() => pixelsOf(`[data-chart="run-${ids.tiny}-exit-distribution"]`), { timeout: 15_000 }).toBeGreaterThan(2000);
    await screenshotBoth(page, 'run-exit-time');
    // The dark theme follows the system; the charts re-theme live.
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshotBoth(page, 'run-exit-time-dark');
    await gotoHash('/design');
    await page.waitForSelector('[data-chart="landscape"] canvas');
    await screenshotBoth(page, 'design-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('exports the run as CSV with one row per sample matching the stored result', async () => {
    await gotoHash(`/runs/${ids.tiny}`);
    await page.waitForSelector('[data-testid="export-csv"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    expect(csv[0]).toBe('arm,eta,sample,exit_time,censored,exit_to');
    expect(csv.length - 1).toBe(2 * 3 * 6);
    const run = await api<RunRecord>('getRun', ids.tiny);
    if (run.result?.kind !== 'exit-time') throw new Error('expected an exit-time result');
    // Every exported exit time of arm 1 at η = 0.3 is exactly a stored one, in order.
    const rows = csv.slice(1).map((l) => l.split(','));
    const exported = rows.filter((r) => r[0] === 'clipped b=0.5' && r[1] === '0.3').map((r) => Number(r[3]));
    expect(exported).toEqual(run.result.arms[0].points[0].exitTimes);
  });

  it('runs a small long-run experiment and draws Figures 1 and 5', async () => {
    await designFromPreset('figures-1-5-long-run');
    await page.fill('#name', 'e2e long run');
    await page.fill('#paths', '2');
    await page.fill('#iterations', '200000');
    await page.fill('#thin', '50');
    ids.long = await startAndOpen();
    await page.waitForSelector('.page-head .status-pill.completed', { timeout: 120_000 });
    for (const name of ['histogram', 'occupancy', 'transitions', 'trajectories', 'sojourns']) {
      await expect.poll(() => pixelsOf(`[data-chart="run-${ids.long}-${name}"]`), { timeout: 20_000 }).toBeGreaterThan(1000);
    }
    await screenshotBoth(page, 'run-long-run');
  });

  it('shows a run started elsewhere appear in the run list and finish, fed by events', async () => {
    await gotoHash('/runs');
    await expect.poll(() => page.locator('.runs-table tbody tr[data-run-id]').count(), { timeout: 15_000 }).toBe(2);
    // Started through the API (another client), not this page: only server-sent events tell it.
    const started = await api<{ id: number }>('startRun', {
      name: 'e2e from elsewhere', kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7, etas: [0.3], samples: 4, maxIterations: 100000,
      arms: [{ label: 'b=0.5', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 }],
    });
    ids.elsewhere = started.id;
    const row = page.locator(`tr[data-run-id="${started.id}"]`);
    await row.waitFor({ timeout: 30_000 });
    await row.locator('.status-pill.completed').waitFor({ timeout: 60_000 });
  });

  // Last of the runs. At η = 1e-4 the run lasts minutes even on a fast machine; at 1e-3 it once
  // finished (in under 5 s) while the screenshots were taken, so there was nothing left to cancel.
  it('watches a long run make progress, then cancels it', async () => {
    await designFromPreset('figure-4-exit-times');
    await page.fill('#name', 'e2e cancelled');
    await page.fill('#etas', '0.0001');
    await page.fill('#samples', '200');
    ids.cancelled = await startAndOpen();
    await page.waitForSelector('.page-head [role="progressbar"]', { timeout: 30_000 });
    await expect.poll(() => page.locator('.page-head .run-status').innerText(), { timeout: 30_000 }).toMatch(/ETA/);
    await screenshotBoth(page, 'run-in-progress');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.waitForSelector('.page-head .status-pill.cancelled', { timeout: 30_000 });
    expect(await page.getByRole('button', { name: 'Resume' }).isVisible()).toBe(true);
  });

  it('filters the history by text, status and tag', async () => {
    await gotoHash('/runs');
    await expect.poll(() => page.locator('.runs-table tbody tr[data-run-id]').count(), { timeout: 15_000 }).toBe(4);
    await screenshotBoth(page, 'runs');
    await page.fill('#filter-text', 'tiny');
    await expect.poll(() => page.locator('.runs-table tbody tr[data-run-id]').count(), { timeout: 15_000 }).toBe(1);
    await page.fill('#filter-text', '');
    await page.selectOption('#filter-status', 'cancelled');
    await expect.poll(() => page.locator('.runs-table tbody tr[data-run-id]').allInnerTexts(), { timeout: 15_000 }).toEqual([expect.stringContaining('e2e cancelled')]);
    await page.selectOption('#filter-status', { label: 'any' });

    // Tag the long run through the edit dialog, then filter by that tag.
    const row = page.locator(`tr[data-run-id="${ids.long}"]`);
    await row.getByText('More').click();
    await row.getByRole('button', { name: 'Rename, tag, notes…' }).click();
    await page.fill('#edit-tags', 'figure-1, keep');
    await page.fill('#edit-notes', 'small check of Figure 1');
    await page.getByRole('button', { name: 'Save' }).click();
    // The modal makes the rest of the page inert until the save lands and it closes.
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    await page.fill('#filter-tag', 'keep');
    await expect.poll(() => page.locator('.runs-table tbody tr[data-run-id]').allInnerTexts(), { timeout: 15_000 }).toEqual([expect.stringContaining('e2e long run')]);
    await page.fill('#filter-tag', '');
    await expect.poll(() => page.locator('.runs-table tbody tr[data-run-id]').count(), { timeout: 15_000 }).toBe(4);
  });

  it('opens two runs in compare with only their differences', async () => {
    await gotoHash('/runs');
    await page.locator(`tr[data-run-id="${ids.tiny}"] input[type="checkbox"]`).check();
    await page.locator(`tr[data-run-id="${ids.cancelled}"] input[type="checkbox"]`).check();
    await page.getByTestId('compare-selected').click();
    await page.waitForURL(/#\/compare\?ids=/);
    const table = page.getByTestId('compare-config');
    await expect.poll(() => table.innerText(), { timeout: 15_000 }).toContain('samples');
    const text = await table.innerText();
    expect(text).toContain('etas');
    expect(text).not.toContain('landscape.L'); // identical rows are hidden
    await expect.poll(() => pixelsOf('[data-chart="compare-exit-time"]'), { timeout: 15_000 }).toBeGreaterThan(2000);
    await screenshotBoth(page, 'compare');
  });

  it('deletes a run after confirmation', async () => {
    await gotoHash('/runs');
    const row = page.locator(`tr[data-run-id="${ids.cancelled}"]`);
    await row.getByText('More').click();
    await row.getByRole('button', { name: 'Delete…' }).click();
    await page.getByTestId('confirm').click();
    await expect.poll(() => page.locator('.runs-table tbody tr[data-run-id]').count(), { timeout: 15_000 }).toBe(3);
    expect(await page.locator(`tr[data-run-id="${ids.cancelled}"]`).count()).toBe(0);
  });

  it("shows Theorem 1's constants with their numerical error for an l* = 3 field", async () => {
    await designFromPreset('figure-4-exit-times');
    await page.fill('#arm-0-clip', '0.3');
    // Paper landscape, b = 0.3: l*_2 = ⌈0.64/0.3⌉ = 3, β = 1.6, q_2 ≈ 1.97 (an integral, so it carries an error).
    const omega2 = page.locator('[data-theory-arm="0"] tbody tr').nth(1);
    await expect.poll(() => omega2.innerText(), { timeout: 15_000 }).toMatch(/^Ω2\D[\s\S]*\t3L?\t1\.60\t1\.97\s*± \d(\.\d)?e-\d+\t/);
    expect(await page.locator('[data-theory-arm="0"] tbody tr').first().innerText()).toMatch(/exact/);
    await screenshotBoth(page, 'design-lstar3');
  });

  it('logged no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
