import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PresetInfo } from '../../src-shared/api';
import type { RunningLab } from './support/labServer';
import { openBrowserSession, type BrowserSession } from './support/session';
import { callLab, settledRun, dataPixels } from './support/labCalls';
import { screenshotBoth } from './support/browser';

/**
 * The 2-D contour views in Chromium: small runs from the 2-D presets show the occupancy heatmap
 * and the trajectories over the contours, the share per basin, the moves, the exit-time scaling
 * and the exits' destinations, each with data painted; on the Design page the landscape plot is
 * painted and dragging x0 on it changes the config's x0.
 */
let session: BrowserSession;
let lab: RunningLab;
let page: Page;
let consoleErrors: string[];

const goto = (hash: string) => page.goto(`${lab.url.replace(/\/$/, '')}/#${hash}`);

/** Pixels the isolines and fills use on the landscape plot: any non-transparent pixel inside the box. */
async function paintedPixels(selector: string): Promise<number> {
  return page.$eval(`${selector} canvas`, (el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    if (!data) return 0;
    let n = 0;
    for (let k = 3; k < data.length; k += 4) if (data[k] > 0) n++;
    return n;
  });
}

let presets: PresetInfo[];

const api = <T>(method: string, ...args: unknown[]) => callLab<T>(lab, method, ...args);
const settled = (id: number) => settledRun(lab, id);
const pixelsOf = (selector: string) => dataPixels(page, selector);
const preset = (id: string) => presets.find((p) => p.id === id)?.config as Record<string, unknown>;

beforeAll(async () => {
  session = await openBrowserSession();
  ({ lab, page, consoleErrors } = session);
  presets = await api<PresetInfo[]>('presets');
});

afterAll(async () => {
  await session?.close();
});

describe('2-D contour views in Chromium', () => {
  it('paints the occupancy heatmap and trajectories over the contours, share and moves of a 2-D long run', async () => {
    const base = preset('figure-1-2d-long-run');
    const run = await api<{ id: number }>('startRun', { ...base, name: 'e2e 2-D long run', paths: 2, iterations: 300_000, thin: 100, arms: (base.arms as unknown[]).slice(0, 2) });
    expect((await settled(run.id)).status).toBe('completed');
    await goto(`/runs/${run.id}`);
    const chart = (name: string) => `[data-chart="run-${run.id}-${name}"]`;
    await page.waitForSelector(chart('occupancy-2d'), { timeout: 60_000 });
    await page.waitForSelector(`${chart('trajectories-2d')} canvas`, { timeout: 60_000 });
    await screenshotBoth(page, 'run-long-run-2d');
    // The heatmap's cells, the paths and the bars: thousands of coloured pixels each (the frame alone has none).
    await expect.poll(() => pixelsOf(chart('occupancy-2d')), { timeout: 30_000 }).toBeGreaterThan(2000);
    await expect.poll(() => pixelsOf(chart('trajectories-2d')), { timeout: 30_000 }).toBeGreaterThan(2000);
    await expect.poll(() => pixelsOf(chart('share-2d')), { timeout: 10_000 }).toBeGreaterThan(500);
    await expect.poll(() => pixelsOf(chart('moves-2d')), { timeout: 10_000 }).toBeGreaterThan(200);
    // The occupancy chart is square where its plot area is: the box is not stretched.
    const box = await page.locator(`${chart('occupancy-2d')} canvas`).boundingBox();
    expect(box).not.toBeNull();
    expect(Math.abs(box!.width - 136 - (box!.height - 80))).toBeLessThan(4);
    // The tables stay below the charts.
    expect(await page.getByTestId('results-2d').locator('table').count()).toBe(2);
  });

  it('paints the exit-time scaling and the destinations of a 2-D exit-time run', async () => {
    const base = preset('figure-4-2d-exit-times');
    // From the sharp lower-right well (basin 3): one truncated jump leaves it, so the run is quick.
    const run = await api<{ id: number }>('startRun', { ...base, name: 'e2e 2-D exit times', x0: [1.0, -0.8], etas: [0.2, 0.1, 0.05], samples: 12, maxIterations: 2_000_000, arms: (base.arms as unknown[]).slice(0, 2) });
    expect((await settled(run.id)).status).toBe('completed');
    await goto(`/runs/${run.id}`);
    const chart = (name: string) => `[data-chart="run-${run.id}-${name}"]`;
    await page.waitForSelector(chart('exit-times-2d'), { timeout: 60_000 });
    await expect.poll(() => pixelsOf(chart('exit-times-2d')), { timeout: 30_000 }).toBeGreaterThan(300);
    await expect.poll(() => pixelsOf(chart('destinations-2d')), { timeout: 30_000 }).toBeGreaterThan(2000);
    // The landscape the exits start from, with x0 in the sharp basin (not draggable on a run page).
    await expect.poll(() => paintedPixels('[data-chart="landscape-2d"]'), { timeout: 30_000 }).toBeGreaterThan(50_000);
    expect(await page.locator('[data-chart="landscape-2d"] .caption').innerText()).toContain('x0 = (1, -0.8)');
    await screenshotBoth(page, 'run-exit-time-2d');
  });

  it('draws the landscape on the Design page and moves x0 where it is dragged', async () => {
    await goto('/design');
    await page.waitForSelector('#start-from option[value="preset:figure-4-2d-exit-times"]', { state: 'attached' });
    await page.selectOption('#start-from', 'preset:figure-4-2d-exit-times');
    const plot = '[data-chart="landscape-2d"]';
    await page.waitForSelector(`${plot} canvas`, { timeout: 60_000 });
    await expect.poll(() => paintedPixels(plot), { timeout: 30_000 }).toBeGreaterThan(50_000);
    expect(await pixelsOf(plot)).toBeGreaterThan(500);
    expect([await page.inputValue('#x0-x'), await page.inputValue('#x0-y')]).toEqual(['-0.8', '-0.2']);

    // Box [−2, 2]² in the plot area (grid margins 52 left, 28 right, 28 top, 52 bottom): data → page pixels,
    // measured again before each drag (the theory panel beside the plot may move the page meanwhile).
    // The plot is scrolled into the window first: the mouse only reaches what is on screen.
    const canvasBox = async () => {
      await page.locator(`${plot} canvas`).scrollIntoViewIfNeeded();
      return (await page.locator(`${plot} canvas`).boundingBox())!;
    };
    let canvas = await canvasBox();
    const side = canvas.width - 80;
    expect(Math.abs(canvas.height - canvas.width)).toBeLessThan(4);
    const pixel = (x: number, y: number) => [canvas.x + 52 + ((x + 2) / 4) * side, canvas.y + 28 + ((2 - y) / 4) * side] as const;
    const [fromX, fromY] = pixel(-0.8, -0.2);
    const [toX, toY] = pixel(1.0, -0.8);
    await page.mouse.move(fromX, fromY);
    await page.mouse.down();
    await page.mouse.move(toX, toY, { steps: 12 });
    await page.mouse.up();
    // One pixel is 4/side of the box: the dropped point is within two of them.
    const tolerance = 8 / side;
    await expect.poll(async () => Math.abs(Number(await page.inputValue('#x0-x')) - 1.0), { timeout: 5_000 }).toBeLessThan(tolerance);
    expect(Math.abs(Number(await page.inputValue('#x0-y')) + 0.8)).toBeLessThan(tolerance);

    // Dragged past the box's edge, x0 stays on the edge.
    // (2.1, 2.1) is in the chart's margin, outside the box.
    canvas = await canvasBox();
    const [edgeX, edgeY] = pixel(2.1, 2.1);
    const [atX, atY] = pixel(1.0, -0.8);
    await page.mouse.move(atX, atY);
    await page.mouse.down();
    await page.mouse.move(edgeX, edgeY, { steps: 8 });
    await page.mouse.up();
    const x0 = [Number(await page.inputValue('#x0-x')), Number(await page.inputValue('#x0-y'))];
    expect(x0).toEqual([2, 2]);
    await screenshotBoth(page, 'design-2d-landscape');
    // The dark theme repaints the plot (tints over the dark panel, light isolines).
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => paintedPixels(plot), { timeout: 10_000 }).toBeGreaterThan(50_000);
    await screenshotBoth(page, 'design-2d-landscape-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(consoleErrors).toEqual([]);
  });
});
