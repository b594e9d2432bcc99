import { describe, expect, it } from 'vitest';
import { stableRegularVariation, stableTail } from '../../../src-shared/theory/tails/stableTail';
import { studentRegularVariation, studentTail } from '../../../src-shared/theory/tails/studentTail';
import { erfc } from '../../../src-shared/theory/erfc';

/** log Γ(x) for x > 0 by Lanczos (g = 7, nine terms; relative error ~1e−15), written for these tests only. */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const gamma = (x: number) => Math.exp(logGamma(x));

/**
 * P(|S| ≤ s) for standard symmetric stable, α > 1, from the convergent power series of the
 * density, f(x) = (1/(πα)) Σ_k (−1)^k Γ((2k+1)/α)/(2k)! x^{2k}, integrated term by term. The terms
 * alternate and grow before they shrink, so it is used only for s ≤ 1.5 (cancellation < 1e−12).
 */
function stableCentralSeries(alpha: number, s: number): number {
  let sum = 0;
  for (let k = 0; k < 400; k++) {
    const log = logGamma((2 * k + 1) / alpha) - logGamma(2 * k + 2) + (2 * k + 1) * Math.log(s);
    const term = (k % 2 === 0 ? 1 : -1) * Math.exp(log);
    sum += term;
    if (Math.abs(term) < 1e-18 * Math.abs(sum) && k > 5) break;
  }
  return (2 / (Math.PI * alpha)) * sum;
}

/**
 * P(|S| > s) from the asymptotic series (2/π) Σ_k (−1)^{k+1} Γ(kα)/k! sin(kπα/2) s^{−kα}
 * (Feller II, XVII.6), truncated at its smallest term; for s ≥ 20 that term is far below 1e−12.
 */
function stableAsymptoticSeries(alpha: number, s: number): number {
  let sum = 0;
  let last = Infinity;
  for (let k = 1; k < 40; k++) {
    const size = Math.exp(logGamma(k * alpha) - logGamma(k + 1) - k * alpha * Math.log(s));
    if (size > last) break;
    last = size;
    sum += (k % 2 === 1 ? 1 : -1) * Math.sin((k * Math.PI * alpha) / 2) * size;
  }
  return (2 / Math.PI) * sum;
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('stable tail H(x) = P(|Z| > x) by Nolan\'s integral', () => {
  it.each([1.1, 1.5, 1.9])('α = %s agrees with the convergent density series for x ≤ 1.5', (alpha) => {
    for (const x of [0.05, 0.3, 0.8, 1.5]) {
      expect(rel(stableTail({ family: 'stable', alpha, scale: 1 }, x), 1 - stableCentralSeries(alpha, x))).toBeLessThan(1e-9);
    }
  });

  it.each([1.1, 1.5, 1.9])('α = %s agrees with the asymptotic series for large x', (alpha) => {
    for (const x of [20, 100, 1e4, 1e8]) {
      expect(rel(stableTail({ family: 'stable', alpha, scale: 1 }, x), stableAsymptoticSeries(alpha, x))).toBeLessThan(1e-9);
    }
  });

  it('α = 2 is the normal law with variance 2·scale² (against erfc.ts)', () => {
    for (const x of [0.1, 1, 3, 8]) {
      const scale = 0.7;
      expect(rel(stableTail({ family: 'stable', alpha: 2, scale }, x), erfc(x / (2 * scale)))).toBeLessThan(1e-9);
    }
  });

  it('scales with scale, equals 1 at 0, and decreases', () => {
    const a = { family: 'stable' as const, alpha: 1.4, scale: 1 };
    const b = { family: 'stable' as const, alpha: 1.4, scale: 3 };
    expect(stableTail(a, 0)).toBe(1);
    expect(rel(stableTail(b, 6), stableTail(a, 2))).toBeLessThan(1e-12);
    let previous = 1;
    for (let x = 0.25; x < 1e3; x *= 1.7) {
      const h = stableTail(a, x);
      expect(h).toBeLessThan(previous);
      previous = h;
    }
  });

  it('reports α and p₊ = 1/2, and no regular variation at α = 2', () => {
    expect(stableRegularVariation({ family: 'stable', alpha: 1.3, scale: 2 })).toEqual({ alpha: 1.3, pPlus: 0.5 });
    expect(stableRegularVariation({ family: 'stable', alpha: 2, scale: 2 })).toBeNull();
  });
});

describe('Student-t tail by the regularized incomplete beta', () => {
  // Closed forms: ν = 2: P(|T| > t) = 1 − t/√(2 + t²); ν = 3: 1 − (2/π)(t/(√3 (1 + t²/3)) + atan(t/√3)),
  // the far tail written without cancellation as its own expression where needed.
  const nu2 = (t: number) => 1 - t / Math.sqrt(2 + t * t);
  const nu3 = (t: number) => 1 - (2 / Math.PI) * (t / (Math.sqrt(3) * (1 + (t * t) / 3)) + Math.atan(t / Math.sqrt(3)));

  it('ν = 2 and ν = 3 agree with the closed forms', () => {
    for (const t of [0.1, 1, 2.5, 10, 40]) {
      expect(rel(studentTail({ family: 'student', nu: 2, scale: 1 }, t), nu2(t))).toBeLessThan(1e-10);
      expect(rel(studentTail({ family: 'student', nu: 3, scale: 1 }, t), nu3(t))).toBeLessThan(1e-9);
    }
  });

  it('the far tail keeps its relative precision (ν = 1.5: P(|T| > t) ~ c t^−1.5)', () => {
    // The density ~ Γ((ν+1)/2) ν^{(ν+1)/2} / (√(νπ) Γ(ν/2)) t^{−ν−1}; integrated on both sides: c = 2 Γ((ν+1)/2) ν^{ν/2 − 1} / (√π Γ(ν/2)).
    const nu = 1.5;
    const c = (2 * gamma((nu + 1) / 2) * Math.pow(nu, nu / 2 - 1)) / (Math.sqrt(Math.PI) * gamma(nu / 2));
    const t = 1e8;
    expect(rel(studentTail({ family: 'student', nu, scale: 1 }, t), c * Math.pow(t, -nu))).toBeLessThan(1e-6);
    expect(rel(studentTail({ family: 'student', nu, scale: 2 }, 2 * t), c * Math.pow(t, -nu))).toBeLessThan(1e-6);
  });

  it('reports α = ν and p₊ = 1/2', () => {
    expect(studentRegularVariation({ family: 'student', nu: 2.5, scale: 1 })).toEqual({ alpha: 2.5, pPlus: 0.5 });
  });
});
