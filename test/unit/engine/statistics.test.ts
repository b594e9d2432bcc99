import { describe, expect, it } from 'vitest';
import { chiSquareCritical, normalCdf, normalTail, slopeStandardError } from './statistics';

// The helpers the sampler tests lean on, checked against published values.
describe('test statistics helpers', () => {
  it('computes Φ to many digits (Abramowitz and Stegun table 26.1)', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 13);
    expect(normalCdf(-1.96)).toBeCloseTo(0.024997895148220435, 13);
    expect(normalCdf(3)).toBeCloseTo(0.9986501019683699, 11);
    expect(normalTail(5) / 2.866515718791939e-7).toBeCloseTo(1, 7);
  });

  it('gives χ² critical values close to the tables', () => {
    // Wilson–Hilferty is within 1% from 10 dof on (0.6% at 10, 0.04% at 100).
    expect(Math.abs(chiSquareCritical(10) / 29.588 - 1)).toBeLessThan(0.01);
    expect(Math.abs(chiSquareCritical(100) / 149.449 - 1)).toBeLessThan(0.001);
  });

  it('propagates the points\' relative errors into the log-log slope: Σ w_k² (se_k/mean_k)²', () => {
    // Two points: slope = (y1 − y0)/(x1 − x0), so its error is √(r0² + r1²)/(x1 − x0).
    const se = slopeStandardError([
      { eta: 0.1, mean: 100, stderr: 10 },
      { eta: 0.01, mean: 1000, stderr: 200 },
    ]);
    expect(se).toBeCloseTo(Math.sqrt(0.1 ** 2 + 0.2 ** 2) / Math.log(10), 12);
  });
});
