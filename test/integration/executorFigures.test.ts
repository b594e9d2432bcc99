import { afterAll, describe, expect, it } from 'vitest';
import figures15 from '../../resources/presets/figures-1-5-long-run.json';
import { expandConfig } from '../../src-shared/model/expandConfig';
import type { ExitTimeArmResult } from '../../src-shared/model/results';
import { EnginePool } from '../../src-main/engine/executor/enginePool';
import { bundledWorker, completedResult, smallExitTime } from './executorTestKit';
import { slopeStandardError } from '../unit/engine/statistics';

const pool = new EnginePool({ workers: 2, workerUrl: bundledWorker });
afterAll(() => pool.close());

/** The slope's standard error from the points' own standard errors (delta method). */
function slopeError(arm: ExitTimeArmResult): number {
  const se = slopeStandardError(arm.points);
  if (se === null) throw new Error('no slope error');
  return se;
}

describe('the paper\'s figures, reduced, through the executor', () => {
  it('Figure 4: exit exponents ≈ α = 1.2 unclipped, between 1.2 and 1.5 with b = 0.5; clipping slows exits', async () => {
    // Ω2 from x0 = −0.7, Pareto α = 1.2, scale 0.1; arms b = 0.5 and unclipped.
    const config = smallExitTime({ seed: 1, etas: [0.1, 0.03, 0.01, 0.003], samples: 100 });
    const result = await completedResult(pool, config);
    if (result.kind !== 'exit-time') throw new Error('expected an exit-time result');
    const [clipped, free] = result.arms;
    for (const arm of result.arms) for (const p of arm.points) expect(p).toMatchObject({ samples: 100, censored: 0 });
    // Unclipped, β = α = 1.2 (Theorem 1 with l* = 1). σ is close to exponential, so each
    // mean carries ≈ 10% relative error at 100 samples; 3 standard errors of the slope
    // propagated from those (≈ 0.04 each) bound a fixed-seed miss at the 0.3% level.
    expect(Math.abs((free.fit?.slope ?? NaN) - 1.2)).toBeLessThan(3 * slopeError(free));
    // b = 0.5 gives l*_2 = 2 (r_2 = 0.64), β = 1.4: the measured slope lies in (1.2, 1.5).
    expect(clipped.fit?.slope).toBeGreaterThan(1.2);
    expect(clipped.fit?.slope).toBeLessThan(1.5);
    expect(clipped.theory).toEqual({ field: 2, lStar: 2, exponent: expect.closeTo(1.4, 12) });
    // At small η a clipped exit needs two large jumps: the theory's ratio of means is > 25 at
    // η = 0.01, many standard errors beyond noise.
    for (const e of [2, 3]) expect(clipped.points[e].mean).toBeGreaterThan(free.points[e].mean + 3 * (clipped.points[e].stderr + free.points[e].stderr));
  });

  it('Figure 1: clipping keeps heavy-tailed SGD out of the sharp minima; light tails never leave Ω3', async () => {
    // The Figures 1 and 5 preset, reduced to 8 paths × 1,000,000 iterations.
    const config = expandConfig({ ...figures15, paths: 8, iterations: 1_000_000 });
    const result = await completedResult(pool, config);
    if (result.kind !== 'long-run') throw new Error('expected a long-run result');
    const sharp = (occupancy: number[]) => occupancy[0] + occupancy[2];
    const [heavyFree, heavyClipped, lightFree, lightClipped] = result.arms;
    expect(sharp(heavyClipped.occupancy)).toBeLessThan(0.05);
    expect(sharp(heavyFree.occupancy)).toBeGreaterThan(0.08);
    for (const arm of [lightFree, lightClipped]) {
      expect(arm.occupancy).toEqual([0, 0, 1, 0]);
      expect(arm.transitions.flat().every((c) => c === 0)).toBe(true);
    }
    for (const arm of result.arms) expect(arm.iterations).toBe(8_000_000);
  });
});
