import { describe, expect, it } from 'vitest';
import { formatSci } from '../../../src-renderer/format';

describe('compact scientific notation', () => {
  it('writes plain numbers between 0.01 and 10⁴ and a mantissa with its exponent outside', () => {
    expect([0.001, 12345, 0.5, 250, -3.2e-5, 0, 1e-4].map((v) => formatSci(v))).toEqual(['1e-3', '1.23e4', '0.5', '250', '-3.2e-5', '0', '1e-4']);
  });

  it('carries a mantissa that rounds up to 10 into the exponent', () => {
    // H(1/η) of Pareto(α = 1.2, scale 0.1) at η = 1e-4: (1 + 1e5)^−1.2 = 9.99988e-7, once shown as "10e-7".
    expect(formatSci((1 + 1e5) ** -1.2)).toBe('1e-6');
    expect(formatSci(9.9996e4)).toBe('1e5');
    expect(formatSci(-0.0099999)).toBe('-1e-2');
    expect(formatSci(9.996e-7, 4)).toBe('9.996e-7');
  });
});
