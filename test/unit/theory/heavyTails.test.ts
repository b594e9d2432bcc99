import { describe, expect, it } from 'vitest';
import { stableRegularVariation, stableTail } from '../../../src-shared/theory/tails/stableTail';
import { studentRegularVariation, studentTail } from '../../../src-shared/theory/tails/studentTail';
import { erfc } from '../../../src-shared/theory/erfc';
import { gamma, stableAsymptoticSeries, stableCentralSeries } from './stableSeries';

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
