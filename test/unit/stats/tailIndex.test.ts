import { describe, expect, it } from 'vitest';
import { exitTimeStream } from '../../../src-main/engine/random/streamKey';
import { uniformPositive } from '../../../src-main/engine/random/xoshiro128';
import { lomaxInversion } from '../../../src-main/engine/samplers/lomaxInversion';
import { stableCms } from '../../../src-main/engine/samplers/stableCms';
import { blockSumTailIndex } from '../../../src-shared/stats/blockSumTailIndex';
import { descendingMagnitudes, hillEstimate, hillPlot } from '../../../src-shared/stats/hill';

const main = (seed: number) => exitTimeStream(seed, 0, 0, 0).subarray(0, 4);

/** Pareto(α) on [1, ∞) with a random sign: |X| = 1 + Lomax. */
function paretoSamples(alpha: number, n: number, seed: number): Float64Array {
  const s = main(seed);
  return Float64Array.from({ length: n }, () => (uniformPositive(s) < 0.5 ? -1 : 1) * (1 + lomaxInversion(s, alpha)));
}

function stableSamples(alpha: number, n: number, seed: number): Float64Array {
  const s = main(seed);
  return Float64Array.from({ length: n }, () => 3 * stableCms(s, alpha));
}

describe('Hill estimator', () => {
  // For an exact Pareto tail k/(α̂_k α) is Gamma(k, 1): α̂_k has standard error ≈ α/√k.
  it.each([1.2, 1.7])('recovers α = %s from exact Pareto samples within 4 standard errors (k = 5000)', (alpha) => {
    const x = descendingMagnitudes(paretoSamples(alpha, 50_000, 41));
    const h = hillEstimate(x, 5000);
    expect(h.standardError).toBeCloseTo(h.alpha / Math.sqrt(5000), 12);
    expect(Math.abs(h.alpha - alpha)).toBeLessThan((4 * alpha) / Math.sqrt(5000));
  });

  it('the Hill plot: k increasing on a log scale, each point equal to the direct estimate', () => {
    const samples = paretoSamples(1.5, 20_000, 42);
    const plot = hillPlot(samples, 60);
    expect(plot.length).toBeGreaterThan(40);
    expect(plot.length).toBeLessThanOrEqual(60);
    expect(plot[0].k).toBe(2);
    expect(plot[plot.length - 1].k).toBe(19_999);
    const x = descendingMagnitudes(samples);
    for (let i = 1; i < plot.length; i++) expect(plot[i].k).toBeGreaterThan(plot[i - 1].k);
    for (const p of plot.filter((_, i) => i % 10 === 0)) expect(p.alpha).toBeCloseTo(hillEstimate(x, p.k).alpha, 9);
  });

  it('drops zeros (log 0) and refuses k outside [1, n − 1]', () => {
    expect(descendingMagnitudes([0, -2, 1, 0, 3])).toEqual(Float64Array.from([3, 2, 1]));
    const x = descendingMagnitudes([1, 2, 3]);
    expect(() => hillEstimate(x, 3)).toThrow(RangeError);
    expect(() => hillEstimate(x, 0)).toThrow(RangeError);
  });
});

describe('block-sum estimator of Şimşekli et al.', () => {
  // For strictly stable samples the estimator of 1/α is unbiased at every block size, so it must
  // land within 4 of its (slightly overstated) standard errors.
  it.each([1.2, 1.5, 1.8])('recovers α = %s from symmetric stable samples (K = 250,000, K₁ = 500)', (alpha) => {
    const e = blockSumTailIndex(stableSamples(alpha, 250_000, 43));
    expect(e.blockSize).toBe(500);
    expect(e.blocks).toBe(500);
    expect(Math.abs(e.inverseAlpha - 1 / alpha)).toBeLessThan(4 * e.inverseAlphaStandardError);
    expect(e.alphaStandardError).toBeLessThan(0.1);
  });

  it('does not depend on the scale of the samples', () => {
    const x = stableSamples(1.5, 40_000, 44);
    expect(blockSumTailIndex(x.map((v) => 1e-3 * v), 200).alpha).toBeCloseTo(blockSumTailIndex(x, 200).alpha, 9);
  });

  it('refuses too few samples for two blocks', () => {
    expect(() => blockSumTailIndex([1, 2, 3], 2)).toThrow(/two blocks/);
  });
});
