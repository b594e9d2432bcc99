import type { Page } from 'playwright-core';
import type { RunDetail } from '../../../src-shared/api';
import type { RunningLab } from './labServer';

/** The served lab's address without its trailing slash. */
export const baseUrl = (lab: RunningLab): string => lab.url.replace(/\/$/, '');

/**
 * A LabApi call over the HTTP door, as the page makes it. A refusal throws with the service's
 * answer, so a test that set up a run wrongly stops there rather than waiting on a page for a
 * run that was never stored.
 */
export async function callLab<T>(lab: RunningLab, method: string, ...args: unknown[]): Promise<T> {
  const res = await fetch(`${baseUrl(lab)}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
  });
  const body = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** The run once it has ended (completed, failed or cancelled). */
export async function settledRun(lab: RunningLab, id: number): Promise<RunDetail> {
  for (;;) {
    const run = await callLab<RunDetail>(lab, 'getRunDetail', id);
    if (run.status !== 'running' && run.status !== 'queued') return run;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Opens the app at a route (`/design`, `/runs/3`). */
export async function gotoRoute(lab: RunningLab, page: Page, route: string): Promise<void> {
  await page.goto(`${baseUrl(lab)}/#${route}`);
}

/**
 * Pixels of a chart's canvas painted in a strong colour. Axes, grid lines, labels and the field
 * shading are greys or pale tints (chroma well under 80); only data series use the saturated
 * palette. So a chart that drew its frame but none of its data counts (close to) zero; only its
 * legend swatches remain. Measured at 1280×800 on small runs: exit time 2,518, destinations
 * 44,030, distribution 3,136; histogram 2,770, occupancy 16,508, transitions 2,274, trajectories
 * 9,293, sojourns 1,266 (of 5,991 painted: the frame alone passed an older count).
 */
export async function dataPixels(page: Page, selector: string): Promise<number> {
  // Every canvas of the chart: ECharts may paint a layer (a heatmap, its colour scale) on its own canvas.
  return page.$$eval(`${selector} canvas`, (els) => {
    let n = 0;
    for (const el of els) {
      const canvas = el as HTMLCanvasElement;
      const ctx = canvas.getContext('2d');
      if (!ctx) continue;
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let k = 0; k < data.length; k += 4) {
        if (data[k + 3] === 0) continue;
        const chroma = Math.max(data[k], data[k + 1], data[k + 2]) - Math.min(data[k], data[k + 1], data[k + 2]);
        if (chroma > 80) n++;
      }
    }
    return n;
  });
}
