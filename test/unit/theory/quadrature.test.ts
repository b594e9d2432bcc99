import { describe, expect, it } from 'vitest';
import { integrate } from '../../../src-shared/theory';

describe('adaptive Gauss–Kronrod quadrature', () => {
  it('integrates polynomials and smooth functions to rounding', () => {
    expect(integrate((x) => x ** 5, 0, 1)).toBeCloseTo(1 / 6, 14);
    expect(integrate(Math.sin, 0, Math.PI)).toBeCloseTo(2, 14);
    expect(integrate(Math.exp, -1, 2)).toBeCloseTo(Math.exp(2) - Math.exp(-1), 13);
  });

  it('refines where the integrand is rough', () => {
    expect(integrate(Math.sqrt, 0, 1)).toBeCloseTo(2 / 3, 10);
    expect(integrate((x) => 1 / (1e-4 + x * x), -1, 1)).toBeCloseTo(200 * Math.atan(100), 8);
  });

  it('is oriented', () => {
    expect(integrate((x) => x, 1, 0)).toBeCloseTo(-0.5, 15);
    expect(integrate((x) => x, 2, 2)).toBe(0);
  });
});
