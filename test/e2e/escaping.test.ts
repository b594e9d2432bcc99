import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningLab } from './support/labServer';
import { openBrowserSession, type BrowserSession } from './support/session';
import { callLab } from './support/labCalls';

/**
 * An arm label carrying markup reaches the exit-time tooltip as text, never as live HTML.
 * A real server, a real (tiny) run, Debian's Chromium, the mouse over the chart.
 */
const label = '<img id="injected" src="x"><b>bold</b>';
let session: BrowserSession;
let lab: RunningLab;
let page: Page;

const api = <T>(method: string, ...args: unknown[]) => callLab<T>(lab, method, ...args);

beforeAll(async () => {
  session = await openBrowserSession();
  ({ lab, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('user strings in charts', () => {
  it('shows an arm label with markup as text in the exit-time tooltip', async () => {
    const run = await api<{ id: number }>('startRun', {
      name: 'escaping',
      kind: 'exit-time',
      landscape: { preset: 'paper' },
      x0: -0.7,
      arms: [{ label, noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 }],
      etas: [0.3, 0.1],
      samples: 4,
      maxIterations: 1_000_000,
    });
    await page.goto(`${lab.url.replace(/\/$/, '')}/#/runs/${run.id}`);
    await page.waitForSelector('.page-head .status-pill.completed', { timeout: 120_000 });
    const chart = page.locator(`[data-chart="run-${run.id}-exit-time"] canvas`).first();
    await chart.waitFor();
    await page.waitForTimeout(500);
    // Sweep the plot with pointer moves (in the page: thousands of CDP round trips would take
    // minutes) until the tooltip of a data point shows; where the points fall depends on the run.
    const shown = await chart.evaluate(async (canvas) => {
      const host = canvas.parentElement!;
      const r = canvas.getBoundingClientRect();
      const tooltip = () =>
        [...document.querySelectorAll('[data-chart] div')].find(
          (d) => (d as HTMLElement).style.display !== 'none' && (d as HTMLElement).style.opacity !== '0' && d.textContent?.includes('bold'),
        );
      for (let y = r.top + 20; y < r.bottom - 30; y += 3) {
        for (let x = r.left + 50; x < r.right - 10; x += 3) {
          const init = { clientX: x, clientY: y, bubbles: true, pointerType: 'mouse' };
          host.dispatchEvent(new PointerEvent('pointermove', init));
          host.dispatchEvent(new MouseEvent('mousemove', init));
          const tip = tooltip();
          if (tip) return tip.textContent ?? '';
        }
        await new Promise((done) => setTimeout(done, 0));
      }
      return '';
    });
    expect(shown).toContain(label);
    expect(await page.locator('#injected').count()).toBe(0);
    expect(await page.locator('[data-chart] b').count()).toBe(0);
  });
});
