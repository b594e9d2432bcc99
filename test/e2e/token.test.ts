import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildRendererIfStale } from './support/buildRenderer';
import { startLab, type RunningLab } from './support/labServer';
import { launchChromium, openPage } from './support/browser';

/**
 * The browser door with a bearer token: the page takes `?token=` from the URL the server prints,
 * strips it from the address, and every API call and the event stream carry it.
 */
let lab: RunningLab;
let browser: Browser;
const token = 'e2e-secret-token';

beforeAll(async () => {
  await buildRendererIfStale();
  lab = await startLab(['--token', token]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await lab?.stop();
});

describe('the page token', () => {
  it('is picked up once from the URL and used for calls and events', async () => {
    expect(lab.url).toContain(`?token=${token}`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, consoleErrors } = await openPage(context);
    await page.goto(lab.url);
    await page.waitForURL((u) => !u.search.includes('token'));
    // The list loaded (an empty database) with the token: no 401 shown.
    await page.getByText('No runs yet.').waitFor();
    expect(await page.locator('[role="alert"]').count()).toBe(0);

    // A run started by another client (with the header) reaches this page only through the
    // event stream, which authenticates with the token as a query parameter.
    const base = lab.url.split('?')[0].replace(/\/$/, '');
    const started = (await (
      await fetch(`${base}/api/startRun`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify([{
          name: 'token check', kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7, etas: [0.3], samples: 2, maxIterations: 100000,
          arms: [{ label: 'b=0.5', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.5 }],
        }]),
      })
    ).json()) as { id: number };
    await page.locator(`tr[data-run-id="${started.id}"] .status-pill.completed`).waitFor({ timeout: 60_000 });

    // Without the token the API refuses, so the page really was sending it.
    const refused = await fetch(`${base}/api/listRuns`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[]' });
    expect(refused.status).toBe(401);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
