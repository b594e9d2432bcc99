import { describe, expect, it } from 'vitest';
import { chiSquareCritical, normalCdf, normalTail } from './statistics';

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
    expect(chiSquareCritical(10) / 29.588).toBeCloseTo(1, 1); // Wilson–Hilferty is within 1% from 10 dof on
    expect(chiSquareCritical(100) / 149.449).toBeCloseTo(1, 2);
  });
});
