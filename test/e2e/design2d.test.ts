import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunDetail } from '../../src-shared/api';
import type { RunningLab } from './support/labServer';
import { openBrowserSession, type BrowserSession } from './support/session';
import { callLab } from './support/labCalls';
import { screenshotBoth } from './support/browser';

/**
 * The 2-D designer end to end: a 2-D preset opens the form (not JSON), edits reach the lab's R^d
 * theory (asked of the served LabApi, debounced), a small run starts from the form and its run
 * page shows the same theory panel; Duplicate brings the run back into the 2-D form.
 */
let session: BrowserSession;
let lab: RunningLab;
let page: Page;
let consoleErrors: string[];

const api = <T>(method: string, ...args: unknown[]) => callLab<T>(lab, method, ...args);

/** The l*ᵢ column of one arm's basin table, top to bottom (the "L" of a large basin stripped). */
async function lStars(arm: number): Promise<string[]> {
  const cells = await page.locator(`[data-testid="theory-2d"] [data-theory-arm="${arm}"] [data-testid="lstar"]`).allInnerTexts();
  return cells.map((t) => t.replace(/L/g, '').trim());
}

async function radius(arm: number, basin: number): Promise<string> {
  return page.locator(`[data-testid="theory-2d"] [data-theory-arm="${arm}"] tr[data-basin="${basin}"] td`).nth(2).innerText();
}

beforeAll(async () => {
  session = await openBrowserSession();
  ({ lab, page, consoleErrors } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('the 2-D designer in Chromium', () => {
  it('designs a 2-D exit-time run in the form, follows edits with the lab theory, runs it and shows its theory', async () => {
    await page.goto(`${lab.url.replace(/\/$/, '')}/#/design`);
    await page.waitForSelector('#start-from option[value="preset:figure-4-2d-exit-times"]', { state: 'attached' });
    await page.selectOption('#start-from', 'preset:figure-4-2d-exit-times');

    // The form, filled from the preset: the wide-and-sharp wells, x0 as two numbers, the arms' directions.
    await page.waitForSelector('[data-testid="settings-2d"]');
    expect(await page.inputValue('#landscape2d-preset')).toBe('wide-and-sharp');
    expect(await page.locator('.wells-table tbody tr').count()).toBe(3);
    expect(await page.inputValue('#well-0-width')).toBe('0.6');
    expect([await page.inputValue('#x0-x'), await page.inputValue('#x0-y')]).toEqual(['-0.8', '-0.2']);
    expect(await page.inputValue('#arm-0-direction')).toBe('isotropic');
    expect(await page.inputValue('#arm-2-family')).toBe('gaussian');

    // The lab's theory of wide-and-sharp: clipped at b = 0.5 the wide basin needs three jumps, each sharp one one.
    const panel = page.getByTestId('theory-2d');
    await expect.poll(() => lStars(0), { timeout: 60_000 }).toEqual(['3', '1', '1']);
    expect(await lStars(1)).toEqual(['1', '1', '1']);
    expect(await radius(0, 1)).toBe('1.323');
    expect(await panel.innerText()).toContain("beyond the paper's R¹ theorems");
    expect(await panel.locator('[data-theory-arm="2"]').innerText()).toContain('light-tailed');
    expect(await panel.getByTestId('no-q-note').first().innerText()).toMatch(/not computed in 2-D/);
    await screenshotBoth(page, 'design-2d');

    // Widening the wide well moves its basin's boundary: the table follows, the preset menu says "custom".
    await page.fill('#well-0-width', '0.8');
    expect(await page.inputValue('#landscape2d-preset')).toBe('wells');
    await expect.poll(() => radius(0, 1), { timeout: 60_000 }).not.toBe('1.323');
    const widened = Number(await radius(0, 1));
    expect(widened).toBeGreaterThan(0);
    // A well of width 0 is named at its cell, and the theory waits for a valid design.
    await page.fill('#well-1-width', '0');
    await expect.poll(() => page.locator('#well-1-width-err').innerText(), { timeout: 15_000 }).toMatch(/> 0/);
    expect(await page.getByRole('button', { name: 'Start run' }).isDisabled()).toBe(true);
    await page.fill('#well-1-width', '0.15');
    // x0 outside the box is named at its coordinate.
    await page.fill('#x0-y', '5');
    await expect.poll(() => page.locator('#x0-y-err').innerText(), { timeout: 15_000 }).toMatch(/\[−L, L\]/);
    await page.fill('#x0-y', '-0.1');
    await page.fill('#x0-x', '-0.7');
    await expect.poll(() => page.locator('.design-form .field-errors').allInnerTexts(), { timeout: 15_000 }).toEqual([]);
    await expect.poll(() => radius(0, 1), { timeout: 60_000 }).toBe(widened.toFixed(3));

    // A small run: two large η, a few samples, a low censoring bound.
    await page.fill('#name', 'e2e 2-D design');
    await page.fill('#etas', '0.3, 0.2');
    await page.fill('#samples', '4');
    await page.fill('#maxIterations', '200000');
    await page.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/#\/runs\/\d+$/);
    const id = Number(/#\/runs\/(\d+)$/.exec(page.url())![1]);
    await page.waitForSelector('.page-head .status-pill.completed', { timeout: 150_000 });

    // The stored run is the designed one, and its page shows the R^d theory of its own config.
    const run = await api<RunDetail>('getRunDetail', id);
    expect(run.config.kind).toBe('exit-time-2d');
    expect(run.config.x0).toEqual([-0.7, -0.1]);
    expect((run.config.landscape as unknown as { wells: { width: number }[] }).wells.map((w) => w.width)).toEqual([0.8, 0.15, 0.2]);
    await page.waitForSelector('[data-testid="results-2d"]');
    await expect.poll(() => lStars(1), { timeout: 60_000 }).toEqual(['1', '1', '1']);
    expect(await radius(0, 1)).toBe(widened.toFixed(3));
    await screenshotBoth(page, 'run-2d');

    // Duplicate opens the 2-D form with the run's config.
    await page.getByRole('button', { name: 'Duplicate' }).click();
    await page.waitForSelector('[data-testid="settings-2d"]');
    await expect.poll(() => page.inputValue('#well-0-width'), { timeout: 15_000 }).toBe('0.8');
    expect(await page.inputValue('#x0-x')).toBe('-0.7');
    expect(await page.inputValue('#name')).toBe('e2e 2-D design (copy)');
    expect(await page.inputValue('#samples')).toBe('4');
    expect(consoleErrors).toEqual([]);
  });

  it('edits Müller–Brown by name and axes noise, and the jump counts differ from the isotropic ones', async () => {
    await page.goto(`${lab.url.replace(/\/$/, '')}/#/design`);
    await page.waitForSelector('#start-from option[value="preset:axes-vs-isotropic-2d"]', { state: 'attached' });
    await page.selectOption('#start-from', 'preset:axes-vs-isotropic-2d');
    await page.waitForSelector('[data-testid="settings-2d"]');
    expect(await page.inputValue('#arm-1-direction')).toBe('axes');
    // Unclipped: one isotropic jump leaves the wide basin, axes noise needs two.
    await expect.poll(() => lStars(1), { timeout: 60_000 }).toEqual(['2', '1', '1']);
    expect(await lStars(0)).toEqual(['1', '1', '1']);

    await page.selectOption('#landscape2d-preset', 'muller-brown');
    expect(await page.locator('.wells-table').count()).toBe(0);
    // Its own report (wide-and-sharp also has three minima): r₁ = 0.789 as `lab theory` gives it.
    await expect.poll(() => radius(0, 1), { timeout: 60_000 }).toBe('0.789');
    expect(await page.getByTestId('theory-2d-meta').innerText()).toMatch(/^3 minima, 2 saddles · basin map 257 × 257 nodes/);
    await screenshotBoth(page, 'design-2d-muller-brown');
    expect(consoleErrors).toEqual([]);
  });
});
