import { describe, expect, it } from 'vitest';
import { landscapePresets } from '../../../src-shared/model';
import { limitConstants } from '../../../src-shared/theory';
import { monteCarloJumps, type McLandscape } from './jumpConstructionMonteCarlo';

/**
 * The l* = 2 quadrature against an independent Monte Carlo of the jump construction
 * (see jumpConstructionMonteCarlo.ts). Tolerance: max(1%, 3·SE), SE the Monte Carlo
 * standard error of the sample mean; sample sizes are chosen so SE stays under 0.7% of q
 * (checked below, so the comparison cannot pass by being vague). Unreachable destinations
 * must be exactly 0 in both.
 */
const cases: { name: string; ls: McLandscape; alpha: number; pPlus: number; b: number; field: number; samples: number }[] = [
  { name: 'paper Ω2, b = 0.5 (exits both ways)', ls: landscapePresets.paper, alpha: 1.2, pPlus: 0.5, b: 0.5, field: 2, samples: 6_000_000 },
  { name: 'paper Ω4, b = 0.5 (first jump projected at L)', ls: landscapePresets.paper, alpha: 1.2, pPlus: 0.5, b: 0.5, field: 4, samples: 2_000_000 },
  { name: 'three wells Ω1, b = 0.32, α = 1.6, p₊ = 0.7', ls: landscapePresets['three-wells'], alpha: 1.6, pPlus: 0.7, b: 0.32, field: 1, samples: 1_500_000 },
  { name: 'three wells Ω2, b = 0.32 (left only)', ls: landscapePresets['three-wells'], alpha: 1.6, pPlus: 0.7, b: 0.32, field: 2, samples: 1_500_000 },
  {
    name: 'narrow Ω2: two jumps from m1 reach Ω2 or Ω3, α = 1.4, p₊ = 0.4',
    ls: { criticalPoints: [-1, -0.3, -0.2, -0.1, 0.5], L: 1, gradientScale: 2 },
    alpha: 1.4,
    pPlus: 0.4,
    b: 0.5,
    field: 1,
    samples: 3_000_000,
  },
];

describe('limit constants for l* = 2 match a Monte Carlo of the jump construction', () => {
  for (const c of cases) {
    it(c.name, () => {
      const law = { alpha: c.alpha, pPlus: c.pPlus, clip: c.b, L: c.ls.L };
      const theory = limitConstants({ ...c.ls, criticalPoints: [...c.ls.criticalPoints] }, law, c.field, 2);
      const mc = monteCarloJumps(c.ls, c, c.b, c.field, 2, c.samples, 20261126 + c.field);
      const close = (exact: number, estimate: number, se: number) => {
        if (exact === 0) {
          expect(estimate).toBe(0);
          return;
        }
        expect(se / exact).toBeLessThan(0.007);
        expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(Math.max(0.01 * exact, 3 * se));
      };
      close(theory.q, mc.q, mc.qSE);
      for (const j of Object.keys(theory.qTo)) close(theory.qTo[j], mc.qTo[j], mc.qToSE[j]);
    });
  }
});

/**
 * l* = 3 (a 5-dimensional integral) against the same independent Monte Carlo. The chain's
 * stated error is ≈ 1e-9 relative, so the bar is the Monte Carlo's: |MC − chain| ≤ 3·SE + qError,
 * with SE under 2% of each non-zero constant (checked, so the comparison is sharp enough to
 * catch a missing factor or a wrong side).
 */
const threeJumpCases: (typeof cases)[number][] = [
  { name: 'paper Ω2, b = 0.256 (l* = 3, left only)', ls: landscapePresets.paper, alpha: 1.2, pPlus: 0.5, b: 0.256, field: 2, samples: 2_000_000 },
  {
    name: 'Ω2 = (−0.5, 0.55), b = 0.2 (l* = 3, exits both ways), α = 1.5, p₊ = 0.7',
    ls: { criticalPoints: [-1.2, -0.5, 0, 0.55, 1.1], L: 1.5, gradientScale: 2 },
    alpha: 1.5,
    pPlus: 0.7,
    b: 0.2,
    field: 2,
    samples: 3_000_000,
  },
];

describe('limit constants for l* = 3 match a Monte Carlo of the jump construction', () => {
  for (const c of threeJumpCases) {
    it(c.name, () => {
      const law = { alpha: c.alpha, pPlus: c.pPlus, clip: c.b, L: c.ls.L };
      const theory = limitConstants({ ...c.ls, criticalPoints: [...c.ls.criticalPoints] }, law, c.field, 3);
      const mc = monteCarloJumps(c.ls, c, c.b, c.field, 3, c.samples, 20261129 + c.field);
      const close = (exact: number, error: number, estimate: number, se: number) => {
        if (exact === 0) {
          expect(estimate).toBe(0);
          return;
        }
        expect(se / exact).toBeLessThan(0.02);
        expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(3 * se + error);
      };
      close(theory.q, theory.qError, mc.q, mc.qSE);
      for (const j of Object.keys(theory.qTo)) close(theory.qTo[j], theory.qToError[j], mc.qTo[j], mc.qToSE[j]);
    });
  }
});
