import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LabService } from '../../src-main/lab';
import type { RunningLab } from './support/labServer';
import { openBrowserSession, type BrowserSession } from './support/session';
import { callLab, settledRun, dataPixels } from './support/labCalls';
import { screenshotBoth } from './support/browser';
import { lab as labCommand } from '../integration/cliHarness';

/**
 * Run history in Chromium: the detail arrives in pieces (trajectories reduced on the server,
 * "showing n of N paths"), stays true at completion, follows changes other processes make, and
 * the list searches arm labels and filters by clickable tag chips.
 */
let session: BrowserSession;
let lab: RunningLab;
let page: Page;
let consoleErrors: string[];
/** Another process's view of the same database: this test process, with its own workers. */
let elsewhere: LabService;

const api = <T>(method: string, ...args: unknown[]) => callLab<T>(lab, method, ...args);
const settled = (id: number) => settledRun(lab, id);
const pixelsOf = (selector: string) => dataPixels(page, selector);

const workerUrl = pathToFileURL(resolve(__dirname, '../../out/node/worker.js'));
const pareto = (label: string, clip: number | null) => ({ label, noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip });

async function gotoHash(target: Page, hash: string): Promise<void> {
  await target.goto(`${lab.url.replace(/\/$/, '')}/#${hash}`);
}

const rows = () => page.locator('.runs-table tbody tr[data-run-id]');

beforeAll(async () => {
  session = await openBrowserSession();
  ({ lab, page, consoleErrors } = session);
  elsewhere = new LabService({ dbPath: lab.dbPath, workers: 1, workerUrl });
});

afterAll(async () => {
  await elsewhere?.close();
  await session?.close();
});

describe('run history in Chromium', () => {
  let longId = 0;

  it('draws server-reduced trajectories and says how many of the paths it shows', async () => {
    const started = await api<{ id: number }>('startRun', {
      name: 'e2e twelve paths', kind: 'long-run', landscape: { preset: 'paper' }, x0: 0.3, eta: 0.01,
      paths: 12, iterations: 100_000, thin: 50, arms: [pareto('heavy unclipped', null), pareto('heavy b=0.5', 0.5)],
    });
    longId = started.id;
    expect((await settled(longId)).status).toBe('completed');
    await gotoHash(page, `/runs/${longId}`);
    await expect.poll(() => page.getByTestId('paths-shown').innerText(), { timeout: 20_000 }).toBe('showing 8 of 12 paths');
    await expect.poll(() => pixelsOf(`[data-chart="run-${longId}-trajectories"]`), { timeout: 20_000 }).toBeGreaterThan(1000);
    await screenshotBoth(page, 'run-long-run-paths');
  });

  it('shows the final numbers when a run it watched completes, without a reload', async () => {
    const started = await api<{ id: number }>('startRun', {
      name: 'e2e watched to the end', kind: 'long-run', landscape: { preset: 'paper' }, x0: 0.3, eta: 0.01,
      paths: 4, iterations: 4_000_000, thin: 2000, arms: [pareto('one', null), pareto('two', 0.5)],
    });
    await gotoHash(page, `/runs/${started.id}`);
    await page.waitForSelector('.page-head .status-pill.completed', { timeout: 120_000 });
    const fresh = await session.context.newPage();
    await gotoHash(fresh, `/runs/${started.id}`);
    const caption = `[data-chart="run-${started.id}-histogram"] .caption`;
    await fresh.waitForSelector(caption);
    const expected = await fresh.locator(caption).innerText();
    const expectedHead = await fresh.locator('.page-head p.muted').first().innerText();
    await fresh.close();
    expect(expected).toContain('one: 16.0M iterations; two: 16.0M iterations');
    // The watching page must agree with a freshly loaded one within a moment, not stay stale.
    await expect.poll(() => page.locator(caption).innerText(), { timeout: 5_000 }).toBe(expected);
    await expect.poll(() => page.locator('.page-head p.muted').first().innerText(), { timeout: 5_000 }).toBe(expectedHead);
  });

  it('follows a run that other processes start, cancel and resume', async () => {
    // Started by another process on the same file: the server learns of it from the store alone.
    const run = await elsewhere.startRun({
      name: 'e2e owned elsewhere', kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7,
      etas: [0.0001], samples: 400, arms: [pareto('b=0.5', 0.5)],
    });
    await gotoHash(page, `/runs/${run.id}`);
    await page.waitForSelector('.page-head .status-pill.running', { timeout: 20_000 });
    // `lab cancel` from a third process; the owner stops it; this page notices.
    const cancelled = await labCommand(['cancel', String(run.id), '--db', lab.dbPath]);
    expect(cancelled.code, cancelled.stderr).toBe(0);
    await page.waitForSelector('.page-head .status-pill.cancelled', { timeout: 10_000 });
    await page.getByRole('button', { name: 'Resume' }).waitFor({ timeout: 5_000 });
    // Resumed elsewhere: the badge and the buttons follow.
    await elsewhere.resumeRun(run.id);
    await page.waitForSelector('.page-head .status-pill.running', { timeout: 10_000 });
    expect(await page.getByRole('button', { name: 'Resume' }).count()).toBe(0);
    await elsewhere.cancelRun(run.id);
    await page.waitForSelector('.page-head .status-pill.cancelled', { timeout: 10_000 });
  });

  it('finds runs by arm label and filters by a clicked tag chip', async () => {
    await api('updateRun', longId, { tags: ['figure-5', 'paths'] });
    await gotoHash(page, '/runs');
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(3);
    // The list's headline numbers come from summary columns: iterations per arm here.
    expect(await page.locator(`tr[data-run-id="${longId}"] [data-testid="headline"]`).innerText()).toBe('heavy unclipped: 1.20M it · heavy b=0.5: 1.20M it');
    await page.fill('#filter-text', 'b=0.5');
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(2);
    await page.fill('#filter-text', 'heavy unclipped');
    await expect.poll(() => rows().allInnerTexts(), { timeout: 15_000 }).toEqual([expect.stringContaining('e2e twelve paths')]);
    await page.fill('#filter-text', '');
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(3);
    await page.locator(`tr[data-run-id="${longId}"] button.tag`, { hasText: 'figure-5' }).click();
    expect(await page.inputValue('#filter-tag')).toBe('figure-5');
    await expect.poll(() => rows().allInnerTexts(), { timeout: 15_000 }).toEqual([expect.stringContaining('e2e twelve paths')]);
    // A prefix of a tag matches it too.
    await page.fill('#filter-tag', 'fig');
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(1);
    await page.fill('#filter-tag', 'nothing-like-it');
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(0);
    await page.fill('#filter-tag', '');
    // A chip on the run's own page leads to the list filtered by it.
    await gotoHash(page, `/runs/${longId}`);
    await page.locator('.page-head button.tag', { hasText: 'paths' }).click();
    await page.waitForURL(/#\/runs$/);
    expect(await page.inputValue('#filter-tag')).toBe('paths');
    await expect.poll(() => rows().allInnerTexts(), { timeout: 15_000 }).toEqual([expect.stringContaining('e2e twelve paths')]);
  });

  it('shows a run that ended while the page was still connecting to its events as ended', async () => {
    // The page's event stream is held back until the run, seen running by the page, has ended on
    // the server, so the end reaches no listener; the page must still learn of it once it connects.
    const fresh = await session.context.newPage();
    let release!: () => void;
    const ended = new Promise<void>((done) => (release = done));
    await fresh.route('**/api/events**', async (route) => {
      await ended;
      await route.continue();
    });
    const started = await api<{ id: number }>('startRun', {
      name: 'e2e ended before the stream', kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7,
      etas: [0.0001], samples: 400, arms: [pareto('slow', 0.5)],
    });
    await gotoHash(fresh, `/runs/${started.id}`);
    await fresh.waitForSelector('.page-head .status-pill.running', { timeout: 20_000 });
    await api('cancelRun', started.id);
    expect((await settled(started.id)).status).toBe('cancelled');
    release();
    await fresh.waitForSelector('.page-head .status-pill.cancelled', { timeout: 10_000 });
    await fresh.close();
  });

  it('logged no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
