import { describe, expect, it } from 'vitest';
import type { ParetoNoise } from '../../../src-shared/model';
import { erfc, integrate, lowerTail, tail, upperTail } from '../../../src-shared/theory';

describe('erfc', () => {
  // Reference values from CPython's math.erfc (an independent implementation).
  const reference: [number, number][] = [
    [0.1, 0.8875370839817152],
    [0.5, 0.4795001221869535],
    [0.9, 0.20309178757716786],
    [1, 0.15729920705028513],
    [1.49, 0.03510213515679579],
    [2, 0.004677734981047265],
    [3, 2.2090496998585438e-5],
    [5, 1.5374597944280351e-12],
    [10, 2.088487583762545e-45],
    [26, 5.663192408856143e-296],
    [-1, 1.842700792949715],
  ];
  it.each(reference)('erfc(%s) to 1e-14 relative', (x, value) => {
    expect(Math.abs(erfc(x) - value) / value).toBeLessThan(1e-14);
  });
  it('is 1 at 0 and 0 far out', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(40)).toBe(0);
  });
});

describe('H(x) = P(|Z| > x), Gaussian', () => {
  it('is erfc(x / (σ√2)) and splits evenly into H₊, H₋', () => {
    const noise = { family: 'gaussian', sigma: 2 } as const;
    expect(Math.abs(tail(noise, 2) - 0.31731050786291415) / 0.31731050786291415).toBeLessThan(1e-14); // P(|N(0,1)| > 1)
    expect(Math.abs(tail(noise, 6) - 0.0026997960632601913) / 0.0026997960632601913).toBeLessThan(1e-14); // > 3σ
    expect(upperTail(noise, 6)).toBe(lowerTail(noise, 6));
  });
});

describe('H(x) = P(|Z| > x), pareto Z = scale·(U·W − (2p₊ − 1)/(α − 1))', () => {
  it('is (1 + x/scale)^−α when p₊ = 1/2 (no shift)', () => {
    const noise: ParetoNoise = { family: 'pareto', alpha: 1.2, scale: 0.1, pPlus: 0.5 };
    for (const x of [0, 0.01, 0.3, 7, 1000, 1e6]) {
      const direct = Math.pow(1 + x / 0.1, -1.2);
      expect(Math.abs(tail(noise, x) - direct) / direct).toBeLessThan(1e-13);
    }
  });

  it('matches 1 − F_Z(x) + F_Z(−x) from the CDF of Z, including |x| below the shift', () => {
    const noise: ParetoNoise = { family: 'pareto', alpha: 1.5, scale: 0.3, pPlus: 0.7 };
    const c = (2 * 0.7 - 1) / (1.5 - 1); // shift 0.8: branches flip at x = 0.24
    const FW = (w: number) => (w <= 0 ? 0 : 1 - Math.pow(1 + w, -1.5));
    // P(Z ≤ z) = p₊ P(W ≤ z/s + c) + p₋ P(W ≥ −(z/s + c)).
    const FZ = (z: number) => 0.7 * FW(z / 0.3 + c) + 0.3 * (1 - FW(-(z / 0.3 + c)));
    for (const x of [0, 0.05, 0.2, 0.239, 0.241, 0.5, 3, 100]) {
      expect(upperTail(noise, x)).toBeCloseTo(1 - FZ(x), 13);
      expect(lowerTail(noise, x)).toBeCloseTo(FZ(-x), 13);
      expect(tail(noise, x)).toBeCloseTo(1 - FZ(x) + FZ(-x), 13);
    }
  });

  it('has p₊ of its far tail on the right (Assumption 2)', () => {
    const noise: ParetoNoise = { family: 'pareto', alpha: 1.5, scale: 0.3, pPlus: 0.7 };
    expect(upperTail(noise, 1e9) / tail(noise, 1e9)).toBeCloseTo(0.7, 6);
  });

  it.each([0.3, 0.5, 0.85])('is centred: ∫₀^∞ H₊ − H₋ = E Z = 0 (p₊ = %s)', (pPlus) => {
    const alpha = 1.7;
    const scale = 0.4;
    const noise: ParetoNoise = { family: 'pareto', alpha, scale, pPlus };
    const c = (2 * pPlus - 1) / (alpha - 1);
    // Numerically up to X (split at the branch point |c|·scale), then the exact tail integral
    // ∫_X^∞ p (1 + x/s ± c)^−α dx = p s (1 + X/s ± c)^(1−α) / (α − 1).
    const X = 50;
    const diff = (x: number) => upperTail(noise, x) - lowerTail(noise, x);
    const kink = Math.abs(c) * scale;
    const head = integrate(diff, 0, kink) + integrate(diff, kink, X);
    const rest =
      (scale / (alpha - 1)) * (pPlus * Math.pow(1 + X / scale + c, 1 - alpha) - (1 - pPlus) * Math.pow(1 + X / scale - c, 1 - alpha));
    const eAbs = integrate((x) => tail(noise, x), 0, X); // scale for the comparison
    expect(Math.abs(head + rest)).toBeLessThan(1e-9 * eAbs);
  });
});
