import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { expandConfig } from '../../src-shared/model/expandConfig';
import { theoryReport } from '../../src-shared/theory/report';
import { TheoryPool } from '../../src-main/service/theoryPool';
import { exitTimeConfig } from './cliHarness';

/** The theory report on a real worker thread (the bundled worker entry), cached by config and η. */
const pool = new TheoryPool({ workerUrl: pathToFileURL(resolve(__dirname, '../../out/node/worker.js')) });
afterAll(() => pool.destroy());

describe('TheoryPool', () => {
  const config = expandConfig(exitTimeConfig());

  it('computes exactly what theoryReport computes in this thread', async () => {
    expect(await pool.report(config, 0.001)).toEqual(theoryReport(config, 0.001));
    expect(await pool.report(config, undefined)).toEqual(theoryReport(config));
  });

  it('answers a repeated request from its cache, also when only the name or samples changed', async () => {
    const first = pool.report(config, 0.01);
    expect(pool.report(config, 0.01)).toBe(first);
    expect(pool.report({ ...config, name: 'renamed', samples: 99 } as typeof config, 0.01)).toBe(first);
    expect(pool.report(config, 0.02)).not.toBe(first);
    const otherArms = { ...config, arms: [{ ...config.arms[0], clip: 0.45 }] };
    expect(pool.report(otherArms, 0.01)).not.toBe(first);
    await first;
  });

  it('keeps the main thread free while a large landscape is computed', async () => {
    const n = 101;
    const criticalPoints = Array.from({ length: n }, (_, k) => -5 + (10 * k) / (n - 1) + (k % 2 ? 0.03 : 0));
    const big = expandConfig({
      ...exitTimeConfig(),
      x0: 0.05,
      landscape: { criticalPoints, L: 6 },
      arms: Array.from({ length: 20 }, (_, k) => ({ label: `b${k}`, noise: { family: 'pareto', alpha: 1.2 + k / 100, scale: 0.1 }, clip: 0.069 })),
    });
    let finished = false;
    const heavy = pool.report(big, 0.001).then(() => (finished = true));
    // Timers keep firing while the report is computed elsewhere (computed here, none would run until it ended).
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    await new Promise((r) => setTimeout(r, 300));
    const ticksWhileBusy = ticks;
    const wasFinished = finished;
    await heavy;
    clearInterval(timer);
    expect(wasFinished).toBe(false);
    expect(ticksWhileBusy).toBeGreaterThan(3);
  });
});
