import { describe, expect, it } from 'vitest';
import { sweepPresets } from '../../../src-main/sweepPresets';
import { expandSweep, sweepCells, sweepTheory } from '../../../src-shared/sweep';
import { theoryAtEachEta } from '../../../src-renderer/runTheory';
import { estimateSweep } from '../../../src-renderer/design/sweepAxes';

const preset = (id: string) => expandSweep(sweepPresets.find((p) => p.id === id)!.config);

describe('the sweep presets', () => {
  it('the b staircase crosses l*₂ = 1, 2, 3 and says how long it takes', () => {
    const sweep = preset('sweep-b-staircase');
    expect(sweep.over[0].values).toHaveLength(12);
    const lStars = sweepTheory(sweep).cells.map((c) => c.report.arms[0].fields[1].lStar);
    expect(new Set(lStars)).toEqual(new Set([1, 2, 3]));
    // Every cell meets Assumption 3 (r_i/b never an integer), so each has a prediction.
    expect(sweepTheory(sweep).cells.every((c) => c.report.arms[0].applicable)).toBe(true);
    // No cell censored: σ is close to exponential, so P(σ > maxIterations) ≈ e^(−maxIterations/mean);
    // at 50 means that is e^−50 per sample, nothing over the preset's 7,200 samples.
    for (const cell of sweepCells(sweep)) {
      if (cell.config.kind !== 'exit-time') throw new Error('exit-time cells');
      for (const report of theoryAtEachEta(cell.config)) {
        expect(cell.config.maxIterations).toBeGreaterThan(50 * report.arms[0].fields[1].predictedMeanExit!);
      }
    }
    const estimate = estimateSweep(sweep, null);
    expect(estimate.fromTheory).toBe(true);
    expect(estimate.iterations / 1e10).toBeCloseTo(5.2, 1);
    expect(sweepPresets[0].description).toContain('5.2e10 iterations');
  });

  it('the two-axis long run spans b × α with M^large = {m2, m4} at b = 0.5', () => {
    const sweep = preset('sweep-sharp-minima-share');
    expect(sweepCells(sweep)).toHaveLength(20);
    const atHalf = sweepTheory(sweep).cells.filter((c) => c.values.clip === 0.5);
    expect(atHalf.map((c) => c.report.arms[0].largeMinima)).toEqual([[2, 4], [2, 4], [2, 4], [2, 4]]);
    expect(estimateSweep(sweep, null).iterations).toBe(8e9);
  });
});
