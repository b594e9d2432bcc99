import { describe, expect, it } from 'vitest';
import { exitTimeStream } from '../../../src-main/engine/random/streamKey';
import { stableCms } from '../../../src-main/engine/samplers/stableCms';
import { analyseNoise } from '../../../src-shared/stats/noiseAnalysis';
import { MIN_NOISE_SAMPLES } from '../../../src-shared/stats/noiseFile';

describe('analysis of imported noise', () => {
  it('stable α = 1.5 samples: Hill plot, block-sum estimate and GPD fit all point at α = 1.5', () => {
    const s = exitTimeStream(91, 0, 0, 0).subarray(0, 4);
    const z = Float64Array.from({ length: 40_000 }, () => 0.01 * stableCms(s, 1.5));
    const a = analyseNoise(z);
    expect(a.law.sampleCount).toBe(40_000);
    expect(a.law.tailCount).toBe(2000);
    // The GPD limit of stable exceedances has ξ = 1/α; at the 95% quantile with 2000
    // exceedances the error bar (≈ 0.03 in ξ) dominates the remaining bias.
    expect(Math.abs(a.law.gpd.xi - 1 / 1.5)).toBeLessThan(4 * a.law.gpd.xiStandardError);
    expect(a.blockSum).not.toBeNull();
    expect(Math.abs((a.blockSum?.inverseAlpha ?? 0) - 1 / 1.5)).toBeLessThan(4 * (a.blockSum?.inverseAlphaStandardError ?? 0));
    // The Hill estimate at k = 400 (1% of the data): stable tails reach their power law slowly,
    // so allow the estimator's SE plus the known second-order bias (< 0.15 here).
    const hill400 = a.hill.reduce((best, p) => (Math.abs(p.k - 400) < Math.abs(best.k - 400) ? p : best));
    expect(Math.abs(hill400.alpha - 1.5)).toBeLessThan(4 * hill400.standardError + 0.15);
    expect(a.survival.data.length).toBeGreaterThan(50);
    expect(Math.abs(a.pPlus - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / 2000));
  });

  it('works at the documented minimum sample count', () => {
    const s = exitTimeStream(92, 0, 0, 0).subarray(0, 4);
    const z = Float64Array.from({ length: MIN_NOISE_SAMPLES }, () => stableCms(s, 1.7));
    const a = analyseNoise(z);
    expect(a.law.tailCount).toBe(50);
    expect(a.blockSum?.blockSize).toBe(31);
    expect(a.blockSum?.blocks).toBe(32);
  });
});
