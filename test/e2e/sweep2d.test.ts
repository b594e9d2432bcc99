import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningLab } from './support/labServer';
import { openBrowserSession, type BrowserSession } from './support/session';
import { callLab, dataPixels, gotoRoute, settledRun } from './support/labCalls';
import { screenshotBoth } from './support/browser';

/** Sweeps over a 2-D base in Chromium through the served app: the grid, a cell opened as a 2-D run, the designer. */
let session: BrowserSession;
let lab: RunningLab;
let page: Page;
let consoleErrors: string[];

const api = <T>(method: string, ...args: unknown[]) => callLab<T>(lab, method, ...args);
const pixelsOf = (selector: string) => dataPixels(page, selector);
const iso = (clip: number | null) => ({ label: 'iso', noise: { family: 'pareto', alpha: 1.2, scale: 1, direction: 'isotropic' }, clip });
const landscape = { dimension: 2, preset: 'wide-and-sharp' };

beforeAll(async () => {
  session = await openBrowserSession();
  ({ lab, page, consoleErrors } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('sweeps over a 2-D base in Chromium', () => {
  let exitId = 0;
  let longId = 0;

  it('draws a 2-D exit-time clip sweep as fitted against predicted exponents, and opens a cell as a 2-D run', async () => {
    ({ id: exitId } = await api<{ id: number }>('startRun', {
      kind: 'sweep',
      name: 'e2e 2-D clip sweep',
      base: { kind: 'exit-time', landscape, x0: [-0.8, -0.2], seed: 2, arms: [iso(0.5)], etas: [0.1, 0.05, 0.02], samples: 8, maxIterations: 10_000_000 },
      over: [{ field: 'clip', values: [0.5, 0.8, null] }],
    }));
    expect((await settledRun(lab, exitId)).status).toBe('completed');
    await gotoRoute(lab, page, `/runs/${exitId}`);
    await page.waitForSelector('[data-testid="sweep-chart"] canvas', { timeout: 20_000 });
    // Two numeric cells' dots with error bars and the predicted line; the axes alone paint none.
    await expect.poll(() => pixelsOf('[data-testid="sweep-chart"]'), { timeout: 20_000 }).toBeGreaterThan(300);
    expect(await page.getByTestId('sweep-cells').innerText()).toMatch(/β 1\.400 \(l\* = 2\)/);
    // The step between b = 0.5 and 0.8, located by the lab's theory and drawn as a line.
    await expect.poll(() => page.getByTestId('sweep-chart').innerText(), { timeout: 20_000 }).toMatch(/where l\* changes, located by the lab between the cells\. Click/);
    // The run-wide panel says where the theory is (per cell) rather than asking to fix fields.
    expect(await page.getByTestId('sweep-theory-note').innerText()).toContain('the cell\'s own theory');
    await screenshotBoth(page, 'sweep2d-exit-grid');
    expect(consoleErrors).toEqual([]);

    await page.getByRole('button', { name: 'open' }).nth(0).click();
    await page.getByTestId('back-to-grid').waitFor();
    expect(await page.locator('.cell-head').innerText()).toContain('clip = 0.5');
    await page.getByTestId('results-2d').waitFor();
    // The cell's mean σ against 1/η, its fit and its prediction; then the exits' destinations.
    await expect.poll(() => pixelsOf(`[data-chart="run-${exitId}-exit-times-2d"]`), { timeout: 20_000 }).toBeGreaterThan(500);
    await expect.poll(() => pixelsOf(`[data-chart="run-${exitId}-destinations-2d"]`), { timeout: 20_000 }).toBeGreaterThan(500);
    // The cell's R^d theory panel, from the lab: l*₁ = 3 at b = 0.5.
    await expect.poll(() => page.locator('.detail-side').innerText(), { timeout: 20_000 }).toMatch(/1\.323/);
    await screenshotBoth(page, 'sweep2d-exit-cell');
    await page.getByTestId('back-to-grid').click();
    await page.waitForSelector('[data-testid="sweep-chart"] canvas');
    expect(consoleErrors).toEqual([]);
  });

  it('draws a two-axis 2-D long-run sweep as a heatmap of a basin\'s share, and opens a cell with its occupancy over the contours', async () => {
    const { id } = await api<{ id: number }>('startRun', {
      kind: 'sweep',
      name: 'e2e 2-D clip × alpha',
      base: { kind: 'long-run', landscape, x0: [-0.8, -0.2], seed: 4, eta: 0.01, paths: 1, iterations: 20_000, thin: 50, bins: 60, arms: [{ ...iso(0.5), noise: { ...iso(0.5).noise, scale: 0.3 } }] },
      over: [
        { field: 'clip', values: [0.3, null] },
        { field: 'alpha', values: [1.2, 1.6] },
      ],
    });
    longId = id;
    expect((await settledRun(lab, id)).status).toBe('completed');
    await gotoRoute(lab, page, `/runs/${id}`);
    await page.waitForSelector('[data-testid="sweep-chart"] canvas', { timeout: 20_000 });
    // The colour bar alone is about 3,600 coloured pixels; the 4 cells cover far more.
    await expect.poll(() => pixelsOf('[data-testid="sweep-chart"]'), { timeout: 20_000 }).toBeGreaterThan(20_000);
    expect(await page.locator('#sweep-quantity option').allInnerTexts()).toEqual(['share of time in a basin', 'share of time in M^large']);
    await screenshotBoth(page, 'sweep2d-long-grid');
    // M^large from each cell's graph, which the lab computes: unclipped every basin is large (share 1).
    await page.selectOption('#sweep-quantity', 'largeShare');
    await expect.poll(() => page.getByTestId('sweep-chart').innerText(), { timeout: 20_000 }).not.toContain('computing');
    await expect.poll(() => pixelsOf('[data-testid="sweep-chart"]'), { timeout: 20_000 }).toBeGreaterThan(20_000);
    // The cell (unclipped, α = 1.6): the heatmap's grid is inset 70 px left, 110 right, 40 top, 56 bottom.
    const box = await page.locator('[data-testid="sweep-chart"] canvas').first().boundingBox();
    if (!box) throw new Error('the heatmap has no canvas');
    await page.mouse.move(box.x + 70 + 0.75 * (box.width - 180), box.y + 40 + 0.25 * (box.height - 96));
    await expect.poll(() => page.locator('[data-testid="sweep-chart"]').innerText(), { timeout: 10_000 }).toMatch(/fraction of time in M\^large: 1\b/);
    await screenshotBoth(page, 'sweep2d-long-grid-large');
    await page.selectOption('#sweep-quantity', 'occupancy');
    await page.getByRole('button', { name: 'open' }).nth(3).click();
    await page.getByTestId('results-2d').waitFor();
    await expect.poll(() => pixelsOf(`[data-chart="run-${id}-occupancy-2d"]`), { timeout: 20_000 }).toBeGreaterThan(2_000);
    // One path of 400 thinned points: its line and the x0 marker (the basins' tints are pale).
    await expect.poll(() => pixelsOf(`[data-chart="run-${id}-trajectories-2d"]`), { timeout: 20_000 }).toBeGreaterThan(1_000);
    await screenshotBoth(page, 'sweep2d-long-cell');
    expect(consoleErrors).toEqual([]);
  });

  it('compares 2-D sweeps: exit-time ones on the staircase chart, long-run grids as basin-share heatmaps on one scale', async () => {
    const again = async (id: number, seed: number) => {
      const run = await api<{ config: { base: Record<string, unknown> } & Record<string, unknown> }>('getRun', id);
      const { id: copy } = await api<{ id: number }>('startRun', { ...run.config, name: `e2e 2-D compare seed ${seed}`, base: { ...run.config.base, seed } });
      expect((await settledRun(lab, copy)).status).toBe('completed');
      return copy;
    };
    const [exitCopy, longCopy] = [await again(exitId, 7), await again(longId, 8)];
    await gotoRoute(lab, page, `/compare?ids=${exitId},${exitCopy},${longId},${longCopy}`);
    // Both exit-time sweeps' dots and their cells' predicted steps, on one chart.
    await expect.poll(() => pixelsOf('[data-chart="compare-sweep-exponents"]'), { timeout: 20_000 }).toBeGreaterThan(300);
    const heatmaps = page.getByTestId('compare-sweep-heatmaps');
    expect(await heatmaps.locator('h2').innerText()).toContain('share of time in a basin');
    expect(await page.locator('#cmp-sweep-quantity option').allInnerTexts()).toEqual(['share of time in a basin', 'share of time in M^large']);
    expect(await page.locator('#cmp-sweep-field option').allInnerTexts()).toEqual(['basin 1', 'basin 2', 'basin 3']);
    for (const id of [longId, longCopy]) {
      await expect.poll(() => pixelsOf(`[data-chart="compare-sweep-heatmap-${id}"]`), { timeout: 20_000 }).toBeGreaterThan(20_000);
    }
    // M^large per cell from the lab's theory of each sweep: painted once it has answered.
    await page.selectOption('#cmp-sweep-quantity', 'largeShare');
    await expect.poll(() => page.getByTestId('compare-theory-2d').count(), { timeout: 20_000 }).toBe(0);
    for (const id of [longId, longCopy]) {
      await expect.poll(() => pixelsOf(`[data-chart="compare-sweep-heatmap-${id}"]`), { timeout: 20_000 }).toBeGreaterThan(20_000);
    }
    await screenshotBoth(page, 'sweep2d-compare');
    expect(consoleErrors).toEqual([]);
  });

  it('duplicates a 2-D sweep into the designer: the 2-D form above, the axis in the sweep tab', async () => {
    await gotoRoute(lab, page, `/design?from=${exitId}`);
    const tab = page.getByTestId('sweep-tab');
    await expect.poll(() => tab.evaluate((el) => (el as HTMLDetailsElement).open), { timeout: 15_000 }).toBe(true);
    expect(await page.locator('#sweep-list-0').inputValue()).toBe('0.5, 0.8, unclipped');
    expect(await page.locator('input[name="dimension"][value="2"]').isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('sweep-estimate').innerText(), { timeout: 15_000 }).toMatch(/3 cells[\s\S]*iterations/);
    await screenshotBoth(page, 'sweep2d-designer');
    expect(consoleErrors).toEqual([]);
  });

  it('opens the 2-D sweep preset from "Start from": the 2-D form above, its clips in the sweep tab', async () => {
    await gotoRoute(lab, page, '/design');
    await page.waitForSelector('#start-from option[value="preset:sweep-2d-clip"]', { state: 'attached' });
    await page.selectOption('#start-from', 'preset:sweep-2d-clip');
    await expect.poll(() => page.locator('#sweep-list-0').inputValue(), { timeout: 15_000 }).toBe('0.5, 0.6, 0.8, 1');
    // The lab locates the step of the wide basin's l* on the basin map (r₁/2 ≈ 0.662 for isotropic jumps).
    await expect.poll(() => page.getByTestId('sweep-steps-0').innerText(), { timeout: 20_000 }).toMatch(/basin 1: l\* 3 → 2 at b ≈ 0\.66\d* \(between 0\.6 and 0\.8\)/);
    expect(await page.locator('input[name="dimension"][value="2"]').isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('sweep-estimate').innerText(), { timeout: 15_000 }).toMatch(/4 cells[\s\S]*iterations/);
    expect(consoleErrors).toEqual([]);
  });
});
