import { describe, expect, it } from 'vitest';
import { exitTimeStream } from '../../../src-main/engine/random/streamKey';
import { uniformPositive } from '../../../src-main/engine/random/xoshiro128';
import { fitGpd, gpdLogLikelihood } from '../../../src-shared/stats/gpdFit';

/** GPD(ξ, σ) by inversion, written here independently of the spliced sampler. */
function gpdSamples(xi: number, sigma: number, n: number, seed: number): Float64Array {
  const s = exitTimeStream(seed, 0, 0, 0).subarray(0, 4);
  return Float64Array.from({ length: n }, () => {
    const u = uniformPositive(s);
    return xi === 0 ? -sigma * Math.log(u) : (sigma * (Math.pow(u, -xi) - 1)) / xi;
  });
}

describe('generalized Pareto fit by maximum likelihood', () => {
  // Standard errors from the expected information: (1 + ξ)/√k and σ√(2(1 + ξ)/k).
  it.each([
    [0.5, 2],
    [0.8, 0.1],
    [0.25, 10],
  ])('recovers ξ = %s, σ = %s from 10,000 exceedances within 4 standard errors', (xi, sigma) => {
    const k = 10_000;
    const fit = fitGpd(gpdSamples(xi, sigma, k, 51));
    expect(Math.abs(fit.xi - xi)).toBeLessThan((4 * (1 + xi)) / Math.sqrt(k));
    expect(Math.abs(fit.sigma - sigma)).toBeLessThan(4 * sigma * Math.sqrt((2 * (1 + xi)) / k));
    expect(fit.alpha).toBeCloseTo(1 / fit.xi, 12);
    expect(fit.alphaInterval[0]).toBeLessThan(fit.alpha);
    expect(fit.alphaInterval[1]).toBeGreaterThan(fit.alpha);
  });

  it('is the maximum: the log-likelihood is lower at every nearby (ξ, σ)', () => {
    const y = gpdSamples(0.6, 1, 2000, 52);
    const fit = fitGpd(y);
    for (const [dx, ds] of [[1e-3, 0], [-1e-3, 0], [0, 1e-3], [0, -1e-3], [1e-3, 1e-3], [-1e-3, -1e-3], [1e-3, -1e-3]]) {
      expect(gpdLogLikelihood(y, fit.xi + dx, fit.sigma * (1 + ds))).toBeLessThan(fit.logLikelihood);
    }
    expect(gpdLogLikelihood(y, fit.xi, fit.sigma)).toBeCloseTo(fit.logLikelihood, 6);
  });

  it('exponential exceedances give ξ near 0 (within 4/√k)', () => {
    const k = 10_000;
    const fit = fitGpd(gpdSamples(0, 3, k, 53));
    expect(Math.abs(fit.xi)).toBeLessThan(4 / Math.sqrt(k));
    expect(Math.abs(fit.sigma - 3)).toBeLessThan(4 * 3 * Math.sqrt(2 / k));
  });

  it('the 95% Wald interval for ξ covers the truth in about 95% of 100 fits of 500 exceedances', () => {
    // Coverage count ~ Binomial(100, 0.95): mean 95, standard deviation 2.2; accept 95 ± 4 sd.
    let covered = 0;
    for (let r = 0; r < 100; r++) {
      const fit = fitGpd(gpdSamples(0.5, 1, 500, 1000 + r));
      if (fit.xiInterval[0] <= 0.5 && 0.5 <= fit.xiInterval[1]) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(86);
  });

  it('refuses too few or non-positive exceedances and unknown levels', () => {
    expect(() => fitGpd([1, 2, 3])).toThrow(/at least 20/);
    expect(() => fitGpd([...gpdSamples(0.5, 1, 30, 54), 0])).toThrow(/> 0/);
    expect(() => fitGpd(gpdSamples(0.5, 1, 30, 54), 0.8)).toThrow(/level/);
  });
});
