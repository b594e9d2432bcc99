import { describe, expect, it } from 'vitest';
import { landscapePresets } from '../../../src-shared/model';
import { limitConstants } from '../../../src-shared/theory';
import { monteCarloTwoJumps, type McLandscape } from './jumpConstructionMonteCarlo';

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
      expect(theory).not.toBeNull();
      const mc = monteCarloTwoJumps(c.ls, c, c.b, c.field, c.samples, 20261126 + c.field);
      const close = (exact: number, estimate: number, se: number) => {
        if (exact === 0) {
          expect(estimate).toBe(0);
          return;
        }
        expect(se / exact).toBeLessThan(0.007);
        expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(Math.max(0.01 * exact, 3 * se));
      };
      close(theory!.q, mc.q, mc.qSE);
      for (const j of Object.keys(theory!.qTo)) close(theory!.qTo[j], mc.qTo[j], mc.qToSE[j]);
    });
  }
});
