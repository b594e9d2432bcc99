import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningLab } from './support/labServer';
import { openBrowserSession, type BrowserSession } from './support/session';
import { callLab, dataPixels, settledRun } from './support/labCalls';
import { screenshotBoth } from './support/browser';

/** Sweeps in Chromium through the served app: the one-axis staircase, the two-axis heatmap, a cell opened and closed. */
let session: BrowserSession;
let lab: RunningLab;
let page: Page;
let consoleErrors: string[];

const api = <T>(method: string, ...args: unknown[]) => callLab<T>(lab, method, ...args);
const settled = (id: number) => settledRun(lab, id);
const pixelsOf = (selector: string) => dataPixels(page, selector);
const pareto = (label: string, clip: number | null) => ({ label, noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip });

beforeAll(async () => {
  session = await openBrowserSession();
  ({ lab, page, consoleErrors } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('sweeps in Chromium', () => {
  it('draws a one-axis clip sweep as measured exponents against the staircase, and opens a cell and comes back', async () => {
    const { id } = await api<{ id: number }>('startRun', {
      kind: 'sweep',
      name: 'e2e clip staircase',
      base: { kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7, seed: 5, arms: [pareto('heavy', 0.5)], etas: [0.1, 0.05, 0.03], samples: 6, maxIterations: 10_000_000 },
      over: [{ field: 'clip', values: [0.3, 0.45, 0.7, null] }],
    });
    expect((await settled(id)).status).toBe('completed');
    await page.goto(`${lab.url.replace(/\/$/, '')}/#/runs/${id}`);
    await page.waitForSelector('[data-testid="sweep-chart"] canvas', { timeout: 20_000 });
    await expect.poll(() => pixelsOf('[data-testid="sweep-chart"]'), { timeout: 20_000 }).toBeGreaterThan(300);
    await screenshotBoth(page, 'sweep-one-axis');
    expect(consoleErrors).toEqual([]);
    await page.getByRole('button', { name: 'open' }).nth(1).click();
    await page.getByTestId('back-to-grid').waitFor();
    expect(await page.locator('.cell-head').innerText()).toContain('clip = 0.45');
    // The cell's own σ samples (getExitTimes with the cell) paint its survival curve. Without them
    // only the legend's two short marks are coloured (under 200 pixels).
    await expect.poll(() => pixelsOf(`[data-chart="run-${id}-exit-distribution"]`), { timeout: 15_000 }).toBeGreaterThan(1000);
    await screenshotBoth(page, 'sweep-one-axis-cell');
    await page.getByTestId('back-to-grid').click();
    await page.waitForSelector('[data-testid="sweep-chart"] canvas');
    expect(consoleErrors).toEqual([]);
  });

  it('opens a sweep preset from "Start from" in the sweep tab, its base above and its axis in the tab', async () => {
    await page.goto(`${lab.url.replace(/\/$/, '')}/#/design`);
    await page.waitForSelector('#start-from option[value="preset:sweep-b-staircase"]', { state: 'attached' });
    await page.selectOption('#start-from', 'preset:sweep-b-staircase');
    const tab = page.getByTestId('sweep-tab');
    await expect.poll(() => tab.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator('#sweep-name').inputValue()).toBe('The b staircase');
    expect(await page.locator('#sweep-list-0').inputValue()).toBe('0.23, 0.24, 0.26, 0.28, 0.3, 0.34, 0.4, 0.48, 0.58, 0.7, 0.8, 0.9');
    expect(await page.locator('#sweep-field-0').inputValue()).toBe('clip');
    // The base is the experiment above: its name and etas, checked and estimated as a whole sweep.
    expect(await page.locator('.page-head').innerText()).toContain('the base of preset “The b staircase”');
    await expect.poll(() => page.getByTestId('sweep-estimate').innerText(), { timeout: 15_000 }).toMatch(/12 cells[\s\S]*iterations/);
    // Where the staircase steps within 0.23 … 0.9, for the field of x0 (r₂ = 0.64; r₂/3 = 0.213 lies below the axis).
    expect(await page.getByTestId('sweep-steps-0').locator('li').allInnerTexts()).toEqual(['Ω₂: l* 3 → 2 at b = r₂/2 = 0.32', 'Ω₂: l* 2 → 1 at b = r₂/1 = 0.64']);
    await screenshotBoth(page, 'sweep-preset-in-designer');
    expect(consoleErrors).toEqual([]);
  });

  it('compares two clip sweeps: their config differences, and both staircases on one chart', async () => {
    const sweepOf = (seed: number, values: (number | null)[]) => ({
      kind: 'sweep',
      name: `e2e compare seed ${seed}`,
      base: { kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7, seed, arms: [pareto('heavy', 0.5)], etas: [0.1, 0.05, 0.03], samples: 6, maxIterations: 10_000_000 },
      over: [{ field: 'clip', values }],
    });
    const a = await api<{ id: number }>('startRun', sweepOf(7, [0.3, 0.5, 0.7]));
    const b = await api<{ id: number }>('startRun', sweepOf(8, [0.35, 0.55, 0.8, 0.9]));
    expect((await settled(a.id)).status).toBe('completed');
    expect((await settled(b.id)).status).toBe('completed');
    await page.goto(`${lab.url.replace(/\/$/, '')}/#/compare?ids=${a.id},${b.id}`);
    const config = page.getByTestId('compare-config');
    await config.waitFor();
    // Only the differences: the seeds, the names and the axes' values (a list of numbers is one row).
    await expect.poll(() => config.innerText(), { timeout: 10_000 }).toContain('0.35, 0.55, 0.8, 0.9');
    const text = await config.innerText();
    for (const shown of ['base.seed', 'over[0].values', '0.3, 0.5, 0.7']) expect(text).toContain(shown);
    expect(text).not.toContain('base.etas');
    // Both runs' fitted slopes: 3 + 4 cells with their error bars, in two colours, beside the steps.
    const chart = `[data-chart="compare-sweep-exponents"]`;
    await page.waitForSelector(`${chart} canvas`, { timeout: 20_000 });
    await expect.poll(() => pixelsOf(chart), { timeout: 20_000 }).toBeGreaterThan(300);
    const legend = await page.$$eval(`${chart}`, (els) => els.map((e) => e.textContent ?? '').join(' '));
    expect(legend).toContain('measured exponent');
    await screenshotBoth(page, 'sweep-compare');
    expect(consoleErrors).toEqual([]);
  });

  it('draws a two-axis long-run sweep as a heatmap', async () => {
    const { id } = await api<{ id: number }>('startRun', {
      kind: 'sweep',
      name: 'e2e clip × alpha',
      base: { kind: 'long-run', landscape: { preset: 'paper' }, x0: 0.3, seed: 3, eta: 0.01, paths: 2, iterations: 40_000, thin: 100, arms: [pareto('heavy', 0.5)] },
      over: [
        { field: 'clip', values: [0.3, 0.6, null] },
        { field: 'alpha', values: [1.2, 1.5, 1.8] },
      ],
    });
    expect((await settled(id)).status).toBe('completed');
    await page.goto(`${lab.url.replace(/\/$/, '')}/#/runs/${id}`);
    await page.waitForSelector('[data-testid="sweep-chart"] canvas', { timeout: 20_000 });
    await page.waitForTimeout(1500);
    await screenshotBoth(page, 'sweep-two-axes');
    // The colour bar alone is about 3,600 coloured pixels; the 9 cells cover far more.
    await expect.poll(() => pixelsOf('[data-testid="sweep-chart"]'), { timeout: 20_000 }).toBeGreaterThan(20_000);
    await screenshotBoth(page, 'sweep-two-axes');
    expect(consoleErrors).toEqual([]);
  });

  it('compares two two-axis sweeps: both heatmaps painted on one scale, one selector for both, and grids that differ said so', async () => {
    const longOf = (seed: number, clips: (number | null)[]) => ({
      kind: 'sweep',
      name: `e2e compare clip × alpha seed ${seed}`,
      base: { kind: 'long-run', landscape: { preset: 'paper' }, x0: 0.3, seed, eta: 0.01, paths: 2, iterations: 40_000, thin: 100, arms: [pareto('heavy', 0.5)] },
      over: [
        { field: 'clip', values: clips },
        { field: 'alpha', values: [1.2, 1.5, 1.8] },
      ],
    });
    const a = await api<{ id: number }>('startRun', longOf(11, [0.3, 0.6, null]));
    const b = await api<{ id: number }>('startRun', longOf(12, [0.3, 0.6, null]));
    const c = await api<{ id: number }>('startRun', longOf(13, [0.4, 0.8]));
    for (const run of [a, b, c]) expect((await settled(run.id)).status).toBe('completed');
    const maps = [`[data-chart="compare-sweep-heatmap-${a.id}"]`, `[data-chart="compare-sweep-heatmap-${b.id}"]`];
    const canvases = (chart: string) => page.$$eval(`${chart} canvas`, (els) => els.map((e) => (e as HTMLCanvasElement).toDataURL()).join('|'));

    await page.goto(`${lab.url.replace(/\/$/, '')}/#/compare?ids=${a.id},${b.id}`);
    await page.getByTestId('compare-sweep-heatmaps').waitFor({ timeout: 20_000 });
    // 9 cells each, filled in the colour scale's colours (the frame alone is grey). The colour
    // bar alone is about 3,600 coloured pixels; the cells cover some 100,000.
    const painted = 20_000;
    for (const map of maps) await expect.poll(() => pixelsOf(map), { timeout: 20_000 }).toBeGreaterThan(painted);
    expect(await page.getByTestId('grids-differ').count()).toBe(0);
    await page.waitForTimeout(1500);
    await screenshotBoth(page, 'sweep-compare-two-axes');
    // Settled first (the screenshots resized the page), so a change below is the selector's doing.
    await page.waitForTimeout(1000);
    const before = await Promise.all(maps.map(canvases));
    await page.waitForTimeout(500);
    expect(await Promise.all(maps.map(canvases))).toEqual(before);

    // One selector repaints both maps: Ω1's share, then the share in M^large.
    expect(await page.locator('#cmp-sweep-field').inputValue()).toBe('1');
    await page.selectOption('#cmp-sweep-quantity', 'largeShare');
    expect(await page.locator('#cmp-sweep-field').count()).toBe(0);
    for (const [k, map] of maps.entries()) await expect.poll(() => canvases(map), { timeout: 10_000 }).not.toBe(before[k]);
    expect(await page.locator('#cmp-heatmaps-h').innerText()).toContain('share of time in M^large');
    for (const map of maps) await expect.poll(() => pixelsOf(map), { timeout: 20_000 }).toBeGreaterThan(painted);
    expect(consoleErrors).toEqual([]);

    // Another grid: still both maps, each with its own axes, and the page says the grids differ.
    await page.goto(`${lab.url.replace(/\/$/, '')}/#/compare?ids=${a.id},${c.id}`);
    await page.getByTestId('grids-differ').waitFor({ timeout: 20_000 });
    // The chosen quantity stays: c's theory leaves M^large undefined in every cell of its grid, so
    // its map is left blank (the colour bar alone stays under the threshold) and the page says why.
    const cMap = `[data-chart="compare-sweep-heatmap-${c.id}"]`;
    await expect.poll(() => page.getByTestId('sweep-compare-empty').innerText(), { timeout: 10_000 }).toContain(`#${c.id}`);
    await expect.poll(() => pixelsOf(maps[0]), { timeout: 20_000 }).toBeGreaterThan(painted);
    expect(await pixelsOf(cMap)).toBeLessThan(painted / 2);
    await page.selectOption('#cmp-sweep-quantity', 'occupancy');
    await page.selectOption('#cmp-sweep-field', '2');
    for (const map of [maps[0], cMap]) await expect.poll(() => pixelsOf(map), { timeout: 20_000 }).toBeGreaterThan(painted * (6 / 9));
    await page.waitForTimeout(1500);
    await screenshotBoth(page, 'sweep-compare-two-axes-differ');
    expect(consoleErrors).toEqual([]);
  });

  it('compares two one-axis long-run sweeps: their share-of-time charts side by side', async () => {
    const oneAxis = (seed: number) => ({
      kind: 'sweep',
      name: `e2e compare long-run clip seed ${seed}`,
      base: { kind: 'long-run', landscape: { preset: 'paper' }, x0: 0.3, seed, eta: 0.01, paths: 2, iterations: 40_000, thin: 100, arms: [pareto('heavy', 0.5)] },
      over: [{ field: 'clip', values: [0.3, 0.6, null] }],
    });
    const a = await api<{ id: number }>('startRun', oneAxis(21));
    const b = await api<{ id: number }>('startRun', oneAxis(22));
    for (const run of [a, b]) expect((await settled(run.id)).status).toBe('completed');
    await page.goto(`${lab.url.replace(/\/$/, '')}/#/compare?ids=${a.id},${b.id}`);
    await page.getByTestId('compare-sweep-shares').waitFor({ timeout: 20_000 });
    // Three stacked bars per run, in the fields' colours (the legend's marks are under 2,000 pixels).
    for (const id of [a.id, b.id]) await expect.poll(() => pixelsOf(`[data-chart="compare-sweep-share-${id}"]`), { timeout: 20_000 }).toBeGreaterThan(10_000);
    expect(await page.locator('[data-chart="compare-sweep-exponents"]').count()).toBe(0);
    await page.waitForTimeout(1000);
    await screenshotBoth(page, 'sweep-compare-long-run');
    expect(consoleErrors).toEqual([]);
  });
});
